import type { CaseStatus } from '../../contracts/central-api';
import type { TransitionOutcome } from '../services/case-service';
import { ApiError } from './errors';

/** A status change the case service refused: no such case, or not a step its lifecycle allows. */
export type RefusedTransition = Exclude<TransitionOutcome, { kind: 'ok' }>;

/**
 * The one answer to a refused status change, whoever asked (the operator's admin route, the
 * district console): 404 `case_not_found`; 409 `complaint_case` for a 营商诉求's case, with the
 * route its steps take; or 409 `invalid_transition` with the steps allowed.
 */
export function transitionError(refused: RefusedTransition, caseNumber: string, to: CaseStatus): ApiError {
  if (refused.kind === 'not_found') return new ApiError(404, 'case_not_found', `no case ${caseNumber}`);
  if (refused.kind === 'complaint') {
    return new ApiError(409, 'complaint_case', `${caseNumber} is a 营商诉求: it moves through its complaint's actions`, {
      actions: `/v1/complaints/${caseNumber}/actions`,
    });
  }
  return new ApiError(409, 'invalid_transition', `a ${refused.from} case cannot become ${to}`, {
    from: refused.from,
    to,
    allowed: refused.allowed,
  });
}
