import { z } from 'zod';
import type { Db } from '../../db/open';
import { readSetting, writeSetting } from '../../db/repositories/settings';

/**
 * Which hall a database belongs to, written into it at every start (settings key `hall-identity`),
 * so a backup says itself whose it is: a restore refuses another hall's backup, whatever its file
 * name says.
 */
export const HALL_IDENTITY_KEY = 'hall-identity';
export const HallIdentity = z.object({ hallId: z.string() });

export function recordHallIdentity(db: Db, hallId: string, now: Date): void {
  const stored = HallIdentity.safeParse(readSetting(db, HALL_IDENTITY_KEY));
  if (!stored.success || stored.data.hallId !== hallId) writeSetting(db, HALL_IDENTITY_KEY, { hallId }, now.toISOString());
}
