import Database from 'better-sqlite3';
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostHealth } from '../../../contracts/health';
import { RestoreStarted } from '../../../contracts/backups';
import { entryById } from '../../../db/repositories/outbox';
import { systemClock } from '../../../host/clock/clock';
import { CARD, ELDER_ITEM, elderForm, services } from '../cases/support';
import { corruptTables } from '../../support/damage';
import { backUpNow, issue, listBackups, preview, startBackupHost, technician, type BackupHost } from './support';

const count = (b: BackupHost, sql: string) => (b.host.db.prepare(sql).get() as { n: number }).n;

async function restore(b: BackupHost, name: string, payload: object = {}) {
  return b.host.app.inject({
    method: 'POST',
    url: `/api/v1/backups/${name}/restore`,
    headers: await technician(b.host),
    payload,
  });
}

/** Files a case through the kiosk's case service on the host's database; delivered when asked (as the sync engine would). */
function fileCase(b: BackupHost, delivered: string | null = null): string {
  const s = services(b.host.db, systemClock);
  const local = s.cases.submit({ itemCode: ELDER_ITEM, form: elderForm }, CARD);
  if (delivered !== null) {
    const entryId = (b.host.db.prepare('SELECT id FROM outbox WHERE record_id = ?').get(local.id) as { id: number }).id;
    const entry = entryById(b.host.db, entryId);
    if (entry === undefined) throw new Error('no outbox entry');
    const response = { caseNumber: delivered, status: 'submitted', receivedAt: new Date().toISOString() };
    b.host.db
      .prepare("UPDATE outbox SET state = 'delivered', delivered_at = ?, response = ? WHERE id = ?")
      .run(response.receivedAt, JSON.stringify(response), entryId);
    s.cases.onDelivered(entry, response);
  }
  return local.id;
}

