import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { zonedInstant } from '../queue/schedule';
import { restoreFilesOf } from './restore-files';

/**
 * What backups and restores leave in the data folder, tidied at the host's start:
 * - a temporary copy of a backup or a dry run cut short by a crash (`…backup-in-progress`,
 *   `…restore-candidate`), and a staged restore whose marker was never written;
 * - the databases a restore replaced (`hall.sqlite-before-restore-<time>`, with any -wal/-shm),
 *   once `keepDays` old: they hold personal data that the live database's retention purge no longer
 *   reaches, so they go like this host's old backups do.
 * Runs after a pending restore was finished (build-services.ts), so nothing here is in use.
 */
export async function tidyDataFolder(o: { dbFile: string; now: Date; keepDays: number; timeZone: string }): Promise<string[]> {
  const folder = dirname(o.dbFile);
  const base = basename(o.dbFile);
  const files = restoreFilesOf(o.dbFile);
  const names = await readdir(folder);
  const gone: string[] = [];
  const remove = async (name: string) => {
    await rm(join(folder, name), { force: true });
    gone.push(name);
  };
  for (const leftover of [`${base}.backup-in-progress`, `${base}.restore-candidate`])
    if (names.includes(leftover)) await remove(leftover);
  if (!names.includes(basename(files.marker))) {
    for (const name of names.filter((n) => n === basename(files.staged) || n.startsWith(`${basename(files.staged)}-`)))
      await remove(name);
  }
  const cutoff = o.now.getTime() - o.keepDays * 86_400_000;
  const kept = new RegExp(`^${base.replace(/\./g, '\\.')}-before-restore-(\\d{8})-(\\d{6})(-wal|-shm|-journal)?$`);
  for (const name of names) {
    const match = kept.exec(name);
    if (!match) continue;
    const date = match[1] ?? '';
    const time = match[2] ?? '';
    const at = zonedInstant(
      `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
      Number(time.slice(0, 2)) * 60 + Number(time.slice(2, 4)),
      o.timeZone,
    );
    if (at.getTime() < cutoff) await remove(name);
  }
  return gone;
}
