import type { Db } from '../open';

export interface TicketRow {
  id: number;
  number: string;
  serviceCode: string;
  serviceName: string;
  status: 'waiting' | 'called' | 'finished' | 'no_show' | 'cancelled';
  businessDay: string;
  issuedAt: string;
  calledAt: string | null;
  windowNumber: number | null;
  windowName: string | null;
}

export type IssueResult =
  | { ok: true; ticket: TicketRow; peopleAhead: number }
  | { ok: false; reason: 'service_unknown' | 'service_closed' | 'daily_limit_reached' | 'duplicate_ticket' };

export interface IssueInput {
  serviceCode: string;
  businessDay: string;
  issuedAt: string;
  /** Keyed hash of the citizen's ID number, or null for an anonymous ticket. */
  identityKey: string | null;
}

const SELECT_TICKET = `
  SELECT t.id, t.number, t.service_code AS serviceCode, s.name AS serviceName, t.status,
         t.business_day AS businessDay, t.issued_at AS issuedAt, t.called_at AS calledAt,
         w.number AS windowNumber, w.name AS windowName
  FROM tickets t JOIN services s ON s.code = t.service_code LEFT JOIN windows w ON w.id = t.window_id`;

export function getTicket(db: Db, id: number): TicketRow | undefined {
  return db.prepare(`${SELECT_TICKET} WHERE t.id = ?`).get(id) as TicketRow | undefined;
}

/** Tickets of the same service still waiting ahead of this one. */
export function peopleAhead(db: Db, ticket: Pick<TicketRow, 'id' | 'serviceCode' | 'businessDay'>): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM tickets
       WHERE business_day = ? AND service_code = ? AND status = 'waiting' AND id < ?`,
    )
    .get(ticket.businessDay, ticket.serviceCode, ticket.id) as { n: number };
  return row.n;
}

/**
 * Issues the next number of a service for the day in one transaction: the
 * counter bump and the ticket insert commit together or not at all.
 */
export function issueTicket(db: Db, input: IssueInput): IssueResult {
  return db.transaction((): IssueResult => {
    const service = db
      .prepare('SELECT prefix, open, daily_limit AS dailyLimit FROM services WHERE code = ?')
      .get(input.serviceCode) as { prefix: string; open: number; dailyLimit: number } | undefined;
    if (!service) return { ok: false, reason: 'service_unknown' };
    if (service.open !== 1) return { ok: false, reason: 'service_closed' };
    if (input.identityKey !== null) {
      const open = db
        .prepare(
          `SELECT 1 FROM tickets WHERE business_day = ? AND service_code = ? AND identity_key = ?
           AND status IN ('waiting', 'called')`,
        )
        .get(input.businessDay, input.serviceCode, input.identityKey);
      if (open) return { ok: false, reason: 'duplicate_ticket' };
    }
    const issued = db
      .prepare('SELECT last_seq AS n FROM ticket_counters WHERE business_day = ? AND service_code = ?')
      .get(input.businessDay, input.serviceCode) as { n: number } | undefined;
    if ((issued?.n ?? 0) >= service.dailyLimit) return { ok: false, reason: 'daily_limit_reached' };
    const { last_seq: seq } = db
      .prepare(
        `INSERT INTO ticket_counters (business_day, service_code, last_seq) VALUES (?, ?, 1)
         ON CONFLICT (business_day, service_code) DO UPDATE SET last_seq = last_seq + 1
         RETURNING last_seq`,
      )
      .get(input.businessDay, input.serviceCode) as { last_seq: number };
    const number = `${service.prefix}${String(seq).padStart(3, '0')}`;
    const { id } = db
      .prepare(
        `INSERT INTO tickets (business_day, service_code, seq, number, issued_at, identity_key)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(input.businessDay, input.serviceCode, seq, number, input.issuedAt, input.identityKey) as { id: number };
    const ticket = getTicket(db, id);
    if (!ticket) throw new Error(`ticket ${id} vanished inside its own transaction`);
    return { ok: true, ticket, peopleAhead: peopleAhead(db, ticket) };
  })();
}

export type CallResult = { ok: true; ticket: TicketRow } | { ok: false; reason: 'window_unknown' | 'queue_empty' };

/**
 * Calls the next waiting ticket for a window: its services in their priority
 * order, the longest-waiting ticket first. The ticket the window was serving is
 * finished by the same transaction (calling the next citizen ends the last one).
 */
export function callNext(db: Db, input: { windowId: number; businessDay: string; calledAt: string }): CallResult {
  return db.transaction((): CallResult => {
    const window = db.prepare('SELECT id FROM windows WHERE id = ?').get(input.windowId);
    if (!window) return { ok: false, reason: 'window_unknown' };
    const next = db
      .prepare(
        `SELECT t.id FROM tickets t JOIN window_services ws
           ON ws.service_code = t.service_code AND ws.window_id = ?
         WHERE t.business_day = ? AND t.status = 'waiting'
         ORDER BY ws.priority, t.id LIMIT 1`,
      )
      .get(input.windowId, input.businessDay) as { id: number } | undefined;
    if (!next) return { ok: false, reason: 'queue_empty' };
    db.prepare(
      `UPDATE tickets SET status = 'finished', finished_at = ? WHERE window_id = ? AND status = 'called'`,
    ).run(input.calledAt, input.windowId);
    db.prepare(`UPDATE tickets SET status = 'called', called_at = ?, window_id = ? WHERE id = ?`).run(
      input.calledAt,
      input.windowId,
      next.id,
    );
    db.prepare('INSERT INTO calls (ticket_id, window_id, called_at) VALUES (?, ?, ?)').run(
      next.id,
      input.windowId,
      input.calledAt,
    );
    const ticket = getTicket(db, next.id);
    if (!ticket) throw new Error(`ticket ${next.id} vanished inside its own transaction`);
    return { ok: true, ticket };
  })();
}

/** The most recent calls of the day, newest first, one line per ticket (its latest call). */
export function recentCalls(db: Db, businessDay: string, limit: number): TicketRow[] {
  return db
    .prepare(
      `${SELECT_TICKET}
       JOIN (SELECT ticket_id, max(id) AS last_call FROM calls GROUP BY ticket_id) c ON c.ticket_id = t.id
       WHERE t.business_day = ? ORDER BY c.last_call DESC LIMIT ?`,
    )
    .all(businessDay, limit) as TicketRow[];
}
