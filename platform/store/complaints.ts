import type {
  Complaint,
  ComplaintChannel,
  ComplaintState,
  ComplaintStep,
  ComplaintTopic,
  CoUnitPart,
  SignedText,
  StepActor,
} from '../../contracts/complaints';
import type { Sql } from '../db/sql';

/**
 * Complaints, their history and co-units (migration 006). A complaint's number is a case number
 * and its case row is written first (store/cases.ts); the rows here come back as the parts of a
 * contract `Complaint`, which the services assemble.
 */

/** A complaint's own row, without its history and co-units, with the hall of its case. */
export interface ComplaintRow {
  number: string;
  hallId: string;
  channel: ComplaintChannel;
  externalRef: string | null;
  enterpriseName: string;
  creditCode: string | null;
  contactName: string;
  contactPhone: string;
  topic: ComplaintTopic;
  area: string | null;
  text: string;
  attachments: Complaint['attachments'];
  registeredAt: Date;
  closeDueAt: Date;
  state: ComplaintState;
  leadUnit: string | null;
  handlerPersonId: string | null;
  handlerName: string | null;
  reply: SignedText | null;
  returns: number;
  mergedInto: string | null;
  evaluation: Complaint['evaluation'];
}

/** The columns of a `ComplaintRow`, over `FROM` (other stores of complaint rows select them too). */
export const COLUMNS = `c.number, k.hall_id AS "hallId", c.channel, c.external_ref AS "externalRef",
  c.enterprise_name AS "enterpriseName", c.credit_code AS "creditCode", c.contact_name AS "contactName",
  c.contact_phone AS "contactPhone", c.topic, c.area, c.text, c.attachments, c.registered_at AS "registeredAt",
  c.close_due_at AS "closeDueAt", c.state, c.lead_unit AS "leadUnit", c.handler_person_id AS "handlerPersonId",
  c.handler_name AS "handlerName", c.reply, c.returns, c.merged_into AS "mergedInto", c.evaluation`;

export const FROM = 'complaints c JOIN cases k ON k.case_number = c.number';

/** A complaint newly registered, with its first step and the date its case promises (the 办结期限's). */
export interface NewComplaintRow {
  complaint: Complaint;
  enterpriseKey: string;
  stageDueAt: string | null;
  /** `YYYY-MM-DD`: the case row's expected completion. */
  dueDate: string;
}

/**
 * Complaints whose case rows exist, their registration steps, and their cases' promised dates,
 * in one statement: intake of a batch of kiosk cases pays one statement for its complaints.
 */
export async function insertComplaints(tx: Sql, complaints: readonly NewComplaintRow[]): Promise<void> {
  if (complaints.length === 0) return;
  const rows = complaints.map(({ complaint: c, enterpriseKey, stageDueAt, dueDate }) => ({
    number: c.number,
    channel: c.channel,
    external_ref: c.externalRef,
    enterprise_name: c.enterprise.name,
    enterprise_key: enterpriseKey,
    credit_code: c.enterprise.creditCode,
    contact_name: c.contact.name,
    contact_phone: c.contact.phone,
    topic: c.topic,
    area: c.area,
    text: c.text,
    attachments: c.attachments,
    registered_at: c.registeredAt,
    close_due_at: c.closeDueAt,
    state: c.state,
    stage_due_at: stageDueAt,
    due_date: dueDate,
    steps: c.history,
  }));
  await tx.query(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(number text, channel text, external_ref text, enterprise_name text,
         enterprise_key text, credit_code text, contact_name text, contact_phone text, topic text, area text, text text,
         attachments jsonb, registered_at timestamptz, close_due_at timestamptz, state text, stage_due_at timestamptz,
         due_date date, steps jsonb)
     ),
     inserted AS (
       INSERT INTO complaints (number, channel, external_ref, enterprise_name, enterprise_key, credit_code, contact_name,
         contact_phone, topic, area, text, attachments, registered_at, close_due_at, state, stage_due_at)
       SELECT number, channel, external_ref, enterprise_name, enterprise_key, credit_code, contact_name, contact_phone,
         topic, area, text, attachments, registered_at, close_due_at, state, stage_due_at
       FROM r
       RETURNING number
     ),
     steps AS (
       INSERT INTO complaint_steps (number, at, action, from_state, to_state, actor, units, note, public_note, visibility)
       SELECT i.number, (s->>'at')::timestamptz, s->>'action', s->>'from', s->>'to', s->'actor', s->'units',
         s->>'note', s->>'publicNote', s->>'visibility'
       FROM inserted i JOIN r ON r.number = i.number, jsonb_array_elements(r.steps) AS s
     )
     UPDATE cases SET expected_completion = r.due_date FROM r WHERE cases.case_number = r.number`,
    [JSON.stringify(rows)],
  );
}

/** A complaint's row by number; `forUpdate` locks it until the transaction ends (an action). */
export async function complaintRow(sql: Sql, number: string, forUpdate = false): Promise<ComplaintRow | undefined> {
  const [row] = await sql.query<ComplaintRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE c.number = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [number],
  );
  return row;
}

/** Whether a case number is a complaint's (its case then moves only through the complaint's actions). */
export async function complaintExists(sql: Sql, number: string): Promise<boolean> {
  const [row] = await sql.query<{ exists: boolean }>('SELECT EXISTS (SELECT 1 FROM complaints WHERE number = $1) AS "exists"', [
    number,
  ]);
  return row?.exists === true;
}

/** Complaints not in a final state (the notifier's sweep), oldest first. */
export function openComplaintRows(sql: Sql): Promise<ComplaintRow[]> {
  return sql.query<ComplaintRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE c.state IN ('registered', 'sorting', 'dispatched', 'accepted', 'drafted', 'under_review', 'returned', 'approved')
     ORDER BY c.registered_at, c.number`,
  );
}

