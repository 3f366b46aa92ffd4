import { UnitFigures, type AssessmentPeriod } from '../../contracts/complaint-assessment';
import { nextDate, previousDate } from '../../contracts/workdays';
import { DISTRICT_TIME_ZONE, localDateOf } from '../../contracts/working-time';
import type { Sql } from '../db/sql';
import {
  complaintUnitCodes,
  dayFiguresBetween,
  promiseFigures,
  sumUnitFigures,
  type DayUnitFigures,
} from '../store/complaint-statistics';
import { clearSettledDays, insertSettledDays, lockSettledDays, settledDays } from '../store/complaint-statistics-days';

/**
 * Each unit's figures for a period as 查询统计 reads them: the same counts as
 * `unitFiguresForPeriod` (store/complaint-statistics.ts), with the days that can no longer change
 * kept. A day that has passed (Beijing) is settled by the day alone: its steps were taken, its
 * stage runs fell due (met in time, or late whenever they are met), its evaluations given; time
 * only moves forward, so nothing done later changes them. Such a day is counted once, the first
 * time a period containing it is read, and kept (migration 012); a year is then 365 small rows.
 * Today and later are counted from the rows at each read, and so are the promises (办结期限) of
 * the whole period: a promise counts for its complaint's lead unit now, which a later dispatch
 * may change, and stays out when the complaint is later not admitted or merged. The kept days go
 * when the calendar or the deadline rules change (`forgetSettledDays`): the stage runs' due days
 * move with them.
 */
export async function countedUnitFigures(sql: Sql, period: AssessmentPeriod, now: Date): Promise<UnitFigures[]> {
  // The day of the last instant before now: at midnight exactly, the day that just ended has not
  // passed yet (a run due at its end is not late until after it).
  const today = localDateOf(new Date(now.getTime() - 1).toISOString(), DISTRICT_TIME_ZONE);
  const lastSettled = period.to < today ? period.to : previousDate(today);
  const firstLive = period.from > today ? period.from : today;
  const [units, promises, settled, live] = await Promise.all([
    complaintUnitCodes(sql),
    promiseFigures(sql, period, now),
    period.from <= lastSettled ? settledFigures(sql, period.from, lastSettled, now) : Promise.resolve([]),
    period.to >= today
      ? dayFiguresBetween(sql, firstLive, period.to, now).then((days) => [...days.values()])
      : Promise.resolve([]),
  ]);
  return sumUnitFigures(units, [...settled, ...live], promises);
}

/** Empties the kept days, in the transaction of the calendar's or the deadline rules' change. */
export async function forgetSettledDays(tx: Sql): Promise<void> {
  await lockSettledDays(tx, 'empty');
  await clearSettledDays(tx);
}

const KeptDay = UnitFigures.array();

/** The settled days from `from` to `to`: those kept, and the rest counted now and kept. */
async function settledFigures(sql: Sql, from: string, to: string, now: Date): Promise<DayUnitFigures[][]> {
  const kept = new Map((await settledDays(sql, from, to)).map((row) => [row.day, KeptDay.parse(row.figures)]));
  const missing: string[] = [];
  for (let day = from; day <= to; day = nextDate(day)) if (!kept.has(day)) missing.push(day);
  const first = missing[0];
  const last = missing.at(-1);
  if (first !== undefined && last !== undefined) {
    const counted = await sql.transaction(async (tx) => {
      // Shared with other counts, never with an edit that empties the days (it waits for this).
      await lockSettledDays(tx, 'count');
      const days = await dayFiguresBetween(tx, first, last, now);
      const rows = missing.map((day) => ({ day, figures: days.get(day) ?? [] }));
      await insertSettledDays(tx, rows, now);
      return rows;
    });
    for (const row of counted) kept.set(row.day, row.figures);
  }
  return [...kept.values()];
}
