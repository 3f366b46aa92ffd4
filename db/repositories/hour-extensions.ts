import type { Db } from '../open';
import { prepared } from '../statement-cache';

/** A row of `hour_extensions` (延时服务), with the names a screen shows. */
export interface HourExtensionRow {
  id: number;
  businessDay: string;
  serviceCode: string | null;
  serviceName: string | null;
  windowId: number | null;
  windowNumber: number | null;
  /** Hall-local HH:MM. */
  until: string;
  reason: string;
  createdAt: string;
  createdByStaffNo: string | null;
  cancelledAt: string | null;
  cancelledByStaffNo: string | null;
}

const COLUMNS = `e.id, e.business_day AS businessDay, e.service_code AS serviceCode,
  (SELECT name FROM services WHERE code = e.service_code) AS serviceName,
  e.window_id AS windowId, (SELECT number FROM windows WHERE id = e.window_id) AS windowNumber,
  e.until, e.reason, e.created_at AS createdAt,
  (SELECT staff_no FROM staff WHERE id = e.created_by) AS createdByStaffNo,
  e.cancelled_at AS cancelledAt, (SELECT staff_no FROM staff WHERE id = e.cancelled_by) AS cancelledByStaffNo`;

export interface NewHourExtension {
  businessDay: string;
  serviceCode: string | null;
  windowId: number | null;
  until: string;
  reason: string;
  createdAt: string;
  createdBy: number | null;
}

export function insertHourExtension(db: Db, e: NewHourExtension): number {
  const row = prepared(
    db,
    `INSERT INTO hour_extensions (business_day, service_code, window_id, until, reason, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(e.businessDay, e.serviceCode, e.windowId, e.until, e.reason, e.createdAt, e.createdBy) as { id: number };
  return row.id;
}

export function findHourExtension(db: Db, id: number): HourExtensionRow | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM hour_extensions e WHERE e.id = ?`).get(id) as HourExtensionRow | undefined;
}

/** Marks an extension cancelled; false when it was already (or does not exist). */
export function cancelHourExtension(db: Db, id: number, at: string, by: number | null): boolean {
  return (
    prepared(db, 'UPDATE hour_extensions SET cancelled_at = ?, cancelled_by = ? WHERE id = ? AND cancelled_at IS NULL').run(
      at,
      by,
      id,
    ).changes === 1
  );
}

/** A business day's extensions, cancelled ones included, in the order they were made. */
export function hourExtensionsOf(db: Db, businessDay: string): HourExtensionRow[] {
  return prepared(db, `SELECT ${COLUMNS} FROM hour_extensions e WHERE e.business_day = ? ORDER BY e.id`).all(
    businessDay,
  ) as HourExtensionRow[];
}

/** An extension in force for a service: its own, or one of a window that serves it. */
export interface ActiveExtension {
  until: string;
  /** The extended window's number; null for the service's own extension. */
  windowNumber: number | null;
}

/** The day's extensions in force for a service, directly or through the windows serving it. */
export function activeExtensionsFor(db: Db, businessDay: string, serviceCode: string): ActiveExtension[] {
  return prepared(
    db,
    `WITH arg(day, code) AS (VALUES (?, ?))
     SELECT e.until, (SELECT number FROM windows WHERE id = e.window_id) AS windowNumber
       FROM arg CROSS JOIN hour_extensions e
       WHERE e.business_day = arg.day AND e.cancelled_at IS NULL
         AND (e.service_code = arg.code OR e.window_id IN (SELECT window_id FROM window_services WHERE service_code = arg.code))
       ORDER BY e.until DESC, e.id`,
  ).all(businessDay, serviceCode) as ActiveExtension[];
}
