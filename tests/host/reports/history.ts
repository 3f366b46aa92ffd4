import type { Db } from '../../../db/open';

/**
 * A small hand-made history where every figure of the report is known (worked out in
 * build-report.test.ts). Beijing, UTC+8 (local = Z + 8 h), business days turn over at 03:00.
 * The range is Monday 2026-03-30 … Thursday 2026-04-02; "now" is 2026-04-02 11:00 local.
 *
 * Services: A business-startup (target 20 min), B real-estate (30 min), R retired (no history).
 * Windows: 1, 2, 3 (nothing), 9 (retired, nothing). Staff: S001, S002, S003, S004 (nothing).
 */
export const RANGE = { from: '2026-03-30', to: '2026-04-02' } as const;
export const NOW = new Date('2026-04-02T03:00:00.000Z');
export const TZ = 'Asia/Shanghai';
export const RESET_HOUR = 3;

const A = 'business-startup';
const B = 'real-estate';

interface T {
  id: number;
  day: string;
  service: string;
  status: string;
  issued: string;
  first?: string;
  called?: string;
  finished?: string;
  window?: number;
  staff?: number;
}

const TICKETS: T[] = [
  // Monday 03-30: waits 600 (A, in target) and 1800 (A, over), services 600 and 600 (from the recall).
  {
    id: 1,
    day: '2026-03-30',
    service: A,
    status: 'finished',
    issued: '01:00',
    first: '01:10',
    finished: '01:20',
    window: 1,
    staff: 1,
  },
  {
    id: 2,
    day: '2026-03-30',
    service: A,
    status: 'finished',
    issued: '01:05',
    first: '01:35',
    called: '01:40',
    finished: '01:50',
    window: 1,
    staff: 1,
  },
  // B: waited 1200 (in target), did not come; and one cancelled before any call.
  {
    id: 3,
    day: '2026-03-30',
    service: B,
    status: 'no_show',
    issued: '06:00',
    first: '06:20',
    finished: '06:25',
    window: 2,
    staff: 2,
  },
  { id: 4, day: '2026-03-30', service: B, status: 'cancelled', issued: '06:10', finished: '06:15' },
  // Tuesday 03-31: A wait 300 service 1800; B wait 2400 (over 30 min) service 1200.
  {
    id: 5,
    day: '2026-03-31',
    service: A,
    status: 'finished',
    issued: '02:00',
    first: '02:05',
    finished: '02:35',
    window: 2,
    staff: 2,
  },
  {
    id: 6,
    day: '2026-03-31',
    service: B,
    status: 'finished',
    issued: '02:00',
    first: '02:40',
    finished: '03:00',
    window: 2,
    staff: 2,
  },
  // Wednesday 04-01: called at window 2 after 120 s, transferred, served 600 s at window 1 by S003.
  {
    id: 7,
    day: '2026-04-01',
    service: A,
    status: 'finished',
    issued: '01:00',
    first: '01:02',
    called: '01:10',
    finished: '01:20',
    window: 1,
    staff: 3,
  },
  // Thursday 04-02 (today): still waiting.
  { id: 8, day: '2026-04-02', service: A, status: 'waiting', issued: '02:30' },
  // Outside the range: Sunday 03-29 and Friday 04-03.
  {
    id: 9,
    day: '2026-03-29',
    service: A,
    status: 'finished',
    issued: '01:00',
    first: '01:05',
    finished: '01:10',
    window: 1,
    staff: 1,
  },
  { id: 10, day: '2026-04-03', service: A, status: 'waiting', issued: '01:00' },
];

/** Issued 01:30 local on Tuesday, before the 03:00 reset: Monday's business day, hour 1. */
const LATE_TICKET = { id: 11, day: '2026-03-30', service: B, status: 'cancelled', issuedAt: '2026-03-30T17:30:00.000Z' };

interface E {
  id: string;
  level: string;
  at: string;
  ticket?: number;
  window?: string;
  staff?: string;
  caseNumber?: string;
  followup?: { due: string; rectified?: string; rectifiedDate?: string; overturned?: true };
}

