import type { Db } from '../../db/open';
import { findStaffByNo, insertStaff, listStaff } from '../../db/repositories/staff';
import type { DemoClerk, DemoWindow } from './hall-day';
import { SeededRandom } from './seeded-random';

/** Invented clerks (names of nobody in particular), two per window and two who cover. */
const CLERK_NAMES = [
  '王立新',
  '李婷',
  '张伟明',
  '刘洋',
  '陈静怡',
  '杨帆',
  '赵磊',
  '黄晓丽',
  '周建国',
  '吴敏',
  '徐海燕',
  '孙浩',
  '马丽',
  '朱军',
] as const;

/**
 * A stored hash no PIN matches: the demo's clerks exist for the history only. A supervisor who
 * wants to sign in as one resets the PIN on the console like for anyone.
 */
const NO_PIN = 'demo-history:no-pin';

/** The first staff number of the generated clerks (31xx, clear of the 1001/9001 of the examples). */
const FIRST_NUMBER = 3101;

export interface DemoRoster {
  /** Who works at a window on a date: mostly its first clerk, some days its second, now and then a cover. */
  clerkAt(date: string, windowNumber: number): DemoClerk;
  /** A supervisor's staff number: who assigns 差评 and decides appeals. */
  supervisorNo: string;
}

/**
 * The clerks of the generated history: two per window and two covers, added as staff accounts
 * (or taken as they are when their staff number exists), each with a steady `quality` so windows
 * and people differ in their ratings.
 */
export function demoRoster(db: Db, windows: readonly DemoWindow[], seed: string): DemoRoster {
  const needed = windows.length * 2 + 2;
  const clerks: DemoClerk[] = [];
  for (let i = 0; i < needed; i++) {
    const staffNo = String(FIRST_NUMBER + i);
    const existing = findStaffByNo(db, staffNo);
    const row =
      existing ??
      insertStaff(db, {
        staffNo,
        name: CLERK_NAMES[i % CLERK_NAMES.length] ?? `窗口人员 ${i + 1}`,
        role: 'staff',
        pinHash: NO_PIN,
      });
    const quality = new SeededRandom(`${seed}:clerk:${staffNo}`).next() * 1.6 - 0.8;
    clerks.push({ id: row.id, staffNo: row.staffNo, quality });
  }
  const covers = clerks.slice(windows.length * 2);
  const supervisor = listStaff(db).find((s) => s.role === 'supervisor');
  return {
    supervisorNo: supervisor?.staffNo ?? '9001',
    clerkAt(date, windowNumber) {
      const index = Math.max(
        0,
        windows.findIndex((w) => w.number === windowNumber),
      );
      const rng = new SeededRandom(`${seed}:rota:${date}:${windowNumber}`);
      const roll = rng.next();
      const fallback = clerks[0] ?? { id: 0, staffNo: '', quality: 0 };
      if (roll < 0.05 && covers.length > 0) return covers[rng.int(covers.length)] ?? fallback;
      return clerks[index * 2 + (roll < 0.78 ? 0 : 1)] ?? fallback;
    },
  };
}
