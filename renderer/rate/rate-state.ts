import { isBadEvaluation, type EvaluationLevel } from '../../contracts/central-api';
import type { RatedService } from '../../contracts/evaluator';
import type { HallEvent } from '../../contracts/events';
import type { WindowReason } from './reasons';

/** A rating the clerk opened for the citizen at this pad's window, with the proof to submit it. */
export interface OpenRating {
  ticketId: number;
  ticketNumber: string;
  windowNumber: number;
  /** POST /evaluations `serviceToken`: only the pads bound to the window receive it. */
  token: string;
  service: RatedService;
}

/** Why a submission did not go through, said on the rating screen (the choice stays). */
export type RateProblem = 'reason_required' | 'not_finished' | 'network' | 'generic';

/**
 * The pad's screen: idle (the window, the hall), a rating open (the citizen picks a level and,
 * for a 差评, why), the thanks after it was recorded, or 已评价 when the host already has one.
 */
export type RateState =
  | { view: 'idle' }
  | {
      view: 'rating';
      rating: OpenRating;
      level: EvaluationLevel | null;
      reasons: readonly WindowReason[];
      comment: string;
      /** The submission is under way: one at a time, and the host's answer is awaited. */
      submitting: boolean;
      problem: RateProblem | null;
    }
  | { view: 'thanks'; rating: OpenRating; level: EvaluationLevel; callbackRequired: boolean }
  | { view: 'already'; rating: OpenRating };

export type RateAction =
  /** The clerk asked (F7, the keypad's 评价 key): a new rating replaces whatever was shown. */
  | { type: 'requested'; rating: OpenRating }
  | { type: 'level'; level: EvaluationLevel }
  | { type: 'reason'; reason: WindowReason }
  | { type: 'comment'; text: string }
  /** The citizen pressed submit: `submitting` when it may go to the host now. */
  | { type: 'submit' }
  | { type: 'submitted'; ticketId: number; callbackRequired: boolean }
  | { type: 'refused'; ticketId: number; code: string }
  /** The host says this ticket was rated (at the kiosk by its QR, or on another pad of the window). */
  | { type: 'ratedElsewhere'; ticketId: number }
  /** Nobody touched the pad for the hall's evaluator timeout: closed, nothing recorded. */
  | { type: 'timedOut' }
  /** The thanks (or 已评价) has been read: back to idle. */
  | { type: 'done' };

export const initialRate: RateState = { view: 'idle' };

/** The rating an event opens at this pad: a request carrying the token and the service, or null. */
export function ratingOf(event: HallEvent): OpenRating | null {
  if (event.type !== 'evaluation.requested' || event.token === undefined || event.service === undefined) return null;
  const { ticketId, ticketNumber, windowNumber, token, service } = event;
  return { ticketId, ticketNumber, windowNumber, token, service };
}

/** Whether the chosen level is a 差评, which must say why (the host refuses it without a reason). */
export function needsReason(level: EvaluationLevel | null): boolean {
  return level !== null && isBadEvaluation(level);
}

export function rateReducer(state: RateState, action: RateAction): RateState {
  switch (action.type) {
    case 'requested':
      return { view: 'rating', rating: action.rating, level: null, reasons: [], comment: '', submitting: false, problem: null };
    case 'timedOut':
    case 'done':
      return state.view === 'idle' ? state : initialRate;
    case 'ratedElsewhere':
      // Our own submission is answered by its reply (its event may come first): not "rated elsewhere".
      return state.view === 'rating' && state.rating.ticketId === action.ticketId && !state.submitting
        ? { view: 'already', rating: state.rating }
        : state;
    case 'submitted':
      if (state.view !== 'rating' || state.rating.ticketId !== action.ticketId || state.level === null) return state;
      return { view: 'thanks', rating: state.rating, level: state.level, callbackRequired: action.callbackRequired };
    case 'refused':
      if (state.view !== 'rating' || state.rating.ticketId !== action.ticketId) return state;
      if (action.code === 'already_evaluated') return { view: 'already', rating: state.rating };
      return { ...state, submitting: false, problem: problemOf(action.code) };
    default:
      return state.view === 'rating' && !state.submitting ? choosing(state, action) : state;
  }
}

type Rating = Extract<RateState, { view: 'rating' }>;
type Choice = Extract<RateAction, { type: 'level' | 'reason' | 'comment' | 'submit' }>;

/** The citizen's choices while the rating is open and nothing is being submitted. */
function choosing(state: Rating, action: Choice): RateState {
  switch (action.type) {
    case 'level':
      // Reasons and words belong to a 差评 only: a better level drops them.
      return needsReason(action.level)
        ? { ...state, level: action.level, problem: null }
        : { ...state, level: action.level, reasons: [], comment: '', problem: null };
    case 'reason': {
      const reasons = state.reasons.includes(action.reason)
        ? state.reasons.filter((r) => r !== action.reason)
        : [...state.reasons, action.reason];
      return { ...state, reasons, problem: null };
    }
    case 'comment':
      return { ...state, comment: action.text };
    case 'submit':
      if (state.level === null) return state;
      // The host's rule (reason_required), said before the round trip.
      if (needsReason(state.level) && state.reasons.length === 0) return { ...state, problem: 'reason_required' };
      return { ...state, submitting: true, problem: null };
  }
}

/** How a refusal reads on the pad (already_evaluated has its own screen). */
function problemOf(code: string): RateProblem {
  if (code === 'reason_required' || code === 'network') return code;
  // The clerk asked before 办结: the host rates only a finished service.
  if (code === 'invalid_state') return 'not_finished';
  return 'generic';
}
