import { chmodSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostHealth } from '../../../contracts/health';
import { BackupManifest } from '../../../host/backup/backup-manifest';
import { backUpNow, issue, listBackups, startBackupHost, technician, type BackupHost } from './support';

describe('backups of the hall database', () => {
  let b: BackupHost | undefined;
  afterEach(async () => {
    await b?.dispose();
    b = undefined;
  });

  it('back up now: a checked copy named with the hall id and the hall-local time, listed with its size and check', async () => {
    b = await startBackupHost();
    await issue(b.host);
    const list = await backUpNow(b.host);
    expect(list.health).toMatchObject({ state: 'ok', lastFailure: null, running: false });
    expect(list.backups).toHaveLength(1);
    const [made] = list.backups;
    expect(made?.name).toMatch(/^hall-kiosk-hall-07-\d{8}-\d{6}\.sqlite$/);
    expect(made).toMatchObject({ madeHere: true, check: { result: 'ok' } });
    expect(made?.size).toBeGreaterThan(0);
    // In the folder: the file and its manifest, nothing half-written left behind.
    expect(readdirSync(b.folder).sort()).toEqual([made?.name, `${made?.name}.json`]);
    const manifest = BackupManifest.parse(JSON.parse(readFileSync(join(b.folder, `${made?.name}.json`), 'utf8')));
    expect(manifest).toMatchObject({ hallId: 'hall-07', size: made?.size, check: { result: 'ok' } });
    expect(manifest.check.schemaVersion).toBeGreaterThan(0);
    // No temporary copy stays in the data folder.
    expect(readdirSync(b.host.dataDir).filter((f) => f.includes('backup-in-progress'))).toEqual([]);
  });

  it('a missing folder is a clear error on the console and in the health, never a crash', async () => {
    b = await startBackupHost();
    rmSync(b.folder, { recursive: true });
    const res = await b.host.app.inject({ method: 'POST', url: '/api/v1/backups', headers: await technician(b.host) });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'backup_unavailable', details: { reason: 'folder-missing' } } });
    const health = HostHealth.parse((await b.host.app.inject({ url: '/api/v1/health' })).json());
    expect(health.backup).toMatchObject({ state: 'failed', lastFailure: { code: 'folder-missing' } });
    const list = await listBackups(b.host);
    expect(list.folderProblem).toMatchObject({ code: 'folder-missing' });
    expect(list.backups).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('an unwritable folder says so', async () => {
    b = await startBackupHost();
    chmodSync(b.folder, 0o500);
    try {
      const res = await b.host.app.inject({ method: 'POST', url: '/api/v1/backups', headers: await technician(b.host) });
      expect(res.json()).toMatchObject({ error: { code: 'backup_unavailable', details: { reason: 'folder-unwritable' } } });
      expect(existsSync(b.folder)).toBe(true);
    } finally {
      chmodSync(b.folder, 0o700);
    }
  });
});
