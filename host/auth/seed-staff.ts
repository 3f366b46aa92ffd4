import type { StaffSeed } from '../../contracts/auth';
import type { Db } from '../../db/open';
import { findStaffByNo, insertStaff, updateStaff, type StaffPatch } from '../../db/repositories/staff';
import { audit } from '../audit/audit';
import { systemClock, type Clock } from '../clock/clock';

export interface SeedResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Upserts the config file's staff by staff number. The config owns the fields
 * it names (name, role, PIN hash, steward phone): an unchanged PIN hash is left alone so a
 * restart neither rewrites it nor clears a running lockout; a changed one
 * replaces the stored PIN and clears the lockout. `active` stays as a
 * supervisor set it. Audited as 'staff.seed' by the system; nothing is logged.
 */
export function seedStaff(db: Db, seeds: readonly StaffSeed[], clock: Clock = systemClock): SeedResult {
  const result: SeedResult = { created: 0, updated: 0, unchanged: 0 };
  db.transaction(() => {
    for (const seed of seeds) {
      const existing = findStaffByNo(db, seed.staffNo);
      if (!existing) {
        const row = insertStaff(db, {
          staffNo: seed.staffNo,
          name: seed.name,
          role: seed.role,
          pinHash: seed.pinHash,
          stewardPhone: seed.stewardPhone ?? null,
        });
        audit(db, clock, 'staff.seed', { details: { targetStaffId: row.id, created: true, role: row.role } });
        result.created += 1;
        continue;
      }
      const patch: StaffPatch = {
        ...(existing.name !== seed.name ? { name: seed.name } : {}),
        ...(existing.role !== seed.role ? { role: seed.role } : {}),
        ...(existing.pinHash !== seed.pinHash ? { pinHash: seed.pinHash } : {}),
        ...(existing.stewardPhone !== (seed.stewardPhone ?? null) ? { stewardPhone: seed.stewardPhone ?? null } : {}),
      };
      // Field names only (the PIN shows as 'pinHash'), never values.
      const changed = Object.keys(patch);
      if (changed.length === 0) {
        result.unchanged += 1;
        continue;
      }
      updateStaff(db, existing.id, patch);
      audit(db, clock, 'staff.seed', { details: { targetStaffId: existing.id, changed } });
      result.updated += 1;
    }
  })();
  return result;
}
