import type { Outcome, PrintStatus, PriorityClass, TicketStatus } from '../../contracts/queue';
import type { Db } from '../open';

/**
 * Read-only queries behind the queue statistics. They return raw rows of one
 * business day; the arithmetic (waits, hours in the hall's zone) is done by
 * host/queue/statistics.ts, which knows the time zone.
 */

export interface StatTicketRow {
  id: number;
  number: string;
  issuedService: string;
  serviceCode: string;
  status: TicketStatus;
  /** The class it was issued with (a 过号 moves a priority ticket to the normal line, not out of its class). */
  priorityClass: PriorityClass;
  issuedAt: string;
  firstCalledAt: string | null;
  calledAt: string | null;
  finishedAt: string | null;
  windowId: number | null;
  staffId: number | null;
  outcome: Outcome | null;
  recallCount: number;
  printStatus: PrintStatus;
  /** Target wait of the service the ticket was issued for. */
  targetWaitMin: number;
}

/** Every ticket of a business day, in issue order. */
export function dayTickets(db: Db, businessDay: string): StatTicketRow[] {
  return db
    .prepare(
      `SELECT t.id, t.number, t.issued_service AS issuedService, t.service_code AS serviceCode, t.status,
              coalesce(t.issued_priority_class, t.priority_class) AS priorityClass,
              t.issued_at AS issuedAt, t.first_called_at AS firstCalledAt,
              t.called_at AS calledAt, t.finished_at AS finishedAt, t.window_id AS windowId, t.staff_id AS staffId,
              t.outcome, t.recall_count AS recallCount, t.print_status AS printStatus, s.target_wait_min AS targetWaitMin
       FROM tickets t JOIN services s ON s.code = t.issued_service
       WHERE t.business_day = ? ORDER BY t.issued_at, t.id`,
    )
    .all(businessDay) as StatTicketRow[];
}

export interface StatServiceRow {
  code: string;
  name: string;
  targetWaitMin: number;
}

/** All services in display order. */
export function statServices(db: Db): StatServiceRow[] {
  return db
    .prepare('SELECT code, name, target_wait_min AS targetWaitMin FROM services ORDER BY sort_order, code')
    .all() as StatServiceRow[];
}

export interface StatWindowRow {
  id: number;
  number: number;
  name: string;
}

/** All windows by number. */
export function statWindows(db: Db): StatWindowRow[] {
  return db.prepare('SELECT id, number, name FROM windows ORDER BY number').all() as StatWindowRow[];
}

export interface StatStaffRow {
  id: number;
  staffNo: string;
  name: string;
}

/** Staff members who handled at least one ticket of the business day, by staff number. */
export function statStaff(db: Db, businessDay: string): StatStaffRow[] {
  return db
    .prepare(
      `SELECT id, staff_no AS staffNo, name FROM staff
       WHERE id IN (SELECT staff_id FROM tickets WHERE business_day = ? AND staff_id IS NOT NULL)
       ORDER BY staff_no`,
    )
    .all(businessDay) as StatStaffRow[];
}

/** Rows of the calls table (call, recall, resume) for the tickets of a business day. */
export function dayCallCount(db: Db, businessDay: string): number {
  const row = db
    .prepare('SELECT count(*) AS n FROM calls c JOIN tickets t ON t.id = c.ticket_id WHERE t.business_day = ?')
    .get(businessDay) as { n: number };
  return row.n;
}

export interface ServiceTimeRow {
  /** The service the ticket was finished in (after any transfer): the queue whose pace it tells. */
  serviceCode: string;
  serviceSeconds: number;
}

/**
 * Service times of the latest finished tickets since an instant, oldest first
 * (the order an EWMA must see them in), to warm up the wait estimator at boot.
 * Service time is finish − latest call, as in the statistics.
 */
export function recentServiceTimes(db: Db, options: { since: string; limit: number }): ServiceTimeRow[] {
  const rows = db
    .prepare(
      `SELECT service_code AS serviceCode, coalesce(called_at, first_called_at) AS calledAt, finished_at AS finishedAt
       FROM tickets
       WHERE status = 'finished' AND finished_at >= ? AND coalesce(called_at, first_called_at) IS NOT NULL
       ORDER BY finished_at DESC, id DESC LIMIT ?`,
    )
    .all(options.since, options.limit) as { serviceCode: string; calledAt: string; finishedAt: string }[];
  return rows.reverse().map((r) => ({
    serviceCode: r.serviceCode,
    serviceSeconds: Math.max(0, (Date.parse(r.finishedAt) - Date.parse(r.calledAt)) / 1000),
  }));
}
