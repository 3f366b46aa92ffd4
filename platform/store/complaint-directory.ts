import type { BureauRole, Person, Unit, UnitDuty, UnitKind } from '../../contracts/complaints';
import type { Sql } from '../db/sql';

/**
 * The complaint directory (migration 006): units, with the 营商局 among them (`is_bureau`), and
 * their people. The rule "bureau roles only for the bureau's people" is the table's own (a person
 * row carries its unit's `is_bureau` through a composite reference): a statement breaking it
 * fails with a check violation, which the service tells as a 400.
 */

export interface UnitRow extends Unit {
  isBureau: boolean;
}

const UNIT_COLUMNS = `code, name, kind, active, is_bureau AS "isBureau"`;
const PERSON_COLUMNS = `id, name, unit_code AS "unitCode", duty, bureau_roles AS "bureauRoles", email, phone, active`;

export function allUnits(sql: Sql): Promise<UnitRow[]> {
  return sql.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM complaint_units ORDER BY kind, code`);
}

export async function unitByCode(sql: Sql, code: string): Promise<UnitRow | undefined> {
  const [row] = await sql.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM complaint_units WHERE code = $1`, [code]);
  return row;
}

/** Inserts a unit; false when the code is taken. A second bureau fails on its unique index. */
export async function insertUnit(
  sql: Sql,
  unit: { code: string; name: string; kind: UnitKind; isBureau: boolean },
  at: Date,
): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO complaint_units (code, name, kind, active, is_bureau, created_at) VALUES ($1, $2, $3, true, $4, $5)
     ON CONFLICT (code) DO NOTHING RETURNING code`,
    [unit.code, unit.name, unit.kind, unit.isBureau, at.toISOString()],
  );
  return rows.length > 0;
}

export async function updateUnit(
  sql: Sql,
  code: string,
  change: { name?: string | undefined; active?: boolean | undefined },
): Promise<UnitRow | undefined> {
  const [row] = await sql.query<UnitRow>(
    `UPDATE complaint_units SET name = coalesce($2, name), active = coalesce($3, active) WHERE code = $1
     RETURNING ${UNIT_COLUMNS}`,
    [code, change.name ?? null, change.active ?? null],
  );
  return row;
}

export function allPeople(sql: Sql): Promise<Person[]> {
  return sql.query<Person>(`SELECT ${PERSON_COLUMNS} FROM complaint_people ORDER BY unit_code, name, id`);
}

export async function personById(sql: Sql, id: string): Promise<Person | undefined> {
  const [row] = await sql.query<Person>(`SELECT ${PERSON_COLUMNS} FROM complaint_people WHERE id = $1`, [id]);
  return row;
}

/** The active people of a unit with a duty (the notifier's recipients). */
export function peopleOf(sql: Sql, unitCode: string, duty: UnitDuty): Promise<Person[]> {
  return sql.query<Person>(
    `SELECT ${PERSON_COLUMNS} FROM complaint_people WHERE unit_code = $1 AND duty = $2 AND active ORDER BY name, id`,
    [unitCode, duty],
  );
}

/** The active holders of a 营商局 role. */
export function bureauPeople(sql: Sql, role: BureauRole): Promise<Person[]> {
  return sql.query<Person>(
    `SELECT ${PERSON_COLUMNS} FROM complaint_people WHERE unit_is_bureau AND active AND $1 = ANY(bureau_roles) ORDER BY name, id`,
    [role],
  );
}

/** Inserts a person into a unit; the unit's `is_bureau` is copied in the same statement. */
export async function insertPerson(sql: Sql, person: Person, at: Date): Promise<Person | undefined> {
  const [row] = await sql.query<Person>(
    `INSERT INTO complaint_people (id, name, unit_code, unit_is_bureau, duty, bureau_roles, email, phone, active, created_at)
     SELECT $1, $2, u.code, u.is_bureau, $4, $5::text[], $6, $7, $8, $9 FROM complaint_units u WHERE u.code = $3
     RETURNING ${PERSON_COLUMNS}`,
    [
      person.id,
      person.name,
      person.unitCode,
      person.duty,
      person.bureauRoles,
      person.email,
      person.phone,
      person.active,
      at.toISOString(),
    ],
  );
  return row;
}

/** Rewrites a person whole (the service merged the change); the unit's `is_bureau` follows a move. */
export async function updatePerson(sql: Sql, person: Person): Promise<Person | undefined> {
  const [row] = await sql.query<Person>(
    `UPDATE complaint_people p SET name = $2, unit_code = u.code, unit_is_bureau = u.is_bureau, duty = $4,
       bureau_roles = $5::text[], email = $6, phone = $7, active = $8
     FROM complaint_units u WHERE p.id = $1 AND u.code = $3
     RETURNING ${PERSON_COLUMNS.split(', ')
       .map((column) => `p.${column}`)
       .join(', ')}`,
    [person.id, person.name, person.unitCode, person.duty, person.bureauRoles, person.email, person.phone, person.active],
  );
  return row;
}

/** Links a console account to a person (`district_staff.person_id`). */
export async function linkStaffToPerson(sql: Sql, username: string, personId: string): Promise<void> {
  await sql.query('UPDATE district_staff SET person_id = $2 WHERE username = $1', [username, personId]);
}
