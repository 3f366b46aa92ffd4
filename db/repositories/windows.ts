import type { Db } from '../open';
import { prepared } from '../statement-cache';

export interface WindowRow {
  id: number;
  number: number;
  name: string;
  paused: boolean;
  staffId: number | null;
  staffName: string | null;
  /** Service codes in the order this window serves them. */
  services: string[];
}

export interface WindowSeedRow {
  number: number;
  name: string;
  services: readonly string[];
}

/** Inserts or updates windows by number (a retired one returns) and replaces each one's service list. */
export function upsertWindows(db: Db, seeds: readonly WindowSeedRow[]): void {
  const upsert = prepared(
    db,
    `INSERT INTO windows (number, name) VALUES (?, ?)
     ON CONFLICT (number) DO UPDATE SET name = excluded.name, retired = 0 RETURNING id`,
  );
  const clear = prepared(db, 'DELETE FROM window_services WHERE window_id = ?');
  const link = prepared(db, 'INSERT INTO window_services (window_id, service_code, priority) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const seed of seeds) {
      const { id } = upsert.get(seed.number, seed.name) as { id: number };
      clear.run(id);
      seed.services.forEach((code, priority) => link.run(id, code, priority));
    }
  })();
}

type RawWindow = Omit<WindowRow, 'services' | 'paused'> & { paused: number; servicesJson: string };

/**
 * A window with its staff member's name and its services in order, in one read. Names and
 * services by subquery, not join: a join with a bound parameter is planned again at every bind
 * (see db/statement-cache.ts), and every call and counter action looks its window up.
 */
const SELECT_WINDOW = `SELECT w.id, w.number, w.name, w.paused, w.staff_id AS staffId,
    (SELECT name FROM staff WHERE id = w.staff_id) AS staffName,
    (SELECT json_group_array(service_code ORDER BY priority) FROM window_services WHERE window_id = w.id) AS servicesJson
  FROM windows w`;

function toWindowRow(w: RawWindow): WindowRow {
  return {
    id: w.id,
    number: w.number,
    name: w.name,
    paused: w.paused === 1,
    staffId: w.staffId,
    staffName: w.staffName,
    services: JSON.parse(w.servicesJson) as string[],
  };
}

/** The hall's windows (retired ones, kept only for their history, are left out). */
export function listWindows(db: Db): WindowRow[] {
  return (prepared(db, `${SELECT_WINDOW} WHERE w.retired = 0 ORDER BY w.number`).all() as RawWindow[]).map(toWindowRow);
}

/** A window of the hall; undefined for an unknown or retired id. */
export function findWindow(db: Db, id: number): WindowRow | undefined {
  const row = prepared(db, `${SELECT_WINDOW} WHERE w.id = ? AND w.retired = 0`).get(id) as RawWindow | undefined;
  return row && toWindowRow(row);
}

/** A window of the hall by its number; undefined for an unknown or retired one. */
export function findWindowByNumber(db: Db, number: number): WindowRow | undefined {
  const row = prepared(db, `${SELECT_WINDOW} WHERE w.number = ? AND w.retired = 0`).get(number) as RawWindow | undefined;
  return row && toWindowRow(row);
}

/**
 * Pauses or resumes a window. `at` starts the pause (the floor shows how long it lasts); pausing a
 * window already paused keeps the first start, and resuming clears it.
 */
export function setWindowPaused(db: Db, id: number, paused: boolean, at: string): void {
  prepared(
    db,
    `UPDATE windows SET paused = @paused,
       paused_at = CASE WHEN @paused = 1 THEN coalesce(CASE WHEN paused = 1 THEN paused_at END, @at) END
     WHERE id = @id`,
  ).run({ id, paused: paused ? 1 : 0, at });
}

/** Windows serving a service that are open for calls (not paused): the divisor of wait estimates. */
export function openWindowsFor(db: Db, serviceCode: string): number {
  const row = prepared(
    db,
    `WITH arg(code) AS (VALUES (?))
     SELECT count(*) AS n FROM arg CROSS JOIN window_services ws JOIN windows w ON w.id = ws.window_id
       WHERE ws.service_code = arg.code AND w.paused = 0`,
  ).get(serviceCode) as { n: number };
  return row.n;
}

/** The numbers of the windows (in service, paused or not) that serve a service, in order. */
export function windowNumbersFor(db: Db, serviceCode: string): number[] {
  const rows = prepared(
    db,
    `SELECT w.number AS number FROM window_services ws JOIN windows w ON w.id = ws.window_id
       WHERE ws.service_code = ? AND w.retired = 0 ORDER BY w.number`,
  ).all(serviceCode) as { number: number }[];
  return rows.map((r) => r.number);
}

// --- retiring (hall settings, host/settings) ---------------------------------------

/**
 * Takes a window out of the hall: it serves nothing and is no longer listed or signed in to.
 * The row stays (retired) because tickets, calls and the audit log name it.
 */
export function retireWindow(db: Db, id: number): void {
  prepared(db, 'DELETE FROM window_services WHERE window_id = ?').run(id);
  prepared(db, 'UPDATE windows SET retired = 1, staff_id = NULL, paused = 0, paused_at = NULL WHERE id = ?').run(id);
}

export interface WindowUsage {
  /** Someone is signed in at the window. */
  signedIn: boolean;
  /** A citizen is being served (called) or set aside (held) there. */
  serving: number;
  /** Waiting tickets transferred to this window by name. */
  targeted: number;
}

/** What still happens at a window on a business day (a window in use cannot be taken out). */
export function windowUsage(db: Db, id: number, businessDay: string): WindowUsage {
  const row = prepared(
    db,
    `SELECT (SELECT staff_id FROM windows WHERE id = @id) IS NOT NULL AS signedIn,
            (SELECT count(*) FROM tickets WHERE window_id = @id AND status IN ('called', 'held')) AS serving,
            (SELECT count(*) FROM tickets WHERE target_window_id = @id AND business_day = @day AND status = 'waiting') AS targeted`,
  ).get({ id, day: businessDay }) as { signedIn: number; serving: number; targeted: number };
  return { signedIn: row.signedIn === 1, serving: row.serving, targeted: row.targeted };
}