describe('restoring a backup', () => {
  let b: BackupHost | undefined;
  afterEach(async () => {
    await b?.dispose();
    b = undefined;
  });

  it('the dry run says what would change; the restore keeps what the central API lacks and numbers on after the highest printed', async () => {
    b = await startBackupHost();
    const host = b.host;
    for (let i = 0; i < 3; i++) await issue(host);
    const inBackup = fileCase(b);
    const name = (await backUpNow(host)).backups[0]?.name ?? '';
    // After the backup: two more numbers printed, a case the central API has, one it does not, a rating of it.
    expect([await issue(host), await issue(host)]).toEqual(['A004', 'A005']);
    const delivered = fileCase(b, 'HK20261206000001');
    const pending = fileCase(b);
    services(host.db, systemClock, { cardCaseNumbers: () => ['HK20261206000001'] }).evaluations.submit(
      { level: 'satisfied', caseNumber: 'HK20261206000001' },
      { atReader: true },
    );

    const dry = await preview(host, name);
    expect(dry).toMatchObject({
      refusals: [],
      check: { result: 'ok' },
      hallId: { backup: 'hall-07', here: 'hall-07' },
      madeHere: true,
      ticketsToday: { backup: 3, now: 5 },
      cases: { backup: 1, now: 3 },
      currentReadable: true,
      since: {
        cases: { missing: 2, delivered: 1, carried: 1 },
        evaluations: { missing: 1, delivered: 0, carried: 1 },
        otherEntries: 0,
      },
      numbering: [{ prefix: 'A', highest: 'A005' }],
    });
    // The dry run changed nothing and left no copy behind.
    expect(count(b, 'SELECT count(*) AS n FROM tickets')).toBe(5);
    expect(readdirSync(host.dataDir).filter((f) => f.includes('restor'))).toEqual([]);

    const res = await restore(b, name);
    expect(res.statusCode, res.body).toBe(202);
    const { keptAs } = RestoreStarted.parse(res.json());
    expect(keptAs).toMatch(/^hall\.sqlite-before-restore-\d{8}-\d{6}$/);
    await expect(host.restartRequested).resolves.toContain(name);
    await b.restart();

    // The backup's state, with what the central API lacks carried over, and nothing else.
    const ids = (b.host.db.prepare('SELECT id FROM cases').all() as { id: string }[]).map((r) => r.id).sort();
    expect(ids).toEqual([inBackup, pending].sort());
    expect(ids).not.toContain(delivered);
    expect(count(b, "SELECT count(*) AS n FROM outbox WHERE state = 'pending'")).toBe(3);
    expect(count(b, "SELECT count(*) AS n FROM evaluations WHERE case_number = 'HK20261206000001'")).toBe(1);
    expect(count(b, 'SELECT count(*) AS n FROM tickets')).toBe(3);
    // The replaced database is kept beside it; the console shows what the restore did.
    expect(existsSync(join(b.host.dataDir, keptAs))).toBe(true);
    const list = await listBackups(b.host);
    expect(list.lastRestore).toMatchObject({
      backupName: name,
      result: 'restored',
      keptAs,
      carriedOver: { entries: 2, cases: 1, evaluations: 1 },
      staffNo: '8001',
    });
    expect(count(b, "SELECT count(*) AS n FROM audit_log WHERE action = 'backup.restored'")).toBe(1);
    // No number printed today is printed again: A004 and A005 went out before the restore.
    expect(await issue(b.host)).toBe('A006');
  });

  it('refuses another hall’s backup, a newer build’s and a damaged one, whatever their names say', async () => {
    b = await startBackupHost();
    await issue(b.host);
    const name = (await backUpNow(b.host)).backups[0]?.name ?? '';
    const file = join(b.folder, name);

    // A newer build's (its manifest gone, so only the version speaks).
    rmSync(`${file}.json`);
    const newer = new Database(file);
    newer.pragma('user_version = 999');
    newer.close();
    expect((await preview(b.host, name)).refusals).toEqual(['newer']);

    // Damaged: a page in the middle overwritten.
    const damaged = new Database(file);
    damaged.pragma('user_version = 1');
    damaged.close();
    const bytes = Buffer.alloc(4096, 0x5a);
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(file, 'r+');
    writeSync(fd, bytes, 0, bytes.length, 4096 * 3);
    closeSync(fd);
    const dry = await preview(b.host, name);
    // Faults in the pages (corrupt), or so deep SQLite will not read it at all (unreadable).
    expect(dry.refusals.filter((r) => r === 'corrupt' || r === 'unreadable')).toHaveLength(1);
    const refused = await restore(b, name);
    expect([refused.statusCode, refused.json()]).toMatchObject([409, { error: { code: 'backup_refused' } }]);

    // Another hall's backup renamed to look like this hall's.
    await b.dispose();
    b = await startBackupHost({ config: { hallId: 'hall-08' } });
    const theirs = await startBackupHost({ config: { hallId: 'hall-09' }, folder: b.folder });
    try {
      const made = (await backUpNow(theirs.host)).backups[0]?.name ?? '';
      const renamed = made.replace('hall-09', 'hall-08');
      renameSync(join(b.folder, made), join(b.folder, renamed));
      writeFileSync(join(b.folder, 'notes.txt'), 'not a backup');
      const other = await preview(b.host, renamed);
      expect(other.refusals).toEqual(['other-hall']);
      expect(other.hallId).toEqual({ backup: 'hall-09', here: 'hall-08' });
    } finally {
      await theirs.host.close();
    }
  });

  it('over a damaged current database: the host starts, says so, and restores only once the technician accepts what cannot be carried over', async () => {
    b = await startBackupHost();
    await issue(b.host);
    const name = (await backUpNow(b.host)).backups[0]?.name ?? '';
    await issue(b.host);
    const { dataDir } = b.host;
    await b.host.close();
    corruptTables(join(dataDir, 'hall.sqlite'), ['tickets', 'cases']);
    await b.restart();

    const health = HostHealth.parse((await b.host.app.inject({ url: '/api/v1/health' })).json());
    expect(health.storage.state).toBe('corrupt');
    const refusedIssue = await b.host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    expect([refusedIssue.statusCode, refusedIssue.json()]).toMatchObject([503, { error: { code: 'storage_unavailable' } }]);

    const dry = await preview(b.host, name);
    expect(dry).toMatchObject({ refusals: [], currentReadable: false, since: null, cases: { now: null } });
    const unacknowledged = await restore(b, name);
    expect([unacknowledged.statusCode, unacknowledged.json()]).toMatchObject([
      409,
      { error: { code: 'restore_unacknowledged' } },
    ]);
    expect((await restore(b, name, { acceptUnreadableCurrent: true })).statusCode).toBe(202);
    await b.restart();

    const after = HostHealth.parse((await b.host.app.inject({ url: '/api/v1/health' })).json());
    expect(after.storage.state).toBe('ok');
    expect(await issue(b.host)).toBe('A003');
    expect((await listBackups(b.host)).lastRestore).toMatchObject({ result: 'restored', carriedOver: { entries: 0 } });
  });
});
