import type { Db } from '../open';
import { prepared } from '../statement-cache';

export interface ServiceRow {
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  suspended: boolean;
  numberStart: number;
  numberEnd: number;
  dailyLimit: number;
  slotMinutes: number | null;
  slotLimit: number | null;
  targetWaitMin: number;
  materials: string;
  hoursJson: string | null;
}

export interface ServiceSeedRow {
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  numberStart: number;
  numberEnd: number;
  dailyLimit: number;
  slotMinutes?: number | undefined;
  slotLimit?: number | undefined;
  targetWaitMin: number;
  materials: string;
  hours?: unknown;
}

/** Brings the service table in line with the configured seeds (insert or update; suspension is kept; a retired one returns). */
export function upsertServices(db: Db, seeds: readonly ServiceSeedRow[]): void {
  const upsert = prepared(
    db,
    `INSERT INTO services (code, name, name_en, prefix, sort_order, number_start, number_end, daily_limit,
                           slot_minutes, slot_limit, target_wait_min, materials, hours_json)
     VALUES (@code, @name, @nameEn, @prefix, @sortOrder, @numberStart, @numberEnd, @dailyLimit,
             @slotMinutes, @slotLimit, @targetWaitMin, @materials, @hoursJson)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, prefix = excluded.prefix,
       sort_order = excluded.sort_order, number_start = excluded.number_start, number_end = excluded.number_end,
       daily_limit = excluded.daily_limit, slot_minutes = excluded.slot_minutes, slot_limit = excluded.slot_limit,
       target_wait_min = excluded.target_wait_min, materials = excluded.materials, hours_json = excluded.hours_json,
       retired = 0`,
  );
  db.transaction(() =>
    seeds.forEach((s, i) =>
      upsert.run({
        code: s.code,
        name: s.name,
        nameEn: s.nameEn,
        prefix: s.prefix,
        sortOrder: i,
        numberStart: s.numberStart,
        numberEnd: s.numberEnd,
        dailyLimit: s.dailyLimit,
        slotMinutes: s.slotMinutes ?? null,
        slotLimit: s.slotLimit ?? null,
        targetWaitMin: s.targetWaitMin,
        materials: s.materials,
        hoursJson: s.hours === undefined ? null : JSON.stringify(s.hours),
      }),
    ),
  )();
}

const SELECT_SERVICE = `SELECT code, name, name_en AS nameEn, prefix, suspended, number_start AS numberStart,
  number_end AS numberEnd, daily_limit AS dailyLimit, slot_minutes AS slotMinutes, slot_limit AS slotLimit,
  target_wait_min AS targetWaitMin, materials, hours_json AS hoursJson FROM services`;

type RawService = Omit<ServiceRow, 'suspended'> & { suspended: number };
const toRow = (r: RawService): ServiceRow => ({ ...r, suspended: r.suspended === 1 });

/** The hall's services (retired ones, kept only for their tickets' history, are left out). */
export function listServices(db: Db): ServiceRow[] {
  return (prepared(db, `${SELECT_SERVICE} WHERE retired = 0 ORDER BY sort_order, code`).all() as RawService[]).map(toRow);
}

/** A service of the hall; undefined for an unknown or retired code. */
export function findService(db: Db, code: string): ServiceRow | undefined {
  const row = prepared(db, `${SELECT_SERVICE} WHERE code = ? AND retired = 0`).get(code) as RawService | undefined;
  return row && toRow(row);
}

export function setServiceSuspended(db: Db, code: string, suspended: boolean): boolean {
  return prepared(db, 'UPDATE services SET suspended = ? WHERE code = ?').run(suspended ? 1 : 0, code).changes === 1;
}

/**
 * Waiting tickets of every service of the hall (zero included), in the hall's order: one read of
 * the counts the tickets table's triggers keep in the day's counter rows (migration 013).
 */
export function waitingByService(db: Db, businessDay: string): { serviceCode: string; waiting: number }[] {
  return prepared(
    db,
    `WITH arg(day) AS (VALUES (?))
     SELECT s.code AS serviceCode, coalesce(c.waiting, 0) AS waiting FROM arg CROSS JOIN services s
       LEFT JOIN ticket_counters c ON c.business_day = arg.day AND c.service_code = s.code
       WHERE s.retired = 0 ORDER BY s.sort_order, s.code`,
  ).all(businessDay) as { serviceCode: string; waiting: number }[];
}

/** Numbers issued so far today per service (the counter, so cancelled tickets still count). */
export function issuedCount(db: Db, businessDay: string, serviceCode: string): number {
  const row = prepared(db, 'SELECT last_seq AS n FROM ticket_counters WHERE business_day = ? AND service_code = ?').get(
    businessDay,
    serviceCode,
  ) as { n: number } | undefined;
  return row?.n ?? 0;
}

// --- retiring (hall settings, host/settings) ---------------------------------------

export interface ServiceKeyRow {
  code: string;
  prefix: string;
  retired: boolean;
}

/** Every service row, retired ones included, with the letter it holds. */
export function serviceKeys(db: Db): ServiceKeyRow[] {
  return (
    prepared(db, 'SELECT code, prefix, retired FROM services ORDER BY code').all() as (Omit<ServiceKeyRow, 'retired'> & {
      retired: number;
    })[]
  ).map((r) => ({ ...r, retired: r.retired === 1 }));
}

/**
 * Takes a service out of the hall: deleted when no ticket ever named it, else retired (its
 * tickets keep their name and statistics). Its windows stop serving it either way.
 */
export function removeService(db: Db, code: string): 'deleted' | 'retired' {
  const used = prepared(
    db,
    `SELECT EXISTS (SELECT 1 FROM tickets WHERE issued_service = @code OR service_code = @code)
         OR EXISTS (SELECT 1 FROM ticket_counters WHERE service_code = @code) AS used`,
  ).get({ code }) as { used: number };
  prepared(db, 'DELETE FROM window_services WHERE service_code = ?').run(code);
  if (used.used === 0) {
    prepared(db, 'DELETE FROM services WHERE code = ?').run(code);
    return 'deleted';
  }
  prepared(db, 'UPDATE services SET retired = 1 WHERE code = ?').run(code);
  return 'retired';
}

/** Sets the prefix letter a service row holds (the column is UNIQUE: callers free the letter first). */
export function setServicePrefix(db: Db, code: string, prefix: string): void {
  prepared(db, 'UPDATE services SET prefix = ? WHERE code = ?').run(prefix, code);
}

/** Tickets of a service still open (waiting, called or held) on a business day. */
export function openTicketCount(db: Db, businessDay: string, code: string): number {
  const row = prepared(
    db,
    `SELECT count(*) AS n FROM tickets WHERE business_day = ? AND service_code = ? AND status IN ('waiting', 'called', 'held')`,
  ).get(businessDay, code) as { n: number };
  return row.n;
}

/** The other service (if any) whose numbers issued on a business day start with `prefix`. */
export function prefixIssuedBy(db: Db, businessDay: string, prefix: string, exceptCode: string): string | undefined {
  const row = prepared(
    db,
    `SELECT issued_service AS code FROM tickets
       WHERE business_day = ? AND substr(number, 1, 1) = ? AND issued_service <> ? LIMIT 1`,
  ).get(businessDay, prefix, exceptCode) as { code: string } | undefined;
  return row?.code;
}
