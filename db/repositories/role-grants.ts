import type { StaffRole } from '../../contracts/auth';
import type { Db } from '../open';
import { prepared } from '../statement-cache';

/** A grant of supervisor or technician waiting for a second supervisor (table `role_grants`). */
export interface RoleGrantRow {
  id: number;
  targetStaffId: number;
  targetStaffNo: string;
  role: Exclude<StaffRole, 'staff'>;
  /** Confirming also enables the account (it was created, or re-enabled, for this role). */
  activates: boolean;
  requestedBy: number;
  requestedAt: string;
}

export interface NewRoleGrant {
  targetStaffId: number;
  role: Exclude<StaffRole, 'staff'>;
  activates: boolean;
  requestedBy: number;
  requestedAt: string;
}

const COLUMNS = `g.id, g.target_staff_id AS targetStaffId, s.staff_no AS targetStaffNo, g.role, g.activates,
  g.requested_by AS requestedBy, g.requested_at AS requestedAt`;

type RawGrant = Omit<RoleGrantRow, 'activates'> & { activates: number };
const toGrant = (raw: RawGrant): RoleGrantRow => ({ ...raw, activates: raw.activates === 1 });

/** Opens a grant, replacing an open one for the same account (the newer request is the one meant). */
export function insertRoleGrant(db: Db, grant: NewRoleGrant): RoleGrantRow {
  prepared(db, `UPDATE role_grants SET outcome = 'refused', decided_at = ? WHERE target_staff_id = ? AND outcome IS NULL`).run(
    grant.requestedAt,
    grant.targetStaffId,
  );
  const { id } = prepared(
    db,
    `INSERT INTO role_grants (target_staff_id, role, activates, requested_by, requested_at)
     VALUES (?, ?, ?, ?, ?) RETURNING id`,
  ).get(grant.targetStaffId, grant.role, grant.activates ? 1 : 0, grant.requestedBy, grant.requestedAt) as { id: number };
  const row = openRoleGrant(db, id);
  if (!row) throw new Error(`role grant ${id} vanished inside its transaction`);
  return row;
}

export function openRoleGrant(db: Db, id: number): RoleGrantRow | undefined {
  const raw = prepared(
    db,
    `SELECT ${COLUMNS} FROM role_grants g JOIN staff s ON s.id = g.target_staff_id WHERE g.id = ? AND g.outcome IS NULL`,
  ).get(id) as RawGrant | undefined;
  return raw && toGrant(raw);
}

export function openRoleGrants(db: Db): RoleGrantRow[] {
  return (
    prepared(
      db,
      `SELECT ${COLUMNS} FROM role_grants g JOIN staff s ON s.id = g.target_staff_id WHERE g.outcome IS NULL ORDER BY g.id`,
    ).all() as RawGrant[]
  ).map(toGrant);
}

/** Closes an open grant; false when it was no longer open (decided by someone else meanwhile). */
export function decideRoleGrant(db: Db, id: number, outcome: 'confirmed' | 'refused', by: number, at: string): boolean {
  return (
    prepared(db, 'UPDATE role_grants SET outcome = ?, decided_by = ?, decided_at = ? WHERE id = ? AND outcome IS NULL').run(
      outcome,
      by,
      at,
      id,
    ).changes === 1
  );
}
