import type { StaffSeed } from '../../contracts/auth';
import type { Db } from '../../db/open';
import {
  deleteSessionsOfStaff,
  findStaffByNo,
  insertStaff,
  releaseStaffWindows,
  updateStaff,
  type StaffPatch,
} from '../../db/repositories/staff';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import type { PinPepper } from './pin-pepper';

export interface SeedResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Upserts the config file's staff by staff number. The config owns the fields
 * it names (name, role, PIN hash, steward phone). Its PIN hashes are plain scrypt
 * (scripts/staff.mjs has no install secret); they are stored sealed with the install's
 * pepper, and compared sealed: an unchanged PIN hash is left alone so a restart does not
 * rewrite it; a changed one replaces the stored PIN and ends the account's sessions.
 * `active` stays as a supervisor set it. The config file is the machine's own: it may name
 * any role, the way back in for a hall whose supervisors are all gone. Audited as
 * 'staff.seed' by the system; nothing is logged.
 */
export function seedStaff(db: Db, seeds: readonly StaffSeed[], clock: Clock, pepper: PinPepper): SeedResult {
  const result: SeedResult = { created: 0, updated: 0, unchanged: 0 };
  db.transaction(() => {
    for (const seed of seeds) {
      const existing = findStaffByNo(db, seed.staffNo);
      if (!existing) {
        const row = insertStaff(db, {
          staffNo: seed.staffNo,
          name: seed.name,
          role: seed.role,
          pinHash: pepper.seal(seed.pinHash),
          stewardPhone: seed.stewardPhone ?? null,
        });
        audit(db, clock, 'staff.seed', { details: { targetStaffId: row.id, created: true, role: row.role } });
        result.created += 1;
        continue;
      }
      const patch: StaffPatch = {
        ...(existing.name !== seed.name ? { name: seed.name } : {}),
        ...(existing.role !== seed.role ? { role: seed.role } : {}),
        ...(existing.pinHash !== pepper.seal(seed.pinHash) ? { pinHash: pepper.seal(seed.pinHash) } : {}),
        ...(existing.stewardPhone !== (seed.stewardPhone ?? null) ? { stewardPhone: seed.stewardPhone ?? null } : {}),
      };
      // Field names only (the PIN shows as 'pinHash'), never values.
      const changed = Object.keys(patch);
      if (changed.length === 0) {
        result.unchanged += 1;
        continue;
      }
      updateStaff(db, existing.id, patch);
      // A new PIN from the config: whoever held the old one is signed out.
      if (patch.pinHash !== undefined) {
        deleteSessionsOfStaff(db, existing.id);
        releaseStaffWindows(db, existing.id);
      }
      audit(db, clock, 'staff.seed', { details: { targetStaffId: existing.id, changed } });
      result.updated += 1;
    }
  })();
  return result;
}
