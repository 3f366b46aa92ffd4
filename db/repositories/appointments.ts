import type { TicketStatus } from '../../contracts/queue';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

/**
 * The cached appointments of this hall (tables `appointments`, `appointment_pulls`): masked names
 * and the central API's keyed tag of the ID number, no part of the number itself.
 */

export interface PulledAppointmentRow {
  id: string;
  serviceCode: string;
  slotStart: string;
  slotEnd: string;
  /** Already masked (张*): the full name is never written here. */
  applicantMasked: string;
  /** Hex HMAC-SHA-256 of the ID number under the hall's matching key. */
  idTag: string;
  code: string;
}

export interface AppointmentRow extends PulledAppointmentRow {
  businessDate: string;
  checkedInAt: string | null;
  ticketId: number | null;
  fetchedAt: string;
}

export interface AppointmentListRow extends AppointmentRow {
  ticketNumber: string | null;
}

const columns = `a.id, a.business_date AS businessDate, a.service_code AS serviceCode, a.slot_start AS slotStart,
  a.slot_end AS slotEnd, a.applicant_masked AS applicantMasked, a.id_tag AS idTag, a.code,
  a.checked_in_at AS checkedInAt, a.ticket_id AS ticketId, a.fetched_at AS fetchedAt`;

export interface ReplaceOutcome {
  /** Rows in the pulled set (inserted or refreshed). */
  stored: number;
  /** Not-yet-checked-in rows the central API no longer lists (cancelled or moved): marked cancelled. */
  removed: number;
}

/**
 * Replaces the cached set of `date` with a freshly pulled one, in one transaction. Rows still
 * listed keep their check-in columns; rows no longer listed are marked cancelled unless they
 * were already checked in (the ticket exists and staff must still see why it was issued).
 */
export function replaceAppointmentsForDate(
  db: Db,
  date: string,
  rows: readonly PulledAppointmentRow[],
  fetchedAt: string,
): ReplaceOutcome {
  return db.transaction((): ReplaceOutcome => {
    // Kept as cancelled, not deleted: the manager's desk shows them. The code is a credential
    // (the booking's QR): a placeholder replaces it, so the cancelled booking checks nothing in.
    const removed = prepared(
      db,
      `UPDATE appointments SET cancelled_at = ?, code = 'cancelled:' || id
        WHERE business_date = ? AND checked_in_at IS NULL AND cancelled_at IS NULL
          AND id NOT IN (SELECT value FROM json_each(?))`,
    ).run(fetchedAt, date, JSON.stringify(rows.map((r) => r.id))).changes;
    const upsert = prepared(
      db,
      `INSERT INTO appointments (id, business_date, service_code, slot_start, slot_end, applicant_masked, id_tag,
         code, fetched_at)
       VALUES (@id, @date, @serviceCode, @slotStart, @slotEnd, @applicantMasked, @idTag, @code, @fetchedAt)
       ON CONFLICT (id) DO UPDATE SET
         business_date = excluded.business_date, service_code = excluded.service_code,
         slot_start = excluded.slot_start, slot_end = excluded.slot_end,
         applicant_masked = excluded.applicant_masked, id_tag = excluded.id_tag,
         code = excluded.code, fetched_at = excluded.fetched_at, cancelled_at = NULL`,
    );
    for (const r of rows) upsert.run({ ...r, date, fetchedAt });
    prepared(
      db,
      `INSERT INTO appointment_pulls (business_date, fetched_at) VALUES (?, ?)
         ON CONFLICT (business_date) DO UPDATE SET fetched_at = excluded.fetched_at`,
    ).run(date, fetchedAt);
    return { stored: rows.length, removed };
  })();
}

/** When `date` was last pulled successfully, or null. */
export function lastPullOf(db: Db, date: string): string | null {
  const row = prepared(db, 'SELECT fetched_at AS fetchedAt FROM appointment_pulls WHERE business_date = ?').get(date) as
    { fetchedAt: string } | undefined;
  return row?.fetchedAt ?? null;
}

/** The booking of a check-in code; a cancelled booking has none. */
export function appointmentByCode(db: Db, code: string): AppointmentRow | undefined {
  return prepared(db, `SELECT ${columns} FROM appointments a WHERE a.code = ? AND a.cancelled_at IS NULL`).get(code) as
    AppointmentRow | undefined;
}

/** A card holder's appointments on `date` (by the card's tag), by slot; cancelled ones left out. */
export function appointmentsOfHolder(db: Db, date: string, idTag: string): AppointmentRow[] {
  return prepared(
    db,
    `SELECT ${columns} FROM appointments a WHERE a.business_date = ? AND a.id_tag = ? AND a.cancelled_at IS NULL
      ORDER BY a.slot_start, a.id`,
  ).all(date, idTag) as AppointmentRow[];
}

/** Every appointment of `date` still booked, with its ticket's number once checked in, by slot. */
export function appointmentsOn(db: Db, date: string): AppointmentListRow[] {
  return prepared(
    db,
    `SELECT ${columns}, t.number AS ticketNumber FROM appointments a LEFT JOIN tickets t ON t.id = a.ticket_id
       WHERE a.business_date = ? AND a.cancelled_at IS NULL ORDER BY a.slot_start, a.id`,
  ).all(date) as AppointmentListRow[];
}

/** A booking of the day as the manager's desk reads it: no tag, no code; its ticket's state. */
export interface AppointmentDayRow {
  id: string;
  serviceCode: string;
  slotStart: string;
  slotEnd: string;
  applicantMasked: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
  ticketNumber: string | null;
  ticketStatus: TicketStatus | null;
}

/** Every booking of `date`, cancelled ones too, by slot (one hall-local day: bounded by its slots). */
export function appointmentDay(db: Db, date: string): AppointmentDayRow[] {
  return prepared(
    db,
    `SELECT a.id, a.service_code AS serviceCode, a.slot_start AS slotStart, a.slot_end AS slotEnd,
        a.applicant_masked AS applicantMasked, a.checked_in_at AS checkedInAt, a.cancelled_at AS cancelledAt,
        t.number AS ticketNumber, t.status AS ticketStatus
       FROM appointments a LEFT JOIN tickets t ON t.id = a.ticket_id
      WHERE a.business_date = ? ORDER BY a.slot_start, a.slot_end, a.id`,
  ).all(date) as AppointmentDayRow[];
}

/**
 * Records the check-in and its ticket. False when the appointment is gone or was checked in
 * meanwhile: the caller runs this inside the ticket's transaction and rolls the ticket back.
 */
export function markCheckedIn(db: Db, id: string, ticketId: number, at: string): boolean {
  return (
    prepared(db, 'UPDATE appointments SET checked_in_at = ?, ticket_id = ? WHERE id = ? AND checked_in_at IS NULL').run(
      at,
      ticketId,
      id,
    ).changes === 1
  );
}

/** Drops dates before `date` (masked data, but still kept no longer than useful). */
export function purgeAppointmentsBefore(db: Db, date: string): number {
  return db.transaction(() => {
    prepared(db, 'DELETE FROM appointment_pulls WHERE business_date < ?').run(date);
    return prepared(db, 'DELETE FROM appointments WHERE business_date < ?').run(date).changes;
  })();
}
