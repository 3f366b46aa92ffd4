import { HALL_CATALOG } from '../../contracts/hall-catalog';
import type { HistoricCase } from '../../db/repositories/demo-history';
import { computeCheckDigit, maskIdNumber, maskName } from '../../hardware/idcard';
import { zonedInstant } from '../queue/schedule';
import type { SeededRandom } from './seeded-random';

const DAY = 86_400_000;
/** As the host's purge: a delivered case keeps its personal data this long (host/cases). */
const RETENTION_DAYS = 30;

/** Invented people: common surnames and given names, combined at random, belonging to nobody. */
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡'] as const;
const GIVEN = ['建华', '秀英', '志强', '丽娟', '海涛', '文静', '国庆', '晓燕', '春梅', '子轩', '雨桐', '浩然'] as const;

/** A random UUID-shaped id from the seeded source (cases' ids are UUIDs). */
export function demoUuid(rng: SeededRandom): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rng.int(4)] ?? '8'}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An invented ID number with a valid check digit (so every parser reads it), of nobody. */
function inventedIdNumber(rng: SeededRandom): string {
  const birth = `${rng.between(1950, 2002)}${String(rng.between(1, 12)).padStart(2, '0')}${String(rng.between(1, 28)).padStart(2, '0')}`;
  const first17 = `110105${birth}${String(rng.between(0, 999)).padStart(3, '0')}`;
  return `${first17}${computeCheckDigit(first17) ?? '0'}`;
}

/**
 * A few cases filed at the kiosk on a day (0–4), delivered to the central API within minutes and
 * worked through accepted → in progress → completed. Cases delivered more than the retention ago
 * are stored as the purge leaves them (no personal data); newer ones carry an invented applicant.
 */
export function demoCases(
  input: { date: string; hallId: string; timeZone: string; now: number; firstNumber: number },
  rng: SeededRandom,
): HistoricCase[] {
  const count = rng.weighted(
    [
      [0, 1],
      [1, 3],
      [2, 3],
      [3, 2],
      [4, 1],
    ] as const,
    1,
  );
  const cases: HistoricCase[] = [];
  for (let i = 0; i < count; i++) {
    const item = HALL_CATALOG[rng.int(HALL_CATALOG.length)] ?? HALL_CATALOG[0];
    if (!item) break;
    const submitted = zonedInstant(input.date, rng.between(9 * 60, 16 * 60 + 30), input.timeZone).getTime() + rng.int(60_000);
    const delivered = submitted + rng.between(5, 300) * 1000;
    const history = [{ status: 'submitted', at: new Date(submitted).toISOString() }];
    const steps = [
      ['accepted', submitted + rng.between(1, 4) * 3_600_000],
      ['in_progress', submitted + rng.between(1, 2) * DAY],
      ['completed', submitted + Math.max(1, item.promisedWorkingDays) * DAY * 1.3],
    ] as const;
    let status: HistoricCase['status'] = 'accepted';
    for (const [next, at] of steps) {
      if (at >= input.now) break;
      history.push({ status: next, at: new Date(at).toISOString() });
      status = next;
    }
    const purged = delivered < input.now - RETENTION_DAYS * DAY;
    const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
    const idNumber = inventedIdNumber(rng);
    cases.push({
      id: demoUuid(rng),
      itemCode: item.code,
      itemName: item.name,
      applicant: purged ? null : { name, idNumber, maskedName: maskName(name), maskedIdNumber: maskIdNumber(idNumber), form: {} },
      materials: item.materials.map((m) => ({ code: m.code, name: m.name, received: m.required || rng.chance(0.5) })),
      submittedAt: new Date(submitted).toISOString(),
      caseNumber: `HK${input.date.replaceAll('-', '')}${String(input.firstNumber + i).padStart(6, '0')}`,
      deliveredAt: new Date(delivered).toISOString(),
      status,
      statusHistory: history,
      updatedAt: history[history.length - 1]?.at ?? new Date(submitted).toISOString(),
      purgedAt: purged ? new Date(delivered + RETENTION_DAYS * DAY).toISOString() : null,
    });
  }
  return cases;
}
