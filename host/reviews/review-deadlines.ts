import { addWorkdays, workingDaysBetween, type WorkCalendar } from '../../contracts/workdays';

/**
 * The deadline of a 差评's rectification (整改反馈): `workingDays` working days of the hall
 * calendar after the rating's hall-local date (the day itself not counted; a rating on a
 * Saturday counts from Monday, a 调休 Saturday counts as a working day). Fixed when the 差评
 * arrives: a later change of the calendar or of the setting moves no promise already made.
 */
export function rectificationDue(ratedDate: string, workingDays: number, calendar: WorkCalendar): string {
  return addWorkdays(ratedDate, workingDays, calendar);
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
