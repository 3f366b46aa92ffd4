import type { ReviewFollowup, ReviewSubject } from '../../contracts/reviews';
import type { WorkCalendar } from '../../contracts/workdays';
import type { FollowupRow } from '../../db/repositories/review-followups';
import { maskText } from '../log/mask-text';
import { workingDaysLeft, workingDaysOverdue } from './review-deadlines';
import { nextSteps, statusOf } from './review-steps';

/** What a follow-up is judged against: today's hall-local date and the hall calendar. */
export interface ReviewDay {
  today: string;
  calendar: WorkCalendar;
}

function subjectOf(row: FollowupRow): ReviewSubject {
  if (row.subjectKind === 'case') return { kind: 'case', caseNumber: row.caseNumber ?? '' };
  return {
    kind: 'ticket',
    ticketId: row.ticketId,
    ticketNumber: row.ticketNumber ?? '',
    windowNumber: row.windowNumber ?? '',
    staffNumber: row.staffNumber ?? '',
  };
}

/** A text the citizen typed (reason, comment): an ID or mobile number in it is masked on the screen. */
const masked = (text: string | null): string | null => (text === null ? null : maskText(text));

/** One 差评 with its follow-up, as the console shows it (contracts/reviews.ts `ReviewFollowup`). */
export function followupView(row: FollowupRow, day: ReviewDay): ReviewFollowup {
  const status = statusOf(row);
  const running = status === 'open' || status === 'appealed';
  const overdue = running && row.rectifiedAt === null && row.dueDate < day.today;
  const waiting = running && row.rectifiedAt === null;
  return {
    evaluationId: row.evaluationId,
    level: row.level,
    reason: masked(row.reason),
    comment: masked(row.comment),
    ratedAt: row.evaluatedAt,
    ratedDate: row.ratedDate,
    subject: subjectOf(row),
    openedAt: row.openedAt,
    dueDate: row.dueDate,
    status,
    overdue,
    workingDaysLeft: waiting && !overdue ? workingDaysLeft(day.today, row.dueDate, day.calendar) : null,
    workingDaysOverdue: overdue ? workingDaysOverdue(day.today, row.dueDate, day.calendar) : null,
    handler:
      row.handlerStaffNumber === null || row.assignedAt === null
        ? null
        : { staffNumber: row.handlerStaffNumber, at: row.assignedAt, by: row.assignedBy ?? '' },
    verification: row.verifiedAt === null ? null : { text: row.verification ?? '', at: row.verifiedAt, by: row.verifiedBy ?? '' },
    rectification:
      row.rectifiedAt === null
        ? null
        : {
            text: row.rectification ?? '',
            at: row.rectifiedAt,
            by: row.rectifiedBy ?? '',
            onTime: row.rectifiedDate !== null && row.rectifiedDate <= row.dueDate,
          },
    callback:
      row.callbackAt === null || row.callbackRating === null
        ? null
        : { result: row.callbackResult ?? '', rating: row.callbackRating, at: row.callbackAt, by: row.callbackBy ?? '' },
    appeal:
      row.appealAt === null
        ? null
        : {
            reason: row.appealReason ?? '',
            at: row.appealAt,
            by: row.appealBy ?? '',
            decision: row.appealDecision,
            decidedAt: row.appealDecidedAt,
            decidedBy: row.appealDecidedBy,
          },
    closed: row.closedAt === null ? null : { at: row.closedAt, by: row.closedBy },
    next: nextSteps(row),
  };
}
