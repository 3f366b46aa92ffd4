import type { Sql } from '../db/sql';

/**
 * The notifier's claims (`complaint_notices_sent`, migration 006): one row per notice, person and
 * channel. Inserting the row is the claim, so whichever instance inserts it sends; a failure is
 * kept with its attempts and the time of the next; a claim whose sender went away (its lease
 * passed) is taken over. Every statement here is safe with several instances at once under READ
 * COMMITTED: the insert by the primary key, the take-over by a row lock and a re-checked WHERE.
 */

export type DeliveryChannel = 'inbox' | 'email';
export type DeliveryStatus = 'sending' | 'sent' | 'failed';

export interface DeliveryId {
  noticeKey: string;
  personId: string;
  channel: DeliveryChannel;
}

export interface DeliveryRow extends DeliveryId {
  complaintNumber: string;
  kind: string;
  stage: string;
  dueAt: Date;
  subject: string;
  body: string;
  address: string | null;
  status: DeliveryStatus;
  attempts: number;
  claimedUntil: Date | null;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export type NewDelivery = Pick<
  DeliveryRow,
  'noticeKey' | 'personId' | 'channel' | 'complaintNumber' | 'kind' | 'stage' | 'dueAt' | 'subject' | 'body' | 'address'
>;

const COLUMNS = `notice_key AS "noticeKey", person_id AS "personId", channel, complaint_number AS "complaintNumber",
  kind, stage, due_at AS "dueAt", subject, body, address, status, attempts, claimed_until AS "claimedUntil",
  next_attempt_at AS "nextAttemptAt", last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt"`;

const BY_ID = 'notice_key = $1 AND person_id = $2 AND channel = $3';
const idParams = (id: DeliveryId) => [id.noticeKey, id.personId, id.channel];

/** Claims a delivery for this sender until `claimedUntil`: true when it was not claimed before (by anyone). */
export async function claimDelivery(sql: Sql, delivery: NewDelivery, now: Date, claimedUntil: Date): Promise<boolean> {
  const rows = await sql.query<{ claimed: boolean }>(
    `INSERT INTO complaint_notices_sent
       (notice_key, person_id, channel, complaint_number, kind, stage, due_at, subject, body, address,
        status, attempts, claimed_until, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'sending', 0, $11, $12)
     ON CONFLICT DO NOTHING
     RETURNING true AS claimed`,
    [
      delivery.noticeKey,
      delivery.personId,
      delivery.channel,
      delivery.complaintNumber,
      delivery.kind,
      delivery.stage,
      delivery.dueAt.toISOString(),
      delivery.subject,
      delivery.body,
      delivery.address,
      claimedUntil.toISOString(),
      now.toISOString(),
    ],
  );
  return rows.length > 0;
}

/** Which of `keys` have had a delivery claimed, for anyone on any channel. */
export async function claimedNoticeKeys(sql: Sql, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await sql.query<{ key: string }>(
    `SELECT DISTINCT notice_key AS key FROM complaint_notices_sent
     WHERE notice_key IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(keys)],
  );
  return new Set(rows.map((row) => row.key));
}

const RETRYABLE = `((status = 'failed' AND next_attempt_at <= $1) OR (status = 'sending' AND claimed_until < $1))
  AND channel IN (SELECT jsonb_array_elements_text($4::jsonb))`;

/**
 * Takes over up to `limit` deliveries due again as of `now` (failures whose next attempt came,
 * claims whose lease passed) of the `channels` given, oldest first, claiming each until `claimedUntil`. Rows another
 * instance is taking over at the same moment are skipped, and the outer WHERE is checked again
 * on the locked row, so no delivery is taken twice.
 */
export function reclaimDueDeliveries(
  sql: Sql,
  now: Date,
  claimedUntil: Date,
  limit: number,
  channels: readonly DeliveryChannel[],
): Promise<DeliveryRow[]> {
  return sql.query<DeliveryRow>(
    `UPDATE complaint_notices_sent SET status = 'sending', claimed_until = $2
     WHERE (notice_key, person_id, channel) IN (
       SELECT notice_key, person_id, channel FROM complaint_notices_sent
       WHERE ${RETRYABLE}
       ORDER BY created_at, notice_key
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     ) AND ${RETRYABLE}
     RETURNING ${COLUMNS}`,
    [now.toISOString(), claimedUntil.toISOString(), limit, JSON.stringify(channels)],
  );
}

/** The delivery went: never sent again. */
export async function markDeliverySent(sql: Sql, id: DeliveryId, now: Date): Promise<void> {
  await sql.query(
    `UPDATE complaint_notices_sent
     SET status = 'sent', sent_at = $4, attempts = attempts + 1, claimed_until = NULL, next_attempt_at = NULL, last_error = NULL
     WHERE ${BY_ID} AND status = 'sending'`,
    [...idParams(id), now.toISOString()],
  );
}

/** The attempt failed with `code`: tried again from `nextAttemptAt`. Returns the attempts made so far. */
export async function markDeliveryFailed(sql: Sql, id: DeliveryId, code: string, nextAttemptAt: Date): Promise<number> {
  const [row] = await sql.query<{ attempts: number }>(
    `UPDATE complaint_notices_sent
     SET status = 'failed', attempts = attempts + 1, claimed_until = NULL, next_attempt_at = $4, last_error = $5
     WHERE ${BY_ID} AND status = 'sending'
     RETURNING attempts`,
    [...idParams(id), nextAttemptAt.toISOString(), code],
  );
  return row?.attempts ?? 0;
}

/** One delivery as it stands (tests, and the console's future "what was sent" view). */
export async function deliveryOf(sql: Sql, id: DeliveryId): Promise<DeliveryRow | undefined> {
  const [row] = await sql.query<DeliveryRow>(`SELECT ${COLUMNS} FROM complaint_notices_sent WHERE ${BY_ID}`, idParams(id));
  return row;
}

/** Every delivery of a complaint, oldest first. */
export function deliveriesOfComplaint(sql: Sql, complaintNumber: string): Promise<DeliveryRow[]> {
  return sql.query<DeliveryRow>(
    `SELECT ${COLUMNS} FROM complaint_notices_sent WHERE complaint_number = $1 ORDER BY created_at, notice_key, channel`,
    [complaintNumber],
  );
}
