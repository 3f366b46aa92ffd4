import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/open';
import { insertStaff, listStaff } from '../../db/repositories/staff';
import type { Clock } from '../clock/clock';
import { audit } from '../audit/audit';
import type { PinPepper } from './pin-pepper';

/**
 * A hall with no staff accounts cannot sign anyone in to create them. On that
 * first boot we create supervisor 9001 with a random PIN and write the PIN to a
 * file only root/the kiosk user can read (never to the log), instead of shipping
 * a default PIN that every installation would share.
 */
export async function ensureFirstSupervisor(
  db: Db,
  clock: Clock,
  dataDir: string,
  pepper: PinPepper,
): Promise<{ staffNo: string; pinFile: string } | null> {
  if (listStaff(db).length > 0) return null;
  const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const staffNo = '9001';
  const { id } = insertStaff(db, { staffNo, name: '首任管理员', role: 'supervisor', pinHash: await pepper.hash(pin) });
  const pinFile = join(dataDir, 'first-supervisor-pin.txt');
  writeFileSync(
    pinFile,
    `staff number ${staffNo}\nPIN ${pin}\nSign in at /counter, create real accounts, then change this PIN and delete this file.\n`,
    {
      mode: 0o600,
    },
  );
  audit(db, clock, 'staff.bootstrap', { details: { targetStaffId: id } });
  return { staffNo, pinFile };
}
