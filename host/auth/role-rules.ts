import { ConfirmedRole, type StaffRole } from '../../contracts/auth';

/**
 * Who may give which role (issue 18: no role grants a role above its own). Staff < supervisor;
 * technician is a line of its own, as privileged as a supervisor for these rules:
 *
 * - a clerk's account (`staff`) is made or changed by a supervisor or a technician directly;
 * - supervisor and technician are never granted by one person: a supervisor asks and a second
 *   supervisor confirms; a technician may ask for a technician (its own level, confirmed by a
 *   supervisor) but never for a supervisor, which is above its line;
 * - nobody resets the PIN, changes the role or re-enables the account of someone of their own
 *   rank or above: a privileged account's PIN is changed by its owner or, forgotten, through the
 *   config file at the machine (scripts/staff.mjs hash-pin).
 */
export type GrantPath = 'direct' | 'confirmed' | 'refused';

export function isConfirmedRole(role: StaffRole): role is ConfirmedRole {
  return ConfirmedRole.safeParse(role).success;
}

/** How `actor` may give `role` to an account: alone, with a second supervisor, or not at all. */
export function grantPath(actor: StaffRole, role: StaffRole): GrantPath {
  if (actor === 'staff') return 'refused';
  if (role === 'staff') return 'direct';
  if (actor === 'supervisor') return 'confirmed';
  return role === 'technician' ? 'confirmed' : 'refused';
}

/** Whether `actor` may reset the PIN of, change the role of, or re-enable an account of `target`'s role. */
export function mayManage(actor: StaffRole, target: StaffRole): boolean {
  return actor !== 'staff' && target === 'staff';
}
