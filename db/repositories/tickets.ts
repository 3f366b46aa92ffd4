import type { Outcome, PrintStatus, PriorityClass, TicketStatus } from '../../contracts/queue';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

export interface TicketRow {
  id: number;
  number: string;
  businessDay: string;
  serviceCode: string;
  serviceName: string;
  status: TicketStatus;
  /** The line the ticket waits in: its class, or 'normal' once a 过号 sent it back (migration 014). */
  priorityClass: PriorityClass;
  /** The class it was issued with, whatever line it waits in: what the citizen is (badge, statistics). */
  issuedPriorityClass: PriorityClass;
  issuedAt: string;
  queueKey: number;
  targetWindowId: number | null;
  firstCalledAt: string | null;
  calledAt: string | null;
  windowId: number | null;
  windowNumber: number | null;
  windowName: string | null;
  staffId: number | null;
  recallCount: number;
  skipCount: number;
  finishedAt: string | null;
  outcome: Outcome | null;
  printStatus: PrintStatus;
  identityKey: string | null;
}

/** Every class but normal, as an IN list so SQLite seeks the queue index once per class. */
const PRIORITY_IN = "('appointment', 'elderly', 'disabled', 'vip')";

/**
 * A ticket with its service's and window's names. The names come from correlated subqueries,
 * not joins: a join whose WHERE has a bound parameter is planned again at every bind with this
 * SQLite build (see db/statement-cache.ts), ~80 µs per read on the ticket's path.
 */
const TICKET_COLUMNS = `
  t.id, t.number, t.business_day AS businessDay, t.service_code AS serviceCode,
         (SELECT name FROM services WHERE code = t.service_code) AS serviceName,
         t.status, t.priority_class AS priorityClass,
         coalesce(t.issued_priority_class, t.priority_class) AS issuedPriorityClass, t.issued_at AS issuedAt, t.queue_key AS queueKey,
         t.target_window_id AS targetWindowId, t.first_called_at AS firstCalledAt, t.called_at AS calledAt,
         t.window_id AS windowId, (SELECT number FROM windows WHERE id = t.window_id) AS windowNumber,
         (SELECT name FROM windows WHERE id = t.window_id) AS windowName, t.staff_id AS staffId,
         t.recall_count AS recallCount, t.skip_count AS skipCount, t.finished_at AS finishedAt, t.outcome, t.print_status AS printStatus,
         t.identity_key AS identityKey`;

const SELECT_TICKET = `SELECT ${TICKET_COLUMNS} FROM tickets t`;

// Built once: a statement's text is its cache key, and a long key rebuilt at every call is hashed
// again at every call (~1 µs per KB; a call-next reads a dozen).
const TICKET_BY_ID_SQL = `${SELECT_TICKET} WHERE t.id = ?`;
// The window bound in a one-row `arg` table the query joins first: with ORDER BY … LIMIT and a
// bound value in its WHERE, the statement would be planned again at every bind (db/statement-cache.ts).
const CURRENT_AT_SQL = `WITH arg(window) AS (VALUES (?))
  SELECT ${TICKET_COLUMNS} FROM arg CROSS JOIN tickets t INDEXED BY tickets_by_window
  WHERE t.window_id IS NOT NULL AND t.window_id = arg.window AND t.status = 'called' ORDER BY t.id DESC LIMIT 1`;

export function getTicket(db: Db, id: number): TicketRow | undefined {
  return prepared(db, TICKET_BY_ID_SQL).get(id) as TicketRow | undefined;
}

export function mustGetTicket(db: Db, id: number): TicketRow {
  const row = getTicket(db, id);
  if (!row) throw new Error(`ticket ${id} vanished inside its own transaction`);
  return row;
}

/** The id of a card's open ticket for a service today, if it has one. */
export function openTicketOf(db: Db, businessDay: string, serviceCode: string, identityKey: string): number | undefined {
  const row = prepared(
    db,
    `SELECT id FROM tickets WHERE business_day = ? AND service_code = ? AND identity_key = ?
       AND status IN ('waiting', 'called', 'held') ORDER BY id DESC LIMIT 1`,
  ).get(businessDay, serviceCode, identityKey) as { id: number } | undefined;
  return row?.id;
}

