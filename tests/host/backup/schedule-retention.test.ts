import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../sync/support';
import { backUpNow, listBackups, startBackupHost, type BackupHost } from './support';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

describe('the nightly backup and retention', () => {
  const hosts: BackupHost[] = [];
  afterEach(async () => {
    for (const b of hosts.splice(0)) await b.dispose();
  });

  it('runs once a night at the set time on the hall’s clock, and says when the next one is due', async () => {
    // 01:00 in Beijing (17:00 UTC the day before): the backup at 02:30 is still ahead.
    const clock = new ManualClock(Date.parse('2026-12-05T17:00:00Z'));
    const b = await startBackupHost({ clock });
    hosts.push(b);
    const { backups } = b.host;
    expect(backups.health()).toMatchObject({ state: 'none', nextAt: '2026-12-05T18:30:00.000Z' });
    await backups.tick();
    expect((await listBackups(b.host)).backups).toHaveLength(0);

    clock.advance(91 * MINUTE_MS); // 02:31
    await backups.tick();
    await backups.tick();
    const first = await listBackups(b.host);
    expect(first.backups.map((x) => x.name)).toEqual(['hall-kiosk-hall-07-20261206-023100.sqlite']);
    expect(first.health).toMatchObject({
      state: 'ok',
      lastSuccessAt: '2026-12-05T18:31:00.000Z',
      nextAt: '2026-12-06T18:30:00.000Z',
    });

    // A restart in the day does not back up again: the folder says last night's was made.
    await b.restart();
    clock.advance(8 * 60 * MINUTE_MS);
    await b.host.backups.tick();
    expect((await listBackups(b.host)).backups).toHaveLength(1);

    clock.advance(DAY_MS);
    await b.host.backups.tick();
    expect((await listBackups(b.host)).backups).toHaveLength(2);
  });

  it('tidies the data folder at start: a crash’s leftovers, and replaced databases past the days to keep', async () => {
    const clock = new ManualClock(Date.parse('2026-12-06T02:00:00Z'));
    const b = await startBackupHost({ clock, config: { backup: { keepDays: 30 } } });
    hosts.push(b);
    const { dataDir } = b.host;
    const old = ['hall.sqlite-before-restore-20261101-101500', 'hall.sqlite-before-restore-20261101-101500-wal'];
    const recent = 'hall.sqlite-before-restore-20261201-090000';
    const leftovers = ['hall.sqlite.backup-in-progress', 'hall.sqlite.restore-candidate', 'hall.sqlite.restoring'];
    for (const name of [...old, recent, ...leftovers]) writeFileSync(join(dataDir, name), 'x');
    await b.restart();
    await expect
      .poll(() => readdirSync(dataDir).filter((n) => n.includes('restor') || n.includes('backup')), { timeout: 10_000 })
      .toEqual([recent]);
  });

  it('deletes only this host’s own backups older than the days to keep', async () => {
    const clock = new ManualClock(Date.parse('2026-11-01T02:00:00Z'));
    const ours = await startBackupHost({ clock, config: { backup: { keepDays: 30 } } });
    hosts.push(ours);
    // A second host of the same hall writes into the same folder (its own install, so its own files).
    const theirs = await startBackupHost({ clock, folder: ours.folder });
    hosts.push(theirs);
    const oldOurs = (await backUpNow(ours.host)).backups[0]?.name ?? '';
    clock.advance(1000);
    const oldTheirs = (await backUpNow(theirs.host)).backups.find((x) => x.madeHere)?.name ?? '';
    // A backup cut short before its manifest, and files that are no backups of this hall.
    const noManifest = 'hall-kiosk-hall-07-20261101-090000.sqlite';
    copyFileSync(join(ours.folder, oldOurs), join(ours.folder, noManifest));
    writeFileSync(join(ours.folder, 'hall-kiosk-hall-99-20261101-090000.sqlite'), 'another hall');
    writeFileSync(join(ours.folder, 'readme.txt'), 'the technician’s note');

    clock.advance(20 * DAY_MS);
    const recent = (await backUpNow(ours.host)).backups.find((x) => x.madeHere && x.name !== oldOurs)?.name ?? '';
    expect(existsSync(join(ours.folder, oldOurs))).toBe(true);

    clock.advance(11 * DAY_MS);
    const newest = await backUpNow(ours.host);
    const left = readdirSync(ours.folder);
    expect(left).not.toContain(oldOurs);
    expect(left).not.toContain(`${oldOurs}.json`);
    for (const kept of [oldTheirs, noManifest, recent, 'hall-kiosk-hall-99-20261101-090000.sqlite', 'readme.txt'])
      expect(left, kept).toContain(kept);
    // The list: this hall's backups only, whoever made them, newest first.
    expect(newest.backups.map((x) => [x.madeHere, x.check?.result ?? null])).toEqual([
      [true, 'ok'],
      [true, 'ok'],
      [false, 'ok'],
      [false, null],
    ]);
  });
});
