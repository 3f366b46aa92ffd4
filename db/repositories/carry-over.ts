import Database from 'better-sqlite3';
import type { Db } from '../open';

/**
 * What a restore carries from the database it replaces into the restored one: every outbox entry
 * not delivered yet (pending, or refused for good), with the records it delivers: cases,
 * evaluations and an evaluation's 差评 follow-up. A citizen's submission that the central API does
 * not have exists nowhere else, so a restore must not drop it (host/backup/pending-restore.ts).
 *
 * Rows are copied whole, column by column by name (both databases are at the same migration
 * version by then), and only where the restored database lacks them: a case is known by its id, an
 * outbox entry by its Idempotency-Key (so an entry the backup already holds is not sent twice).
 * Plain INSERTs, never OR IGNORE: a row the restored database refuses fails the whole carry-over,
 * and the restore is abandoned rather than a submission dropped in silence.
 */

/** A row as SQLite returns it. */
export type CarriedRow = Record<string, unknown>;

export interface UndeliveredSubmissions {
  entries: CarriedRow[];
  cases: CarriedRow[];
  evaluations: CarriedRow[];
  followups: CarriedRow[];
}

const UNDELIVERED = (kind: string) => `SELECT record_id FROM outbox WHERE state <> 'delivered' AND kind = '${kind}'`;

function tableExists(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

/** Reads what is owed to the central API, with its records. Throws when the database cannot be read. */
export function readUndelivered(db: Db): UndeliveredSubmissions {
  return {
    entries: db.prepare(`SELECT * FROM outbox WHERE state <> 'delivered' ORDER BY id`).all() as CarriedRow[],
    cases: db.prepare(`SELECT * FROM cases WHERE id IN (${UNDELIVERED('case')})`).all() as CarriedRow[],
    evaluations: db.prepare(`SELECT * FROM evaluations WHERE id IN (${UNDELIVERED('evaluation')})`).all() as CarriedRow[],
    followups: tableExists(db, 'review_followups')
      ? (db.prepare(`SELECT * FROM review_followups WHERE evaluation_id IN (${UNDELIVERED('evaluation')})`).all() as CarriedRow[])
      : [],
  };
}

/**
 * The same, from a database file no connection has open (a restore at the host's start); null when
 * it cannot be opened or read (a damaged file). Opened read-write so that a WAL left by a crash is
 * replayed into what is read.
 */
export function readUndeliveredFile(file: string): UndeliveredSubmissions | null {
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    return readUndelivered(db);
  } catch {
    return null;
  } finally {
    try {
      db?.close();
    } catch {
      // A damaged file may fail its closing checkpoint too; it is kept as it is.
    }
  }
}

export interface CarriedCounts {
  entries: number;
  cases: number;
  evaluations: number;
}

/** The columns of `table` in `db` (from its schema, so they are safe to name in SQL). */
function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

/** Inserts `row` into `table` with the columns both know, leaving out `skip` (a new rowid is given). */
function insertRow(db: Db, table: string, row: CarriedRow, skip: readonly string[] = []): void {
  const columns = columnsOf(db, table).filter((c) => c in row && !skip.includes(c));
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(
    Object.fromEntries(columns.map((c) => [c, row[c]])),
  );
}

const text = (value: unknown): string => (typeof value === 'string' ? value : String(value));

/**
 * Copies `s` into `target` where it lacks them, in one transaction; returns how many rows of each
 * were added. An evaluation of a ticket the restored database does not have keeps its ticket
 * number, window and staff number but loses the link to the ticket row.
 */
export function carryInto(target: Db, s: UndeliveredSubmissions): CarriedCounts {
  const counts: CarriedCounts = { entries: 0, cases: 0, evaluations: 0 };
  const exists = (sql: string, value: unknown) => target.prepare(sql).get(value) !== undefined;
  target.transaction(() => {
    for (const row of s.cases) {
      if (exists('SELECT 1 FROM cases WHERE id = ?', row.id)) continue;
      insertRow(target, 'cases', row);
      counts.cases += 1;
    }
    for (const row of s.evaluations) {
      if (exists('SELECT 1 FROM evaluations WHERE id = ?', row.id)) continue;
      const ticketKnown = row.ticket_id === null || exists('SELECT 1 FROM tickets WHERE id = ?', row.ticket_id);
      insertRow(target, 'evaluations', ticketKnown ? row : { ...row, ticket_id: null });
      counts.evaluations += 1;
    }
    if (tableExists(target, 'review_followups')) {
      for (const row of s.followups) {
        if (exists('SELECT 1 FROM review_followups WHERE evaluation_id = ?', row.evaluation_id)) continue;
        insertRow(target, 'review_followups', row);
      }
    }
    // In their original order: entries of one ordering key are delivered in id order.
    for (const row of s.entries) {
      if (exists('SELECT 1 FROM outbox WHERE idempotency_key = ?', text(row.idempotency_key))) continue;
      insertRow(target, 'outbox', row, ['id']);
      counts.entries += 1;
    }
  })();
  return counts;
}