/** Whether this card already holds an open ticket for the service today (issuing's hot path: no sort). */
export function hasOpenTicket(db: Db, businessDay: string, serviceCode: string, identityKey: string): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM tickets WHERE business_day = ? AND service_code = ? AND identity_key = ?
         AND status IN ('waiting', 'called', 'held') LIMIT 1`,
    ).get(businessDay, serviceCode, identityKey) !== undefined
  );
}

/** Tickets of a service issued within [from, to): the per-slot limit counts these. */
export function issuedBetween(db: Db, serviceCode: string, from: string, to: string): number {
  const row = prepared(db, 'SELECT count(*) AS n FROM tickets WHERE issued_service = ? AND issued_at >= ? AND issued_at < ?').get(
    serviceCode,
    from,
    to,
  ) as { n: number };
  return row.n;
}

/** Bumps the service's counter for the day and returns the new sequence number (1-based). */
export function nextSeq(db: Db, businessDay: string, serviceCode: string): number {
  const row = prepared(
    db,
    `INSERT INTO ticket_counters (business_day, service_code, last_seq) VALUES (?, ?, 1)
       ON CONFLICT (business_day, service_code) DO UPDATE SET last_seq = last_seq + 1
       RETURNING last_seq`,
  ).get(businessDay, serviceCode) as { last_seq: number };
  return row.last_seq;
}

/**
 * Raises the day's counter of the service holding `prefix` so that its next number comes after
 * `number` (a number printed before a restore to an older copy: host/queue/number-high-water.ts).
 * Never lowers a counter. False when no service holds the prefix.
 */
export function raiseCounterAbove(db: Db, businessDay: string, prefix: string, number: number): boolean {
  return (
    prepared(
      db,
      `INSERT INTO ticket_counters (business_day, service_code, last_seq)
         SELECT ?, code, max(? - number_start + 1, 0) FROM services WHERE prefix = ?
       ON CONFLICT (business_day, service_code) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
    ).run(businessDay, number, prefix).changes > 0
  );
}

/** Sets the day's counter of a service (after `nextSeq` made its row): numbering jumps past a printed number. */
export function setSeq(db: Db, businessDay: string, serviceCode: string, seq: number): void {
  prepared(db, 'UPDATE ticket_counters SET last_seq = ? WHERE business_day = ? AND service_code = ?').run(
    seq,
    businessDay,
    serviceCode,
  );
}

/** The key after every ticket of the day: the end of any queue. */
export function endQueueKey(db: Db, businessDay: string): number {
  const row = prepared(
    db,
    'WITH arg(day) AS (VALUES (?)) SELECT (SELECT max(queue_key) FROM tickets WHERE business_day = arg.day) AS k FROM arg',
  ).get(businessDay) as {
    k: number | null;
  };
  return Math.floor(row.k ?? 0) + 1;
}

export interface InsertTicket {
  businessDay: string;
  serviceCode: string;
  seq: number;
  number: string;
  priorityClass: PriorityClass;
  issuedAt: string;
  identityKey: string | null;
}

