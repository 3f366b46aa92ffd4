import type { Db } from '../open';

/**
 * One scratch write of `bytes` bytes, committed, then removed (host/storage/storage-monitor.ts):
 * throws what the storage says when it refuses the write. Prepared at each probe rather than
 * cached: a probe runs every few seconds at most, and only while the storage is failing.
 */
export function probeWrite(db: Db, at: string, bytes: number): void {
  db.transaction(() => {
    db.prepare('INSERT INTO storage_probe (at, pad) VALUES (?, zeroblob(?))').run(at, bytes);
  })();
  db.prepare('DELETE FROM storage_probe').run();
}
