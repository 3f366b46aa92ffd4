import {
  COMPLAINT_TOPIC_LABELS,
  caseStatusOf,
  type Complaint,
  type ComplaintState,
  type StepActor,
} from '../../contracts/complaints';
import { COMPLAINT_ITEM_CODE } from '../../contracts/district-catalog';
import { nextDate } from '../../contracts/workdays';
import type { Sql } from '../../platform/db/sql';
import { insertPerson, insertUnit } from '../../platform/store/complaint-directory';
import { closeDueAt, closedAtOf, type DeadlineContext } from '../../platform/services/complaint-deadlines';
import { enterpriseKeyOf } from '../../platform/services/complaint-duplicate-lookup';
import { registerComplaint } from '../../platform/services/complaint-lifecycle';
import { publicCaseNote } from '../../platform/services/complaint-public-notes';
import { COMPLAINT_DESK_HALL_ID, stageDueAtOf } from '../../platform/services/complaint-registration';
import { ComplaintSettings } from '../../platform/services/complaint-settings';
import { beijingDate, beijingInstant, seededRandom, WorkClock, type Random } from './complaint-history-clock';
import { actorOf, BENCH_BUREAU, benchDirectory, type BenchDirectory, type StaffActor } from './complaint-history-directory';
import { channelOf, fileComplaint } from './complaint-history-filing';
import { liveComplaint, type District } from './complaint-history-life';

/**
 * Years of a district's 营商诉求 written straight into the platform's tables (migration 008), for
 * the benches of issue 21 ("with 100,000 complaints and 3 years of history"): the invented
 * district's 40 units and their people (complaint-history-directory.ts), and `complaints`
 * complaints registered from `from` to `to`, more on working days than on days off, each with
 * its case row (a hall's kiosk case, or the complaint desk's for the hotline, the web form and
 * 民心网), its history lived through the platform's own lifecycle (complaint-history-life.ts),
 * its co-units and parts, and every public step mirrored to its case's status and feed as the
 * action service does. The platform's own deadline rules and calendar (as it seeded them) fix the
 * 办结期限 and the open stages' deadlines. The same seed writes the same rows.
 *
 * Rows go in as large statements of JSON records (`jsonb_to_recordset`, BATCH complaints a
 * statement per table): a hundred thousand complaints and their ~1.7 million rows of steps and
 * status changes in about a minute of the database's time, where a round trip per row would take
 * half an hour. The database must be migrated (createPlatform does it); the numbers, the feed's
 * cursors and the case-number sequences follow what is there, so the platform goes on numbering
 * and appending after them.
 */

export interface ComplaintHistorySpread {
  complaints: number;
  /** The first and last Beijing dates complaints are registered on; the history ends at the last one's 24:00. */
  from: string;
  to: string;
  seed: number;
  /** The halls whose kiosks file complaints (their case rows are in these halls). */
  kioskHalls: readonly string[];
}

/** One complaint of the history as it stands at the end, with its case's hall and key. */
export interface GeneratedComplaint {
  complaint: Complaint;
  hallId: string;
  terminalId: string;
  caseKey: string;
}

export interface LoadedComplaintHistory {
  directory: BenchDirectory;
  complaints: number;
  steps: number;
  byState: Partial<Record<ComplaintState, number>>;
}

const BATCH = 2_000;
const CHANGE_BATCH = 20_000;
/** Days off get this share of a working day's complaints (the web form and 民心网 only). */
const DAY_OFF_WEIGHT = 0.15;

/** The instant the history ends: the last date's 24:00, Beijing time. */
export function historyEnd(spread: Pick<ComplaintHistorySpread, 'to'>): Date {
  return new Date(beijingInstant(nextDate(spread.to), 0));
}

function uuidOf(random: Random): string {
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}

function districtOf(directory: BenchDirectory, context: DeadlineContext, random: Random): District {
  const staff = directory.people.map(actorOf);
  const withRole = (role: StaffActor['bureauRoles'][number]) => staff.filter((p) => p.bureauRoles.includes(role));
  const handlers = new Map<string, StaffActor[]>();
  const leaders = new Map<string, StaffActor>();
  for (const person of staff) {
    if (person.unitCode === BENCH_BUREAU) continue;
    if (person.duty === 'leader') leaders.set(person.unitCode, person);
    else handlers.set(person.unitCode, [...(handlers.get(person.unitCode) ?? []), person]);
  }
  // Most units near the district's usual punctuality, a few far better or worse.
  const lateness = new Map(directory.units.map((unit) => [unit.code, 0.3 + 2.2 * random() ** 2]));
  const names = new Map(directory.units.map((unit) => [unit.code, unit.name]));
  return {
    rules: context.rules,
    clock: new WorkClock(context.clock.calendar, random),
    random,
    sorters: withRole('sorter'),
    reviewers: withRole('reviewer'),
    supervisors: withRole('supervisor'),
    handlers,
    leaders,
    lateness,
    unitName: (code) => names.get(code) ?? code,
  };
}