const bad = (level: string) => level === 'dissatisfied' || level === 'very_dissatisfied';

const RATINGS: E[] = [
  { id: 'e1', level: 'very_satisfied', at: '2026-03-30T01:25:00.000Z', ticket: 1, window: '1', staff: 'S001' },
  { id: 'e2', level: 'satisfied', at: '2026-03-30T01:55:00.000Z', ticket: 2, window: '1', staff: 'S001' },
  // Rectified 18:00 local on its due date: on time.
  {
    id: 'e3',
    level: 'dissatisfied',
    at: '2026-03-31T02:40:00.000Z',
    ticket: 5,
    window: '2',
    staff: 'S002',
    followup: { due: '2026-04-01', rectified: '2026-04-01T10:00:00.000Z', rectifiedDate: '2026-04-01' },
  },
  // Rectified 01:00 local on 04-02 (still 04-01 in UTC): one day late. No rectified_date (as a
  // row written before the follow-ups recorded it): the date is read from rectified_at.
  {
    id: 'e4',
    level: 'very_dissatisfied',
    at: '2026-03-31T03:05:00.000Z',
    ticket: 6,
    window: '2',
    staff: 'S002',
    followup: { due: '2026-04-01', rectified: '2026-04-01T17:00:00.000Z' },
  },
  // Appealed and overturned: counts in no rate.
  {
    id: 'e5',
    level: 'dissatisfied',
    at: '2026-04-01T01:25:00.000Z',
    ticket: 7,
    window: '1',
    staff: 'S003',
    followup: { due: '2026-04-03', overturned: true },
  },
  { id: 'e6', level: 'basic', at: '2026-04-01T07:00:00.000Z', caseNumber: 'C1' },
  // Due next week, not rectified yet: not due.
  { id: 'e7', level: 'very_dissatisfied', at: '2026-04-02T02:00:00.000Z', caseNumber: 'C2', followup: { due: '2026-04-09' } },
  // Rated before follow-ups existed: a 差评 without a deadline.
  { id: 'e8', level: 'dissatisfied', at: '2026-03-30T08:00:00.000Z', caseNumber: 'C3' },
  // 02:00 local on 04-02, in the range (a rating counts by its hall-local date).
  { id: 'e9', level: 'satisfied', at: '2026-04-01T18:00:00.000Z', caseNumber: 'C4' },
  // 03:30 local on 03-30: in the range, though still 03-29 in UTC.
  { id: 'e10', level: 'basic', at: '2026-03-29T19:30:00.000Z', caseNumber: 'C5' },
  // Outside: 23:30 local on Sunday 03-29, Sunday's ticket, 03:30 local on 04-03.
  { id: 'e11', level: 'very_satisfied', at: '2026-03-29T15:30:00.000Z', caseNumber: 'C6' },
  { id: 'e12', level: 'satisfied', at: '2026-03-29T01:15:00.000Z', ticket: 9, window: '1', staff: 'S001' },
  { id: 'e13', level: 'very_satisfied', at: '2026-04-02T19:30:00.000Z', caseNumber: 'C7' },
];

const TICKET_NUMBERS = new Map<number, string>();

/** Writes the services, windows and staff of the history, then the history, into a migrated, empty database. */
export function seedReportHistory(db: Db): void {
  seedReportLayout(db);
  seedReportEvents(db);
}

/** The hall the history names: its services, windows and staff. */
export function seedReportLayout(db: Db): void {
  db.exec(`
    INSERT INTO services (code, name, name_en, prefix, sort_order, target_wait_min, retired) VALUES
      ('business-startup', '企业开办', 'Business start-up', 'A', 0, 20, 0),
      ('real-estate', '不动产登记', 'Real estate', 'B', 1, 30, 0),
      ('retired-service', '旧事项', 'Old', 'R', 2, 15, 1);
    INSERT INTO staff (id, staff_no, name, role, pin_hash) VALUES
      (1, 'S001', '王芳', 'staff', 'x'), (2, 'S002', '李强', 'staff', 'x'),
      (3, 'S003', '赵敏', 'staff', 'x'), (4, 'S004', '陈静', 'staff', 'x');
    INSERT INTO windows (id, number, name, retired) VALUES
      (1, 1, '综合受理 1', 0), (2, 2, '综合受理 2', 0), (3, 3, '社保医保', 0), (4, 9, '旧窗口', 1);
  `);
}