export function insertTicket(db: Db, t: InsertTicket): number {
  const row = prepared(
    db,
    `INSERT INTO tickets (business_day, issued_service, service_code, seq, number, priority_class, issued_at, queue_key, identity_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(
    t.businessDay,
    t.serviceCode,
    t.serviceCode,
    t.seq,
    t.number,
    t.priorityClass,
    t.issuedAt,
    endQueueKey(db, t.businessDay),
    t.identityKey,
  ) as { id: number };
  return row.id;
}

/**
 * Waiting tickets of a service that are served before `ticket`: every waiting
 * priority ticket for a normal one, earlier priority tickets for a priority one,
 * plus earlier tickets of the same kind. Tickets transferred to a named window
 * are in no service's line.
 */
export function countAhead(
  db: Db,
  ticket: Pick<TicketRow, 'businessDay' | 'serviceCode' | 'priorityClass' | 'queueKey'>,
): number {
  // Range counts over the queue index (index-only, no table rows); their cost is the length of
  // the range, so a normal ticket is counted from whichever end of its line is nearer.
  const count = (priority: boolean, comparison: '<' | '>=', key: number) =>
    (
      prepared(
        db,
        `SELECT count(*) AS n FROM tickets INDEXED BY tickets_queue
           WHERE business_day = ? AND service_code = ? AND status = 'waiting' AND target_window_id IS NULL
             AND priority_class ${priority ? `IN ${PRIORITY_IN}` : "= 'normal'"} AND queue_key ${comparison} ?`,
      ).get(ticket.businessDay, ticket.serviceCode, key) as { n: number }
    ).n;
  if (ticket.priorityClass !== 'normal') return count(true, '<', ticket.queueKey);
  const line = normalLine(db, ticket.businessDay, ticket.serviceCode);
  if (line === undefined) return count(true, '<', Number.MAX_VALUE);
  const nearerTheEnd = ticket.queueKey - line.first > line.last - ticket.queueKey;
  if (!nearerTheEnd) return count(true, '<', Number.MAX_VALUE) + count(false, '<', ticket.queueKey);
  // Everyone in the service's line but this ticket and the normal ones behind it.
  return untargetedWaiting(db, ticket.businessDay, ticket.serviceCode) - count(false, '>=', ticket.queueKey);
}

/** The first and last queue keys of a service's normal line (two index seeks), if anyone waits in it. */
function normalLine(db: Db, businessDay: string, serviceCode: string): { first: number; last: number } | undefined {
  // One seek from each end of the index range (ORDER BY … LIMIT 1 reads one entry).
  const end = (order: 'ASC' | 'DESC') =>
    `(SELECT queue_key FROM tickets INDEXED BY tickets_queue
        WHERE business_day = arg.day AND status = 'waiting' AND service_code = arg.code AND priority_class = 'normal'
          AND target_window_id IS NULL ORDER BY queue_key ${order} LIMIT 1)`;
  const row = prepared(
    db,
    `WITH arg(day, code) AS (VALUES (?, ?)) SELECT ${end('ASC')} AS first, ${end('DESC')} AS last FROM arg`,
  ).get(businessDay, serviceCode) as { first: number | null; last: number | null };
  return row.first === null || row.last === null ? undefined : { first: row.first, last: row.last };
}

/**
 * Waiting tickets in a service's line: the count the triggers keep (migration 013) less the
 * few transferred to a named window, which wait for that window only.
 */
function untargetedWaiting(db: Db, businessDay: string, serviceCode: string): number {
  const row = prepared(
    db,
    `SELECT coalesce((SELECT waiting FROM ticket_counters WHERE business_day = @day AND service_code = @code), 0)
          - (SELECT count(*) FROM tickets INDEXED BY tickets_targeted
               WHERE target_window_id IS NOT NULL AND business_day = @day AND status = 'waiting' AND service_code = @code) AS n`,
  ).get({ day: businessDay, code: serviceCode }) as { n: number };
  return row.n;
}

export interface Candidate {
  id: number;
  priorityClass: PriorityClass;
  queueKey: number;
}

/** Waiting tickets sent to this window by a transfer, oldest first. */
export function targetedAt(db: Db, businessDay: string, windowId: number): Candidate[] {
  return prepared(
    db,
    `WITH arg(day, window) AS (VALUES (?, ?))
     SELECT id, priority_class AS priorityClass, queue_key AS queueKey FROM arg CROSS JOIN tickets INDEXED BY tickets_targeted
       WHERE target_window_id IS NOT NULL AND target_window_id = arg.window AND business_day = arg.day AND status = 'waiting'
       ORDER BY queue_key`,
  ).all(businessDay, windowId) as Candidate[];
}

/** The longest-waiting priority ticket and the longest-waiting normal ticket of a service. */
/**
 * The head of a service's line, per class, in one statement: the longest-waiting priority ticket
 * and the longest-waiting normal one. INDEXED BY: without statistics the planner prefers walking
 * the whole day in queue_key order to sorting the few priority tickets it could seek directly.
 */
const HEADS_SQL = (() => {
  const head = (classes: string) =>
    `SELECT * FROM (SELECT id, priority_class AS priorityClass, queue_key AS queueKey
       FROM arg CROSS JOIN tickets INDEXED BY tickets_queue
       WHERE business_day = arg.day AND service_code = arg.code AND status = 'waiting' AND target_window_id IS NULL
         AND priority_class ${classes} ORDER BY queue_key LIMIT 1)`;
  return `WITH arg(day, code) AS (VALUES (?, ?)) ${head(`IN ${PRIORITY_IN}`)} UNION ALL ${head("= 'normal'")}`;
})();

/** The longest-waiting priority ticket and the longest-waiting normal ticket of a service. */
export function heads(db: Db, businessDay: string, serviceCode: string): { priority?: Candidate; normal?: Candidate } {
  const result: { priority?: Candidate; normal?: Candidate } = {};
  for (const row of prepared(db, HEADS_SQL).all(businessDay, serviceCode) as Candidate[]) {
    if (row.priorityClass === 'normal') result.normal = row;
    else result.priority = row;
  }
  return result;
}

/** Priority tickets called in a row most recently at this window (first calls only). */
export function priorityStreak(db: Db, windowId: number, limit: number): number {
  const recent = prepared(
    db,
    `WITH arg(window, n) AS (VALUES (?, ?))
     SELECT (SELECT priority_class FROM tickets WHERE id = c.ticket_id) AS priorityClass FROM arg CROSS JOIN calls c
       WHERE c.window_id = arg.window AND c.kind = 'call' ORDER BY c.id DESC LIMIT (SELECT n FROM arg)`,
  ).all(windowId, limit) as { priorityClass: PriorityClass }[];
  let streak = 0;
  for (const r of recent) {
    if (r.priorityClass === 'normal') break;
    streak += 1;
  }
  return streak;
}

/** The ticket a window is serving now (called), if any. */
export function currentAt(db: Db, windowId: number): TicketRow | undefined {
  return prepared(db, CURRENT_AT_SQL).get(windowId) as TicketRow | undefined;
}

export function heldAt(db: Db, windowId: number): TicketRow[] {
  return prepared(db, `${SELECT_TICKET} WHERE t.window_id = ? AND t.status = 'held' ORDER BY t.called_at`).all(
    windowId,
  ) as TicketRow[];
}

export function markCalled(db: Db, id: number, windowId: number, staffId: number | null, at: string): void {
  prepared(
    db,
    `UPDATE tickets SET status = 'called', window_id = ?, staff_id = ?, called_at = ?,
       first_called_at = coalesce(first_called_at, ?), target_window_id = NULL WHERE id = ?`,
  ).run(windowId, staffId, at, at, id);
}

export function recordCall(
  db: Db,
  call: { ticketId: number; windowId: number; staffId: number | null; kind: 'call' | 'recall' | 'resume'; at: string },
): void {
  prepared(db, 'INSERT INTO calls (ticket_id, window_id, staff_id, kind, called_at) VALUES (?, ?, ?, ?, ?)').run(
    call.ticketId,
    call.windowId,
    call.staffId,
    call.kind,
    call.at,
  );
}

/**
 * Recalls since the ticket's latest call (the hall screen's 重呼): a ticket called again after a
 * 过号 or a transfer starts from 0, while recall_count keeps every recall of the day's figures.
 */
export function recallsSinceCall(db: Db, ticketId: number): number {
  const row = prepared(
    db,
    `WITH arg(ticket) AS (VALUES (?))
     SELECT count(*) AS n FROM arg CROSS JOIN calls c
       WHERE c.ticket_id = arg.ticket AND c.kind = 'recall'
         AND c.id > coalesce((SELECT max(id) FROM calls WHERE ticket_id = arg.ticket AND kind = 'call'), 0)`,
  ).get(ticketId) as { n: number };
  return row.n;
}

export function markRecalled(db: Db, id: number, at: string): void {
  prepared(db, 'UPDATE tickets SET recall_count = recall_count + 1, called_at = ? WHERE id = ?').run(at, id);
}

export function markFinished(
  db: Db,
  id: number,
  status: Extract<TicketStatus, 'finished' | 'no_show' | 'cancelled'>,
  outcome: Outcome | null,
  at: string,
): void {
  prepared(db, 'UPDATE tickets SET status = ?, outcome = ?, finished_at = ? WHERE id = ?').run(status, outcome, at, id);
}

export function markHeld(db: Db, id: number): void {
  prepared(db, `UPDATE tickets SET status = 'held' WHERE id = ?`).run(id);
}

/** Back to the waiting queue at `queueKey`, optionally for another service or a named window. */
export function requeue(
  db: Db,
  id: number,
  to: { queueKey: number; serviceCode?: string; targetWindowId?: number | null; countSkip?: boolean },
): void {
  prepared(
    db,
    `UPDATE tickets SET status = 'waiting', window_id = NULL, staff_id = NULL, queue_key = ?,
       service_code = coalesce(?, service_code), target_window_id = ?, skip_count = skip_count + ?
     WHERE id = ?`,
  ).run(to.queueKey, to.serviceCode ?? null, to.targetWindowId ?? null, to.countSkip ? 1 : 0, id);
}

/**
 * Moves a priority ticket into the normal line, keeping the class it was issued with: a 过号 puts
 * it behind the waiting tickets it is placed after, which the priority line, always served first,
 * would not. A normal ticket is left as it is.
 */
export function leavePriorityLine(db: Db, id: number): void {
  prepared(
    db,
    `UPDATE tickets SET issued_priority_class = coalesce(issued_priority_class, priority_class), priority_class = 'normal'
       WHERE id = ? AND priority_class != 'normal'`,
  ).run(id);
}

/** A service's line: its priority tickets (called first) or its normal ones. */
export type QueueLine = 'priority' | 'normal';

/** How many tickets wait in one line of a service (not those sent to a named window). */
export function waitingInLine(db: Db, businessDay: string, serviceCode: string, line: QueueLine): number {
  const row = prepared(
    db,
    `SELECT count(*) AS n FROM tickets WHERE business_day = ? AND service_code = ? AND status = 'waiting'
       AND target_window_id IS NULL AND (priority_class = 'normal') = ?`,
  ).get(businessDay, serviceCode, line === 'normal' ? 1 : 0) as { n: number };
  return row.n;
}

/**
 * The queue key that puts a ticket behind `places` waiting tickets of one line of a service
 * (between the places-th and the next), or at the end when fewer are waiting.
 */
export function keyAfterPlaces(db: Db, businessDay: string, serviceCode: string, places: number, line: QueueLine): number {
  const keys = prepared(
    db,
    `SELECT queue_key AS k FROM tickets WHERE business_day = ? AND service_code = ? AND status = 'waiting'
       AND target_window_id IS NULL AND (priority_class = 'normal') = ? ORDER BY queue_key LIMIT ?`,
  ).all(businessDay, serviceCode, line === 'normal' ? 1 : 0, places + 1) as { k: number }[];
  if (places === 0) return (keys[0]?.k ?? endQueueKey(db, businessDay)) - 0.5;
  const before = keys[places - 1];
  const after = keys[places];
  if (!before || !after) return endQueueKey(db, businessDay);
  return (before.k + after.k) / 2;
}

export function markEvaluationRequested(db: Db, id: number, at: string): void {
  prepared(db, 'UPDATE tickets SET evaluation_requested_at = ? WHERE id = ?').run(at, id);
}

/** Waiting tickets a window could call, in the order it would see them. */
export function waitingFor(db: Db, businessDay: string, serviceCodes: readonly string[], windowId: number | null): TicketRow[] {
  if (serviceCodes.length === 0) return [];
  const marks = serviceCodes.map(() => '?').join(', ');
  return prepared(
    db,
    `${SELECT_TICKET} WHERE t.business_day = ? AND t.status = 'waiting'
         AND ((t.target_window_id IS NULL AND t.service_code IN (${marks})) OR t.target_window_id = ?)
       ORDER BY t.target_window_id IS NULL, t.priority_class = 'normal', t.queue_key`,
  ).all(businessDay, ...serviceCodes, windowId ?? -1) as TicketRow[];
}

/** Closes every open ticket of earlier business days (the daily reset). Returns how many. */
export function expireBefore(db: Db, businessDay: string, at: string): number {
  return prepared(
    db,
    `UPDATE tickets SET status = 'cancelled', finished_at = ?
       WHERE business_day < ? AND status IN ('waiting', 'called', 'held')`,
  ).run(at, businessDay).changes;
}

/** The most recent calls of the day, newest first, one line per ticket (its latest call). */
export function recentCalls(db: Db, businessDay: string, limit: number): TicketRow[] {
  return prepared(
    db,
    // From the day's tickets to each one's latest call (calls_by_ticket): the cost follows the
    // day's tickets, not every call the hall has ever made (grouping all calls grew by the year).
    `SELECT ${TICKET_COLUMNS} FROM tickets t
       WHERE t.business_day = ? AND t.window_id IS NOT NULL AND t.status IN ('called', 'held', 'finished')
       ORDER BY (SELECT max(c.id) FROM calls c WHERE c.ticket_id = t.id) DESC LIMIT ?`,
  ).all(businessDay, limit) as TicketRow[];
}

/** The window's latest called or finished ticket (the one a rating request is about), or undefined. */
export function latestServedAt(db: Db, windowId: number): number | undefined {
  const row = prepared(
    db,
    `SELECT id FROM tickets WHERE window_id = ? AND status IN ('called', 'finished') ORDER BY coalesce(finished_at, called_at) DESC LIMIT 1`,
  ).get(windowId) as { id: number } | undefined;
  return row?.id;
}

/** Records whether the paper ticket came out (after the ticket's own commit). */
export function setPrintStatus(db: Db, id: number, status: Exclude<PrintStatus, 'none'>): void {
  prepared(db, 'UPDATE tickets SET print_status = ? WHERE id = ?').run(status, id);
}