/** How many complaints each date of the spread gets: working days weigh 1, days off DAY_OFF_WEIGHT. */
function complaintsPerDay(spread: ComplaintHistorySpread, clock: WorkClock): [string, number][] {
  const days: [string, number][] = [];
  for (let date = spread.from; date <= spread.to; date = nextDate(date)) {
    days.push([date, clock.isWorkday(date) ? 1 : DAY_OFF_WEIGHT]);
  }
  const total = days.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  let given = 0;
  return days.map(([date, weight]) => {
    cumulative += weight;
    const upTo = Math.round((cumulative / total) * spread.complaints);
    const count = upTo - given;
    given = upTo;
    return [date, count];
  });
}

/**
 * The history, complaint by complaint in order of registration, in batches of BATCH: pure, the
 * same for the same spread, directory and deadline context.
 */
export function* generateComplaintHistory(
  spread: ComplaintHistorySpread,
  directory: BenchDirectory,
  context: DeadlineContext,
): Generator<GeneratedComplaint[]> {
  const random = seededRandom(spread.seed);
  const district = districtOf(directory, context, random);
  const clock = district.clock;
  const end = historyEnd(spread).getTime();
  const areas = directory.units.filter((unit) => unit.kind !== 'department');
  const intake = directory.people.filter((p) => p.bureauRoles.includes('intake')).map(actorOf);
  let minxinSequence = 0;
  // The 办结期限 depends on the topic and the date alone: the platform's rule asked once a date.
  const promises = new Map<string, string>();
  const promiseOf = (topic: Complaint['topic'], at: number): string => {
    const key = `${topic}|${beijingDate(at)}`;
    let due = promises.get(key);
    if (due === undefined) {
      due = closeDueAt(topic, new Date(at).toISOString(), context);
      promises.set(key, due);
    }
    return due;
  };
  /** The last complaints registered, which a new one may repeat (a duplicate the sorter merges). */
  const recent: { generated: GeneratedComplaint; enterprise: number }[] = [];
  let batch: GeneratedComplaint[] = [];

  for (const [date, count] of complaintsPerDay(spread, clock)) {
    const workday = clock.isWorkday(date);
    const day = date.replaceAll('-', '');
    const arrivals = Array.from({ length: count }, () => {
      const channel = channelOf(random, workday);
      // The hall and the operators in office hours; the web form from morning to late evening.
      const [opens, span] = channel === 'web' ? [7 * 60, 16 * 60] : workday ? [8 * 60 + 30, 9 * 60] : [9 * 60, 3 * 60];
      return { channel, at: beijingInstant(date, opens) + Math.floor(random() * span * 60_000) };
    }).sort((a, b) => a.at - b.at);

    for (const [index, { channel, at }] of arrivals.entries()) {
      const number = `HK${day}${String(index + 1).padStart(6, '0')}`;
      const registeredAt = new Date(at).toISOString();
      const repeated =
        random() < 0.03
          ? recent.find(
              ({ generated: { complaint } }) =>
                Date.parse(complaint.registeredAt) >= at - 7 * 86_400_000 &&
                complaint.state !== 'merged' &&
                complaint.state !== 'not_admitted' &&
                random() < 0.2,
            )
          : undefined;
      const filing = fileComplaint(
        random,
        channel,
        areas,
        () => `MX${day}${String(++minxinSequence).padStart(7, '0')}`,
        repeated === undefined
          ? null
          : {
              enterprise: repeated.enterprise,
              topic: repeated.generated.complaint.topic,
              text: repeated.generated.complaint.text,
            },
      );
      const operator = intake[Math.floor(random() * intake.length)];
      const by: StepActor =
        channel === 'hotline' && operator !== undefined
          ? { kind: 'staff', personId: operator.personId, name: operator.name, unitCode: operator.unitCode, role: 'intake' }
          : channel === 'minxin'
            ? { kind: 'system' }
            : { kind: 'enterprise' };
      const registered = registerComplaint(filing.filed, {
        number,
        at: registeredAt,
        closeDueAt: promiseOf(filing.filed.topic, at),
        actor: by,
      });
      const recentEnough = end - at < 45 * 86_400_000;
      const complaint = liveComplaint(
        registered,
        {
          mergeInto: repeated?.generated.complaint.number ?? null,
          lead: filing.lead,
          coUnits: filing.coUnits,
          redispatchTo: filing.redispatchTo,
          stallAfter: recentEnough && random() < 0.04 ? 2 + Math.floor(random() * 6) : null,
        },
        district,
        end,
      );
      const kiosk = channel === 'kiosk';
      const generated: GeneratedComplaint = {
        complaint,
        hallId: kiosk
          ? (spread.kioskHalls[Math.floor(random() * spread.kioskHalls.length)] ?? 'hall-000')
          : COMPLAINT_DESK_HALL_ID,
        terminalId: kiosk ? `kiosk-0${1 + Math.floor(random() * 4)}` : channel,
        caseKey: kiosk ? uuidOf(random) : `complaint:${uuidOf(random)}`,
      };
      recent.unshift({ generated, enterprise: filing.enterprise });
      if (recent.length > 40) recent.pop();
      batch.push(generated);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** A status change of a complaint's case, before it has its cursor. */
interface StatusChange {
  caseNumber: string;
  hallId: string;
  status: string;
  note: string | null;
  at: number;
}

/** An invented but well-formed ID number, the one the other benches' cases carry. */
const KIOSK_APPLICANT_ID = '110105194912310000';

function caseRecord({ complaint: c, hallId, terminalId, caseKey }: GeneratedComplaint) {
  const kiosk = c.channel === 'kiosk';
  return {
    case_number: c.number,
    idempotency_key: caseKey,
    // A kiosk case carries its request's hash; a desk case's key is fresh, with nothing to compare.
    request_hash: kiosk ? 'bench' : '',
    hall_id: hallId,
    terminal_id: terminalId,
    item_code: COMPLAINT_ITEM_CODE,
    item_name: '营商环境诉求',
    applicant_name: c.contact.name,
    applicant_id_number: kiosk ? KIOSK_APPLICANT_ID : '',
    applicant_phone: c.contact.phone,
    form: {
      companyName: c.enterprise.name,
      ...(c.enterprise.creditCode === null ? {} : { creditCode: c.enterprise.creditCode }),
      topic: COMPLAINT_TOPIC_LABELS[c.topic][0],
      details: c.text,
    },
    submitted_at: c.registeredAt,
    status: caseStatusOf(c.state),
    // The case promises the 办结期限's date.
    expected_completion: beijingDate(Date.parse(c.closeDueAt) - 1),
  };
}

function complaintRecord(c: Complaint, context: DeadlineContext) {
  return {
    number: c.number,
    channel: c.channel,
    external_ref: c.externalRef,
    enterprise_name: c.enterprise.name,
    enterprise_key: enterpriseKeyOf(c.enterprise.name),
    credit_code: c.enterprise.creditCode,
    contact_name: c.contact.name,
    contact_phone: c.contact.phone,
    topic: c.topic,
    area: c.area,
    text: c.text,
    registered_at: c.registeredAt,
    close_due_at: c.closeDueAt,
    state: c.state,
    lead_unit: c.leadUnit,
    handler_person_id: c.handler?.personId ?? null,
    handler_name: c.handler?.name ?? null,
    reply: c.reply,
    returns: c.returns,
    merged_into: c.mergedInto,
    evaluation: c.evaluation,
    closed_at: closedAtOf(c),
    stage_due_at: stageDueAtOf(c, context),
  };
}

/** One batch's cases, complaints, steps and co-units: four statements. */
async function writeBatch(sql: Sql, batch: readonly GeneratedComplaint[], context: DeadlineContext): Promise<void> {
  await sql.query(
    `INSERT INTO cases (case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name,
       applicant_name, applicant_id_number, applicant_phone, form, materials, submitted_at, received_at, status, expected_completion)
     SELECT case_number, idempotency_key, request_hash, hall_id, terminal_id, item_code, item_name, applicant_name,
       applicant_id_number, applicant_phone, form, '[]'::jsonb, submitted_at, submitted_at, status, expected_completion
     FROM jsonb_to_recordset($1::jsonb) AS r(case_number text, idempotency_key text, request_hash text, hall_id text,
       terminal_id text, item_code text, item_name text, applicant_name text, applicant_id_number text, applicant_phone text,
       form jsonb, submitted_at timestamptz, status text, expected_completion date)`,
    [JSON.stringify(batch.map(caseRecord))],
  );
  await sql.query(
    `INSERT INTO complaints (number, channel, external_ref, enterprise_name, enterprise_key, credit_code, contact_name,
       contact_phone, topic, area, text, attachments, registered_at, close_due_at, state, lead_unit, handler_person_id,
       handler_name, reply, returns, merged_into, evaluation, closed_at, stage_due_at)
     SELECT number, channel, external_ref, enterprise_name, enterprise_key, credit_code, contact_name, contact_phone, topic,
       area, text, '[]'::jsonb, registered_at, close_due_at, state, lead_unit, handler_person_id, handler_name, reply, returns,
       merged_into, evaluation, closed_at, stage_due_at
     FROM jsonb_to_recordset($1::jsonb) AS r(number text, channel text, external_ref text, enterprise_name text,
       enterprise_key text, credit_code text, contact_name text, contact_phone text, topic text, area text, text text,
       registered_at timestamptz, close_due_at timestamptz, state text, lead_unit text, handler_person_id uuid,
       handler_name text, reply jsonb, returns integer, merged_into text, evaluation jsonb, closed_at timestamptz,
       stage_due_at timestamptz)`,
    [JSON.stringify(batch.map(({ complaint }) => complaintRecord(complaint, context)))],
  );
  // The history is read in order of id: the steps go in complaint by complaint, in order.
  await sql.query(
    `INSERT INTO complaint_steps (number, at, action, from_state, to_state, actor, units, note, public_note, visibility)
     SELECT number, at, action, from_state, to_state, actor, units, note, public_note, visibility
     FROM jsonb_to_recordset($1::jsonb) AS r(ord integer, number text, at timestamptz, action text, from_state text,
       to_state text, actor jsonb, units jsonb, note text, public_note text, visibility text)
     ORDER BY ord`,
    [
      JSON.stringify(
        batch
          .flatMap(({ complaint }) => complaint.history.map((step) => ({ number: complaint.number, step })))
          .map(({ number, step }, ord) => ({
            ord,
            number,
            at: step.at,
            action: step.action,
            from_state: step.from,
            to_state: step.to,
            actor: step.actor,
            units: step.units,
            note: step.note,
            public_note: step.publicNote,
            visibility: step.visibility,
          })),
      ),
    ],
  );
  const coUnits = batch.flatMap(({ complaint }) =>
    complaint.coUnits.map((c, position) => ({ number: complaint.number, unit_code: c.unitCode, position, part: c.part })),
  );
  if (coUnits.length === 0) return;
  await sql.query(
    `INSERT INTO complaint_co_units (number, unit_code, position, part)
     SELECT number, unit_code, position, part
     FROM jsonb_to_recordset($1::jsonb) AS r(number text, unit_code text, position integer, part jsonb)`,
    [JSON.stringify(coUnits)],
  );
}

/**
 * The status changes of a batch's cases, as intake and the action service append them: the
 * case's `submitted` when it came in, then one per public step but the registration, with the
 * note the kiosk's progress page shows.
 */
function statusChangesOf(batch: readonly GeneratedComplaint[], unitName: (code: string) => string): StatusChange[] {
  return batch.flatMap(({ complaint, hallId }) => [
    { caseNumber: complaint.number, hallId, status: 'submitted', note: null, at: Date.parse(complaint.registeredAt) },
    ...complaint.history
      .filter((step) => step.visibility === 'public' && step.action !== 'register')
      .map((step) => ({
        caseNumber: complaint.number,
        hallId,
        status: caseStatusOf(step.to),
        note: publicCaseNote(step, unitName),
        at: Date.parse(step.at),
      })),
  ]);
}

/** Changes under the cursors from `firstCursor` on, in their order, CHANGE_BATCH a statement. */
async function writeStatusChanges(sql: Sql, changes: readonly StatusChange[], firstCursor: number): Promise<void> {
  for (let start = 0; start < changes.length; start += CHANGE_BATCH) {
    const rows = changes.slice(start, start + CHANGE_BATCH).map((c, i) => ({
      cursor: firstCursor + start + i,
      case_number: c.caseNumber,
      hall_id: c.hallId,
      status: c.status,
      note: c.note,
      at: new Date(c.at).toISOString(),
    }));
    await sql.query(
      `INSERT INTO case_status_changes (cursor, case_number, hall_id, status, note, at)
       SELECT cursor, case_number, hall_id, status, note, at
       FROM jsonb_to_recordset($1::jsonb) AS r(cursor bigint, case_number text, hall_id text, status text, note text,
         at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }
}

/**
 * The status changes waiting for their cursors. Cursors go in order of time, so each hall's feed
 * reads in the order things happened; complaints come in order of registration and none changes
 * before it is registered, so the changes before the latest registration are final and leave,
 * sorted, while the rest wait for the complaints still to come.
 */
class ChangeQueue {
  private waiting: StatusChange[] = [];

  add(changes: readonly StatusChange[]): void {
    this.waiting.push(...changes);
  }

  /** The changes before `instant` (ms), in order of time. */
  takeBefore(instant: number): StatusChange[] {
    this.waiting.sort((a, b) => a.at - b.at);
    const split = this.waiting.findIndex((change) => change.at >= instant);
    const taken = split < 0 ? this.waiting : this.waiting.slice(0, split);
    this.waiting = split < 0 ? [] : this.waiting.slice(split);
    return taken;
  }
}

/** Each day's case-number sequence at least at its last number written, so new numbers follow. */
async function writeNumberSequences(sql: Sql, lastOfDay: ReadonlyMap<string, number>): Promise<void> {
  await sql.query(
    `INSERT INTO case_number_sequences (day, last_value)
     SELECT day, last_value FROM jsonb_to_recordset($1::jsonb) AS r(day text, last_value integer)
     ON CONFLICT (day) DO UPDATE SET last_value = greatest(case_number_sequences.last_value, excluded.last_value)`,
    [JSON.stringify([...lastOfDay].map(([day, last]) => ({ day, last_value: last })))],
  );
}

/** The invented district's units and people, through the platform's directory store. */
async function writeDirectory(sql: Sql, directory: BenchDirectory, at: Date): Promise<void> {
  for (const unit of directory.units) await insertUnit(sql, unit, at);
  for (const person of directory.people) {
    if ((await insertPerson(sql, person, at)) === undefined) throw new Error(`no unit ${person.unitCode} for a bench person`);
  }
}

/**
 * Writes the directory and the history into a migrated, complaint-free database, under the
 * deadline rules and calendar the platform has seeded (seeding them if it has not), then
 * ANALYZEs the tables as autovacuum would.
 */
export async function loadComplaintHistory(sql: Sql, spread: ComplaintHistorySpread): Promise<LoadedComplaintHistory> {
  const start = new Date(beijingInstant(spread.from, 0));
  const settings = new ComplaintSettings(sql, () => start);
  await settings.seed();
  const { deadlines } = await settings.current();
  const directory = benchDirectory();
  await writeDirectory(sql, directory, start);
  const names = new Map(directory.units.map((unit) => [unit.code, unit.name]));
  const unitName = (code: string): string => names.get(code) ?? code;

  // The feed's cursors from the sequence on; set past the last one at the end, so the platform's follow.
  const [first] = await sql.query<{ cursor: string }>(`SELECT nextval('case_change_cursors')::text AS cursor`);
  let nextCursor = Number(first?.cursor ?? 1);
  const changes = new ChangeQueue();
  const lastOfDay = new Map<string, number>();
  const byState: Partial<Record<ComplaintState, number>> = {};
  let complaints = 0;
  let steps = 0;
  // The database writes a batch while the next one is generated: two cores, both busy.
  let writing: Promise<void> = Promise.resolve();
  for (const batch of generateComplaintHistory(spread, directory, deadlines)) {
    await writing;
    changes.add(statusChangesOf(batch, unitName));
    const last = batch.at(-1)?.complaint.registeredAt;
    const ready = changes.takeBefore(last === undefined ? 0 : Date.parse(last));
    const firstCursor = nextCursor;
    nextCursor += ready.length;
    writing = writeBatch(sql, batch, deadlines).then(() => writeStatusChanges(sql, ready, firstCursor));
    // Awaited with the next batch; a failure meanwhile is not an unhandled rejection.
    writing.catch(() => undefined);
    for (const { complaint } of batch) {
      complaints += 1;
      steps += complaint.history.length;
      byState[complaint.state] = (byState[complaint.state] ?? 0) + 1;
      const day = complaint.number.slice(2, 10);
      lastOfDay.set(day, Math.max(lastOfDay.get(day) ?? 0, Number(complaint.number.slice(10))));
    }
  }
  await writing;
  const rest = changes.takeBefore(Number.POSITIVE_INFINITY);
  await writeStatusChanges(sql, rest, nextCursor);
  await sql.query(`SELECT setval('case_change_cursors', $1::bigint, false)`, [nextCursor + rest.length]);
  await writeNumberSequences(sql, lastOfDay);
  for (const table of ['cases', 'case_status_changes', 'complaints', 'complaint_steps', 'complaint_co_units']) {
    await sql.query(`ANALYZE ${table}`);
  }
  return { directory, complaints, steps, byState };
}
