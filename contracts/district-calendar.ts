import { z } from 'zod';
import { nextDate, type WorkCalendar } from './workdays';

/**
 * The district's working calendar, as the platform seeds it: the days off of China's public
 * holidays and the weekend days worked in their place (调休), as the State Council's General
 * Office publishes them each year (usually in November for the next year). The platform's
 * deadlines (营商诉求: accept within 1 working day, reply within N) count on it, and the
 * 营商局 edits it when a new notice comes out, so the seed only has to be right, not complete.
 *
 * - 2026: the whole notice (国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025).
 * - 2027: no notice was at hand when this was written. Only what is certain without it is here:
 *   the statutory holidays of 全国年节及纪念日放假办法 (2024 revision, art. 2) that fall on a
 *   weekday, since those are days off whatever the 调休. Left out: the weekdays given in return
 *   for statutory days on a weekend (劳动节 1–2 May is a Saturday and Sunday), the bridging days
 *   and every 调休 working weekend, all of which only the notice sets; and 除夕 (5 or 6 February):
 *   the new moon of 春节 2027 falls within minutes of Beijing midnight, and ICU's Chinese calendar
 *   (正月初一 on 7 February) disagrees with the printed almanacs (6 February), so only 8 February,
 *   a day of the holiday under either reckoning, is certain. Add the notice's days when published.
 */

export const PublicHoliday = z.enum(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
export type PublicHoliday = z.infer<typeof PublicHoliday>;

/** One day of the district calendar: a day off (`holiday`) or a weekend day worked (`workday`, 调休). */
export const CalendarDay = z.object({
  date: z.iso.date(),
  kind: z.enum(['holiday', 'workday']),
  holiday: PublicHoliday,
  /** Where the day comes from: the notice or the statute, so an editor can check it. */
  source: z.string().trim().min(1).max(200),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** A calendar names each date once: a day cannot be both off and worked. */
export const DistrictCalendar = z.array(CalendarDay).superRefine((days, ctx) => {
  const seen = new Set<string>();
  days.forEach((day, index) => {
    if (seen.has(day.date)) ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `${day.date} is listed twice` });
    seen.add(day.date);
  });
});
export type DistrictCalendar = z.infer<typeof DistrictCalendar>;

/** The working-day rule's view of a calendar (contracts/workdays.ts). */
export function workCalendarOf(days: readonly CalendarDay[]): WorkCalendar {
  return {
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    extraWorkdays: days.filter((d) => d.kind === 'workday').map((d) => d.date),
  };
}

const NOTICE_2026 = '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）';
const STATUTE_2027 = '全国年节及纪念日放假办法（2024年修订）第二条：逢工作日的法定假日；2027年调休待国务院办公厅通知';

interface Arrangement {
  holiday: PublicHoliday;
  /** The days off, first and last (weekends inside the span included, as the notice counts them). */
  off: readonly [string, string];
  /** The weekend days worked in their place. */
  worked?: readonly string[];
  source: string;
}

const ARRANGEMENTS: readonly Arrangement[] = [
  { holiday: '元旦', off: ['2026-01-01', '2026-01-03'], worked: ['2026-01-04'], source: NOTICE_2026 },
  { holiday: '春节', off: ['2026-02-15', '2026-02-23'], worked: ['2026-02-14', '2026-02-28'], source: NOTICE_2026 },
  { holiday: '清明节', off: ['2026-04-04', '2026-04-06'], source: NOTICE_2026 },
  { holiday: '劳动节', off: ['2026-05-01', '2026-05-05'], worked: ['2026-05-09'], source: NOTICE_2026 },
  { holiday: '端午节', off: ['2026-06-19', '2026-06-21'], source: NOTICE_2026 },
  { holiday: '中秋节', off: ['2026-09-25', '2026-09-27'], source: NOTICE_2026 },
  { holiday: '国庆节', off: ['2026-10-01', '2026-10-07'], worked: ['2026-09-20', '2026-10-10'], source: NOTICE_2026 },
  { holiday: '元旦', off: ['2027-01-01', '2027-01-01'], source: STATUTE_2027 },
  { holiday: '春节', off: ['2027-02-08', '2027-02-08'], source: STATUTE_2027 },
  { holiday: '清明节', off: ['2027-04-05', '2027-04-05'], source: STATUTE_2027 },
  { holiday: '端午节', off: ['2027-06-09', '2027-06-09'], source: STATUTE_2027 },
  { holiday: '中秋节', off: ['2027-09-15', '2027-09-15'], source: STATUTE_2027 },
  { holiday: '国庆节', off: ['2027-10-01', '2027-10-01'], source: STATUTE_2027 },
];

function daysOf(arrangement: Arrangement): CalendarDay[] {
  const { holiday, source } = arrangement;
  const days: CalendarDay[] = [];
  for (let date = arrangement.off[0]; date <= arrangement.off[1]; date = nextDate(date)) {
    days.push({ date, kind: 'holiday', holiday, source });
  }
  for (const date of arrangement.worked ?? []) days.push({ date, kind: 'workday', holiday, source });
  return days;
}

/** The seed, in date order: what a new district starts with before its 营商局 edits the calendar. */
export const DISTRICT_CALENDAR_SEED: DistrictCalendar = DistrictCalendar.parse(
  ARRANGEMENTS.flatMap(daysOf).sort((a, b) => a.date.localeCompare(b.date)),
);
