import type { StatusHistoryEntry } from '../../contracts/central-api';
import type { CaseDeadline } from '../../contracts/cases';
import { addWorkdays, type WorkCalendar } from '../../contracts/workdays';
import { localDate } from '../clock/clock';

export interface DeadlineInput {
  submittedAt: string;
  history: readonly StatusHistoryEntry[];
  /** The catalog item's promise from acceptance (受理) to completion (办结); null: item unknown. */
  promisedWorkingDays: number | null;
  calendar: WorkCalendar;
  timeZone: string;
  now: Date;
}

/** Working days the hall has to answer a submission (受理, 不予受理 or 一次性告知补正). */
export const ACCEPTANCE_WORKING_DAYS = 1;

/**
 * The two promises a citizen can hold the hall to: an answer to the submission within one
 * working day, and completion within the item's promised working days of acceptance. The
 * completion clock starts again at the latest acceptance, because a case sent back for more
 * materials (补正) is accepted anew, and it does not run while the materials are awaited.
 */
export function caseDeadlines(input: DeadlineInput): CaseDeadline[] {
  const { calendar, timeZone } = input;
  const today = localDate(input.now, timeZone);
  const dateOf = (iso: string) => localDate(new Date(iso), timeZone);
  const current = input.history.at(-1)?.status ?? 'submitted';

  const answered = input.history.find((h) => h.status !== 'submitted');
  const acceptanceDue = addWorkdays(dateOf(input.submittedAt), ACCEPTANCE_WORKING_DAYS, calendar);
  const deadlines: CaseDeadline[] = [
    {
      stage: 'accepted',
      due: acceptanceDue,
      metAt: answered?.at ?? null,
      overdue: (answered ? dateOf(answered.at) : today) > acceptanceDue,
    },
  ];
  if (input.promisedWorkingDays === null) return deadlines;

  const lastAcceptance = input.history.findLast((h) => h.status === 'accepted');
  const base = lastAcceptance ? dateOf(lastAcceptance.at) : acceptanceDue;
  const completionDue = addWorkdays(base, input.promisedWorkingDays, calendar);
  const closed = input.history.find((h) => h.status === 'completed' || h.status === 'rejected');
  const waitingForCitizen = current === 'needs_materials';
  deadlines.push({
    stage: 'completed',
    due: completionDue,
    metAt: closed?.at ?? null,
    overdue: closed ? dateOf(closed.at) > completionDue : !waitingForCitizen && today > completionDue,
  });
  return deadlines;
}
