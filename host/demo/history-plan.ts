import type { OpeningPeriod, WeeklyHours } from '../../contracts/config';
import { isWorkday, type WorkCalendar } from '../../contracts/workdays';
import { addDays } from '../queue/schedule';
import type { DayPlan } from './hall-day';
import type { SeededRandom } from './seeded-random';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** More on Mondays (the weekend's backlog), fewer on Fridays. */
const WEEKDAY_FACTOR = [1, 1.22, 1.05, 1, 0.93, 0.85, 1] as const;
/** The year's rhythm: quiet around the Spring Festival and in summer, busy in March and December. */
const MONTH_FACTOR = [1.05, 0.8, 1.12, 1.05, 1, 1, 0.93, 0.92, 1.02, 0.95, 1.03, 1.08] as const;
/** A weekend morning (错时服务) brings a fifth of a working day's citizens. */
const WEEKEND_SHARE = 0.2;

export interface HistoryPlanInput {
  /** Today's business day: the history ends the day before. */
  today: string;
  workdays: number;
  ticketsPerWorkday: number;
  hours: WeeklyHours;
  calendar: WorkCalendar;
}

const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/**
 * The days to fill, oldest first: going back from yesterday until `workdays` working days of the
 * hall's calendar are found (holidays closed, 调休 weekends working with weekday hours), plus the
 * weekend days the hall opens (its `sat`/`sun` hours) in between. Each day's volume follows the
 * weekday and the month, with a little noise; a working day averages `ticketsPerWorkday`.
 */
export function historyPlan(input: HistoryPlanInput, rng: SeededRandom): DayPlan[] {
  const days: DayPlan[] = [];
  let workdaysFound = 0;
  // A calendar with every day a holiday must not loop for ever.
  for (let back = 1; workdaysFound < input.workdays && back <= input.workdays * 3; back++) {
    const date = addDays(input.today, -back);
    const weekday = weekdayOf(date);
    const month = Number(date.slice(5, 7)) - 1;
    const noise = Math.max(0.6, 1 + 0.08 * rng.normal());
    const working = isWorkday(date, input.calendar);
    const weekendDay = weekday === 0 || weekday === 6;
    let periods: readonly OpeningPeriod[];
    let volume: number;
    if (working) {
      workdaysFound++;
      // A 调休 Saturday works like a weekday, with Monday's hours.
      periods = input.hours[WEEKDAYS[weekendDay ? 1 : weekday] ?? 'mon'];
      volume = input.ticketsPerWorkday * (WEEKDAY_FACTOR[weekday] ?? 1) * (MONTH_FACTOR[month] ?? 1) * noise;
    } else if (weekendDay && !input.calendar.holidays.includes(date)) {
      periods = input.hours[WEEKDAYS[weekday] ?? 'sat'];
      volume = input.ticketsPerWorkday * WEEKEND_SHARE * noise;
    } else continue;
    if (periods.length > 0) days.push({ date, periods, volume: Math.round(volume) });
  }
  return days.reverse();
}
