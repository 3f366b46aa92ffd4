import type { WorkCalendar } from '../../contracts/workdays';
import type { HistoricFollowup } from '../../db/repositories/demo-history';
import { localDate } from '../clock/clock';
import { addDays, zonedInstant } from '../queue/schedule';
import { rectificationDue } from '../reviews/review-deadlines';
import type { SeededRandom } from './seeded-random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface FollowupInput {
  evaluationId: string;
  ratedAt: number;
  /** Who served (the handler) and the supervisor who assigns and decides appeals. */
  handlerNo: string;
  supervisorNo: string;
  calendar: WorkCalendar;
  /** Hall settings `reviews.rectifyWorkingDays`: the deadline, in working days after the rating's date. */
  rectifyWorkingDays: number;
  timeZone: string;
  /** Steps at or after this instant have not happened yet: recent 差评 are still open. */
  now: number;
}

const VERIFICATIONS = ['已核实：高峰时段等候时间较长', '已核实：材料清单告知不完整', '已核实：窗口解释不够耐心'] as const;
const RECTIFICATIONS = [
  '高峰时段增开窗口，并向群众致歉',
  '完善一次性告知单，已当面说明',
  '已对窗口人员批评教育并跟踪改进',
] as const;
const CALLBACKS = ['已电话回访，群众表示理解', '已回访，群众对整改结果认可', '已回访，群众仍有意见，已记录'] as const;

/**
 * The follow-up of a 差评 (review_followups, with the dates the host's review service writes) as a
 * hall works it: assigned within hours, verified
 * within a day, rectified by the deadline most of the time (some late), called back and closed; a
 * few appealed, half of those overturned. Steps after `now` are left out, so the newest 差评 are
 * open, assigned or verified, and some older ones are overdue.
 */
export function followupOf(input: FollowupInput, rng: SeededRandom): HistoricFollowup {
  const { ratedAt, timeZone } = input;
  const ratedDate = localDate(new Date(ratedAt), timeZone);
  const due = rectificationDue(ratedDate, input.rectifyWorkingDays, input.calendar);
  const at = (ms: number) => new Date(ms).toISOString();
  const assignedAt = ratedAt + rng.between(1, 5) * HOUR;
  const appealed = rng.chance(0.06);
  const overturned = appealed && rng.chance(0.5);
  const appealAt = assignedAt + rng.between(2, 24) * HOUR;
  const decidedAt = appealAt + rng.between(1, 3) * DAY;
  const verifiedAt = assignedAt + rng.between(4, 30) * HOUR;
  const dueEnd = zonedInstant(due, 17 * 60, timeZone).getTime();
  const onTime = rng.chance(0.86) && dueEnd > verifiedAt + HOUR;
  const rectifiedAt = onTime
    ? verifiedAt + HOUR + rng.next() * (dueEnd - verifiedAt - HOUR)
    : zonedInstant(addDays(due, rng.between(1, 6)), rng.between(9 * 60, 17 * 60), timeZone).getTime();
  const callbackAt = rectifiedAt + rng.between(1, 3) * DAY;
  const callbackRating = rng.weighted(
    [
      ['satisfied', 60],
      ['basically_satisfied', 30],
      ['dissatisfied', 10],
    ] as const,
    'satisfied',
  );

  // Each step in order; the first one still in the future ends the story so far.
  const happened = (ms: number) => ms < input.now;
  const f: HistoricFollowup = {
    evaluationId: input.evaluationId,
    openedAt: at(ratedAt),
    ratedDate,
    dueDate: due,
    handlerStaffNumber: null,
    assignedAt: null,
    assignedBy: null,
    verifiedAt: null,
    verifiedBy: null,
    verification: null,
    rectifiedAt: null,
    rectifiedBy: null,
    rectification: null,
    rectifiedDate: null,
    callbackAt: null,
    callbackBy: null,
    callbackResult: null,
    callbackRating: null,
    appealAt: null,
    appealBy: null,
    appealReason: null,
    appealDecision: null,
    appealDecidedAt: null,
    appealDecidedBy: null,
    closedAt: null,
    closedBy: null,
  };
  if (!happened(assignedAt)) return f;
  Object.assign(f, { handlerStaffNumber: input.handlerNo, assignedAt: at(assignedAt), assignedBy: input.supervisorNo });
  if (appealed && happened(appealAt)) {
    Object.assign(f, {
      appealAt: at(appealAt),
      appealBy: input.handlerNo,
      appealReason: '评价与实际办理情况不符，已提供办理记录',
    });
    if (!happened(decidedAt)) return f;
    Object.assign(f, {
      appealDecision: overturned ? 'overturned' : 'upheld',
      appealDecidedAt: at(decidedAt),
      appealDecidedBy: input.supervisorNo,
    });
    if (overturned) return { ...f, closedAt: at(decidedAt) };
  }
  if (!happened(verifiedAt)) return f;
  Object.assign(f, { verifiedAt: at(verifiedAt), verifiedBy: input.supervisorNo, verification: rng.pick(VERIFICATIONS) });
  if (!happened(rectifiedAt)) return f;
  Object.assign(f, {
    rectifiedAt: at(rectifiedAt),
    rectifiedBy: input.handlerNo,
    rectification: rng.pick(RECTIFICATIONS),
    rectifiedDate: localDate(new Date(rectifiedAt), timeZone),
  });
  if (!happened(callbackAt)) return f;
  return {
    ...f,
    callbackAt: at(callbackAt),
    callbackBy: input.supervisorNo,
    callbackResult: rng.pick(CALLBACKS),
    callbackRating,
    closedAt: at(callbackAt + rng.between(5, 60) * 60_000),
    closedBy: input.supervisorNo,
  };
}
