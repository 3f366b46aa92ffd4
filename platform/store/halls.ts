import type { HallHours } from '../../contracts/platform-halls';
import type { HallLevel } from '../../contracts/central-api';
import type { Sql } from '../db/sql';

export interface HallRow {
  hallId: string;
  name: string;
  level: HallLevel;
  address: string;
  hours: HallHours;
  windows: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `hall_id AS "hallId", name, level, address, hours, windows, active, created_at AS "createdAt",
  updated_at AS "updatedAt"`;

/** Registers a hall; `undefined` when one with this id exists (left as it is). */
export async function insertHall(sql: Sql, hall: HallRow): Promise<HallRow | undefined> {
  const [row] = await sql.query<HallRow>(
    `INSERT INTO halls (hall_id, name, level, address, hours, windows, active, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)
     ON CONFLICT (hall_id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      hall.hallId,
      hall.name,
      hall.level,
      hall.address,
      JSON.stringify(hall.hours),
      hall.windows,
      hall.active,
      hall.createdAt.toISOString(),
      hall.updatedAt.toISOString(),
    ],
  );
  return row;
}

/** Writes every field of a registered hall but its id and its creation time. */
export async function updateHall(sql: Sql, hall: HallRow): Promise<HallRow> {
  const [row] = await sql.query<HallRow>(
    `UPDATE halls SET name = $2, level = $3, address = $4, hours = $5::jsonb, windows = $6, active = $7, updated_at = $8
     WHERE hall_id = $1
     RETURNING ${COLUMNS}`,
    [
      hall.hallId,
      hall.name,
      hall.level,
      hall.address,
      JSON.stringify(hall.hours),
      hall.windows,
      hall.active,
      hall.updatedAt.toISOString(),
    ],
  );
  if (row === undefined) throw new Error(`hall ${hall.hallId} vanished during its update`);
  return row;
}

export async function hallById(sql: Sql, hallId: string, forUpdate = false): Promise<HallRow | undefined> {
  const [row] = await sql.query<HallRow>(`SELECT ${COLUMNS} FROM halls WHERE hall_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    hallId,
  ]);
  return row;
}

/** Every hall, district centre first, then by id. */
export function listHalls(sql: Sql): Promise<HallRow[]> {
  return sql.query<HallRow>(`SELECT ${COLUMNS} FROM halls ORDER BY CASE level WHEN 'district-centre' THEN 0 ELSE 1 END, hall_id`);
}

/** Of `hallIds`, the ones no hall is registered under. */
export async function unregisteredHalls(sql: Sql, hallIds: readonly string[]): Promise<string[]> {
  if (hallIds.length === 0) return [];
  const rows = await sql.query<{ hallId: string }>(
    `SELECT id AS "hallId" FROM unnest($1::text[]) AS named(id)
     WHERE NOT EXISTS (SELECT 1 FROM halls WHERE halls.hall_id = named.id) ORDER BY id`,
    [hallIds],
  );
  return rows.map((row) => row.hallId);
}

export async function anyHallRegistered(sql: Sql): Promise<boolean> {
  const rows = await sql.query<{ one: number }>('SELECT 1 AS one FROM halls LIMIT 1');
  return rows.length > 0;
}
