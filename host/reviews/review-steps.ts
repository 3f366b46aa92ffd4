import { ReviewStep, type ReviewOutOfOrder, type ReviewPrerequisite, type ReviewStatus } from '../../contracts/reviews';
import type { FollowupRow } from '../../db/repositories/review-followups';
import { HostError } from '../errors/host-error';

/** What the order of the loop looks at: a follow-up's step columns. */
export type FollowupState = Pick<
  FollowupRow,
  'handlerStaffNumber' | 'verifiedAt' | 'rectifiedAt' | 'callbackAt' | 'appealAt' | 'appealDecision' | 'closedAt'
>;

/** Definitions: contracts/reviews.ts `ReviewStatus` and migration 020's comment. */
export function statusOf(f: FollowupState): ReviewStatus {
  if (f.appealDecision === 'overturned') return 'overturned';
  if (f.closedAt !== null) return 'closed';
  if (f.appealAt !== null && f.appealDecision === null) return 'appealed';
  return 'open';
}

const STEP_NAMES: Record<ReviewStep, string> = {
  assign: '指派承办人',
  verify: '核实',
  rectify: '整改反馈',
  callback: '回访',
  appeal: '申诉',
  decide: '复核',
  close: '办结',
};

const NEEDS_NAMES: Record<ReviewPrerequisite, string> = {
  assigned: '先指派承办人',
  verified: '先完成核实',
  rectified: '先完成整改反馈',
  called_back: '先完成回访',
  appeal_decided: '申诉尚待复核',
  appealed: '没有待复核的申诉',
};

function outOfOrder(step: ReviewStep, needs: ReviewPrerequisite): HostError {
  const details: ReviewOutOfOrder = { step, needs };
  return new HostError('review_out_of_order', `不能${STEP_NAMES[step]}：${NEEDS_NAMES[needs]}`, details);
}

function done(step: ReviewStep): HostError {
  return new HostError('review_step_done', `已${STEP_NAMES[step]}，不能重复`, { step });
}

/** What `step` lacks, or which step of the loop already happened; undefined when `step` may run now. */
function missing(f: FollowupState, step: ReviewStep): HostError | undefined {
  switch (step) {
    // A handler may change until the rectification is in: after it, who did it is on record.
    case 'assign':
      return f.rectifiedAt !== null ? new HostError('review_step_done', '已整改反馈，不能再更换承办人', { step }) : undefined;
    case 'verify':
      if (f.verifiedAt !== null) return done(step);
      return f.handlerStaffNumber === null ? outOfOrder(step, 'assigned') : undefined;
    case 'rectify':
      if (f.rectifiedAt !== null) return done(step);
      return f.verifiedAt === null ? outOfOrder(step, 'verified') : undefined;
    case 'callback':
      if (f.callbackAt !== null) return done(step);
      return f.rectifiedAt === null ? outOfOrder(step, 'rectified') : undefined;
    // The verification is what shows a 差评 mistaken; one appeal per 差评.
    case 'appeal':
      if (f.appealAt !== null) return done(step);
      return f.verifiedAt === null ? outOfOrder(step, 'verified') : undefined;
    case 'decide':
      if (f.appealDecision !== null) return done(step);
      return f.appealAt === null ? outOfOrder(step, 'appealed') : undefined;
    // The outcome that leaves for the central API carries the appeal's decision: none may be pending.
    case 'close':
      if (f.appealAt !== null && f.appealDecision === null) return outOfOrder(step, 'appeal_decided');
      return f.callbackAt === null ? outOfOrder(step, 'called_back') : undefined;
  }
}

/** Why `step` is refused now (a typed 409), or undefined when the loop admits it. */
export function stepRefusal(f: FollowupState, step: ReviewStep): HostError | undefined {
  const status = statusOf(f);
  if (status === 'overturned') return new HostError('review_overturned', '该差评经复核已撤销，不再整改');
  if (status === 'closed') return new HostError('review_closed', '该差评已办结');
  return missing(f, step);
}

/** The steps the loop admits now, in the loop's order (one form each in the console). */
export function nextSteps(f: FollowupState): ReviewStep[] {
  return ReviewStep.options.filter((step) => stepRefusal(f, step) === undefined);
}
