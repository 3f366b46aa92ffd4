import type { Db } from '../open';

export interface WindowRow {
  id: number;
  number: number;
  name: string;
  /** Service codes in the order this window serves them. */
  services: string[];
}

export interface WindowSeedRow {
  number: number;
  name: string;
  services: readonly string[];
}

/** Inserts or updates windows by number and replaces each one's service list. */
export function upsertWindows(db: Db, seeds: readonly WindowSeedRow[]): void {
  const upsert = db.prepare(
    `INSERT INTO windows (number, name) VALUES (?, ?)
     ON CONFLICT (number) DO UPDATE SET name = excluded.name RETURNING id`,
  );
  const clear = db.prepare('DELETE FROM window_services WHERE window_id = ?');
  const link = db.prepare('INSERT INTO window_services (window_id, service_code, priority) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const seed of seeds) {
      const { id } = upsert.get(seed.number, seed.name) as { id: number };
      clear.run(id);
      seed.services.forEach((code, priority) => link.run(id, code, priority));
    }
  })();
}

export function listWindows(db: Db): WindowRow[] {
  const windows = db.prepare('SELECT id, number, name FROM windows ORDER BY number').all() as Omit<
    WindowRow,
    'services'
  >[];
  const links = db
    .prepare('SELECT window_id AS windowId, service_code AS code FROM window_services ORDER BY window_id, priority')
    .all() as { windowId: number; code: string }[];
  return windows.map((w) => ({ ...w, services: links.filter((l) => l.windowId === w.id).map((l) => l.code) }));
}

export function findWindow(db: Db, id: number): WindowRow | undefined {
  return listWindows(db).find((w) => w.id === id);
}
