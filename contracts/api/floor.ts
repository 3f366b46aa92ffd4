import { EvaluationIdParams, FloorSnapshot } from '../floor';
import { access, defineOperations, errorReplies } from './operation';

/** Supervisors run the floor; technicians look (a broken printer or a stuck sync is theirs to fix). */
const viewers = access.staff(['supervisor', 'technician']);

/** The manager console's live floor (现场): the hall now, and its alerts. The hall's own business. */
export const floorOperations = defineOperations({
  /** The whole floor in one reply: waiting per service, every window, today's service level, the alerts. */
  managerFloor: {
    method: 'GET',
    path: '/manager/floor',
    tags: ['manager'],
    access: viewers,
    responses: { 200: FloorSnapshot, ...errorReplies(401, 403) },
    secondary: 'hallOnly',
  },
  /** A supervisor has seen a 差评's alert (audited); the floor answers without it. */
  markReviewSeen: {
    method: 'POST',
    path: '/manager/floor/reviews/:evaluationId/seen',
    tags: ['manager'],
    access: access.staff(['supervisor']),
    params: EvaluationIdParams,
    responses: { 200: FloorSnapshot, ...errorReplies(400, 401, 403, 404) },
    secondary: 'hallOnly',
  },
});