/**
 * The complaints with a step of `action` in [`from`, `to`) (the indicators' periods), each once,
 * by the steps' (action, at) index.
 */
export function complaintRowsWithStepBetween(
  sql: Sql,
  action: ComplaintStep['action'],
  from: Date,
  to: Date,
): Promise<ComplaintRow[]> {
  return sql.query<ComplaintRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE c.number IN (SELECT s.number FROM complaint_steps s WHERE s.action = $1 AND s.at >= $2 AND s.at < $3)
     ORDER BY c.number`,
    [action, from.toISOString(), to.toISOString()],
  );
}

/**
 * An enterprise's complaints registered between `from` and `to`: by its credit code when it has
 * one, else by its folded name (complaint-duplicates.ts `sameEnterprise` decides among them).
 */
export function enterpriseComplaintRows(
  sql: Sql,
  enterprise: { creditCode: string | null; key: string },
  from: Date,
  to: Date,
): Promise<ComplaintRow[]> {
  return sql.query<ComplaintRow>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE (c.credit_code = $1 OR c.enterprise_key = $2) AND c.registered_at BETWEEN $3 AND $4`,
    [enterprise.creditCode, enterprise.key, from.toISOString(), to.toISOString()],
  );
}

interface StepRow {
  number: string;
  at: Date;
  action: ComplaintStep['action'];
  from: ComplaintState | null;
  to: ComplaintState;
  actor: StepActor;
  units: string[];
  note: string | null;
  publicNote: string | null;
  visibility: ComplaintStep['visibility'];
}

/** The histories of `numbers`, each in order. */
export async function stepsOf(sql: Sql, numbers: readonly string[]): Promise<Map<string, ComplaintStep[]>> {
  const rows = await sql.query<StepRow>(
    `SELECT number, at, action, from_state AS "from", to_state AS "to", actor, units, note, public_note AS "publicNote",
       visibility
     FROM complaint_steps WHERE number = ANY($1::text[]) ORDER BY number, id`,
    [numbers],
  );
  const steps = new Map<string, ComplaintStep[]>();
  for (const { number, at, ...step } of rows) {
    const list = steps.get(number) ?? [];
    list.push({ ...step, at: at.toISOString() });
    steps.set(number, list);
  }
  return steps;
}

/** The co-units of `numbers`, each in the dispatch's order. */
export async function coUnitsOf(sql: Sql, numbers: readonly string[]): Promise<Map<string, CoUnitPart[]>> {
  const rows = await sql.query<{ number: string; unitCode: string; part: SignedText | null }>(
    `SELECT number, unit_code AS "unitCode", part FROM complaint_co_units WHERE number = ANY($1::text[])
     ORDER BY number, position`,
    [numbers],
  );
  const parts = new Map<string, CoUnitPart[]>();
  for (const { number, ...part } of rows) parts.set(number, [...(parts.get(number) ?? []), part]);
  return parts;
}

/** A step appended to a complaint's history. */
export async function insertStep(tx: Sql, number: string, step: ComplaintStep): Promise<void> {
  await tx.query(
    `INSERT INTO complaint_steps (number, at, action, from_state, to_state, actor, units, note, public_note, visibility)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10)`,
    [
      number,
      step.at,
      step.action,
      step.from,
      step.to,
      JSON.stringify(step.actor),
      JSON.stringify(step.units),
      step.note,
      step.publicNote,
      step.visibility,
    ],
  );
}

/** What an action changes on the complaint's own row. */
export interface ComplaintUpdate {
  state: ComplaintState;
  leadUnit: string | null;
  handler: Complaint['handler'];
  reply: SignedText | null;
  returns: number;
  mergedInto: string | null;
  evaluation: Complaint['evaluation'];
  closedAt: string | null;
  stageDueAt: string | null;
}

export async function updateComplaint(tx: Sql, number: string, update: ComplaintUpdate): Promise<void> {
  await tx.query(
    `UPDATE complaints SET state = $2, lead_unit = $3, handler_person_id = $4, handler_name = $5, reply = $6::jsonb,
       returns = $7, merged_into = $8, evaluation = $9::jsonb, closed_at = coalesce(closed_at, $10), stage_due_at = $11
     WHERE number = $1`,
    [
      number,
      update.state,
      update.leadUnit,
      update.handler?.personId ?? null,
      update.handler?.name ?? null,
      update.reply === null ? null : JSON.stringify(update.reply),
      update.returns,
      update.mergedInto,
      update.evaluation === null ? null : JSON.stringify(update.evaluation),
      update.closedAt,
      update.stageDueAt,
    ],
  );
}

/** The co-units of the complaint's current dispatch, replaced whole (a dispatch, a decline, a part). */
export async function replaceCoUnits(tx: Sql, number: string, coUnits: readonly CoUnitPart[]): Promise<void> {
  await tx.query('DELETE FROM complaint_co_units WHERE number = $1', [number]);
  if (coUnits.length === 0) return;
  await tx.query(
    `INSERT INTO complaint_co_units (number, unit_code, position, part)
     SELECT $1, u.unit_code, u.position, u.part FROM jsonb_to_recordset($2::jsonb) AS u(unit_code text, position integer, part jsonb)`,
    [number, JSON.stringify(coUnits.map((c, position) => ({ unit_code: c.unitCode, position, part: c.part })))],
  );
}
