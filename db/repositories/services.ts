import type { Db } from '../open';

export interface ServiceRow {
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  open: boolean;
  dailyLimit: number;
  waiting: number;
}

export interface ServiceSeedRow {
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  dailyLimit: number;
}

/** Brings the service table in line with the configured seeds (insert or update, keep history). */
export function upsertServices(db: Db, seeds: readonly ServiceSeedRow[]): void {
  const upsert = db.prepare(
    `INSERT INTO services (code, name, name_en, prefix, sort_order, daily_limit)
     VALUES (@code, @name, @nameEn, @prefix, @sortOrder, @dailyLimit)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en,
       prefix = excluded.prefix, sort_order = excluded.sort_order, daily_limit = excluded.daily_limit`,
  );
  db.transaction(() => seeds.forEach((s, i) => upsert.run({ ...s, sortOrder: i })))();
}

interface RawServiceRow {
  code: string;
  name: string;
  name_en: string;
  prefix: string;
  open: number;
  daily_limit: number;
  waiting: number;
}

const toRow = (r: RawServiceRow): ServiceRow => ({
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  prefix: r.prefix,
  open: r.open === 1,
  dailyLimit: r.daily_limit,
  waiting: r.waiting,
});

/** All services in display order with the number of tickets waiting today. */
export function listServices(db: Db, businessDay: string): ServiceRow[] {
  const rows = db
    .prepare(
      `SELECT s.*, (SELECT count(*) FROM tickets t
                    WHERE t.service_code = s.code AND t.business_day = ? AND t.status = 'waiting') AS waiting
       FROM services s ORDER BY s.sort_order, s.code`,
    )
    .all(businessDay) as RawServiceRow[];
  return rows.map(toRow);
}

export function findService(db: Db, code: string, businessDay: string): ServiceRow | undefined {
  return listServices(db, businessDay).find((s) => s.code === code);
}
