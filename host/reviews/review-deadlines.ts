import { addWorkdays, isWorkday, type WorkCalendar } from '../calendar/workdays';

/**
 * The deadline of a 差评's rectification (整改反馈): `workingDays` working days of the hall
 * calendar after the rating's hall-local date (the day itself not counted; a rating on a
 * Saturday counts from Monday, a 调休 Saturday counts as a working day). Fixed when the 差评
 * arrives: a later change of the calendar or of the setting moves no promise already made.
 */
export function rectificationDue(ratedDate: string, workingDays: number, calendar: WorkCalendar): string {
  return addWorkdays(ratedDate, workingDays, calendar);
}

/** Working days in (after, upTo]: how many working days lie after `after`, up to and including `upTo`. */
export function workingDaysBetween(after: string, upTo: string, calendar: WorkCalendar): number {
  let count = 0;
  for (let day = nextDate(after); day <= upTo; day = nextDate(day)) if (isWorkday(day, calendar)) count += 1;
  return count;
}

/** "剩 N 个工作日": the working days from today to the due date (0 on the due date itself). */
export function workingDaysLeft(today: string, dueDate: string, calendar: WorkCalendar): number {
  return workingDaysBetween(today, dueDate, calendar);
}

/**
 * "已超期 N 个工作日": the working days past the due date up to today. At least 1 once overdue:
 * a follow-up due on Friday is late on Saturday, though no working day has passed yet.
 */
export function workingDaysOverdue(today: string, dueDate: string, calendar: WorkCalendar): number {
  return Math.max(1, workingDaysBetween(dueDate, today, calendar));
}

/** The calendar day after a YYYY-MM-DD date (UTC noon arithmetic, as workdays.ts does). */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