/**
 * The tickets, transfers and ratings alone, for a hall that has its own services, windows (ids 1
 * and 2) and staff (ids 1 to 3): a test host seeded from the default config.
 */
export function seedReportEvents(db: Db): void {
  const ticket = db.prepare(
    `INSERT INTO tickets (id, business_day, issued_service, service_code, seq, number, status, issued_at, queue_key,
       first_called_at, called_at, window_id, staff_id, finished_at)
     VALUES (@id, @day, @service, @service, @id, @number, @status, @issuedAt, @id, @first, @called, @window, @staff, @finished)`,
  );
  const at = (day: string, time: string | undefined) => (time === undefined ? null : `${day}T${time}:00.000Z`);
  for (const t of TICKETS) {
    const number = `${t.service === A ? 'A' : 'B'}${String(t.id).padStart(3, '0')}`;
    TICKET_NUMBERS.set(t.id, number);
    ticket.run({
      id: t.id,
      day: t.day,
      service: t.service,
      number,
      status: t.status,
      issuedAt: at(t.day, t.issued),
      first: at(t.day, t.first),
      called: at(t.day, t.called ?? t.first),
      window: t.window ?? null,
      staff: t.staff ?? null,
      finished: at(t.day, t.finished),
    });
  }
  ticket.run({
    id: LATE_TICKET.id,
    day: LATE_TICKET.day,
    service: LATE_TICKET.service,
    number: 'B011',
    status: LATE_TICKET.status,
    issuedAt: LATE_TICKET.issuedAt,
    first: null,
    called: null,
    window: null,
    staff: null,
    finished: null,
  });

  const audit = db.prepare('INSERT INTO audit_log (at, staff_id, window_id, action, ticket_id) VALUES (?, ?, ?, ?, ?)');
  // Ticket 7 transferred at window 2 by S002; Sunday's transfer is outside; a call is no transfer.
  audit.run('2026-04-01T01:05:00.000Z', 2, 2, 'ticket.transfer', 7);
  audit.run('2026-03-29T01:06:00.000Z', 1, 1, 'ticket.transfer', 9);
  audit.run('2026-03-31T02:05:00.000Z', 2, 2, 'ticket.call', 5);

  const rating = db.prepare(
    `INSERT INTO evaluations (id, level, reason, subject_kind, ticket_number, window_number, staff_number, case_number,
       callback_required, evaluated_at, ticket_id)
     VALUES (@id, @level, @reason, @kind, @ticketNumber, @window, @staff, @caseNumber, @callback, @at, @ticket)`,
  );
  const followup = db.prepare(
    `INSERT INTO review_followups (evaluation_id, opened_at, due_date, rectified_at, rectified_date, appeal_at, appeal_decision)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of RATINGS) {
    rating.run({
      id: e.id,
      level: e.level,
      reason: bad(e.level) ? '等待太久' : null,
      kind: e.ticket === undefined ? 'case' : 'ticket',
      ticketNumber: e.ticket === undefined ? null : (TICKET_NUMBERS.get(e.ticket) ?? null),
      window: e.window ?? null,
      staff: e.staff ?? null,
      caseNumber: e.caseNumber ?? null,
      callback: bad(e.level) ? 1 : 0,
      at: e.at,
      ticket: e.ticket ?? null,
    });
    const f = e.followup;
    if (f)
      followup.run(
        e.id,
        e.at,
        f.due,
        f.rectified ?? null,
        f.rectifiedDate ?? null,
        f.overturned ? e.at : null,
        f.overturned ? 'overturned' : null,
      );
  }
}
