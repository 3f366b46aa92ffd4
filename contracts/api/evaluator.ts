import { EvaluatorSelf } from '../evaluator';
import { BindTerminalWindowRequest, Terminal, TerminalIdParams } from '../pairing';
import { access, defineOperations, errorReplies } from './operation';

/**
 * The window evaluator (评价器): the pad reads what it is bound to; a technician binds it to a
 * window. It rates with POST /evaluations (caseOperations.submitEvaluation, open to `evaluator`).
 */
export const evaluatorOperations = defineOperations({
  /**
   * The pad's own binding, for its idle screen: only an evaluator asks, and learns only itself.
   * A pad pairs with the hall host, whose queue asks for the ratings (a secondary kiosk's link to
   * its hall carries no token).
   */
  evaluatorSelf: {
    method: 'GET',
    path: '/evaluator/self',
    tags: ['evaluator'],
    access: { from: ['evaluator'] },
    responses: { 200: EvaluatorSelf, ...errorReplies(404) },
  },
  /** A technician moves a rating pad to another window (audited); only an evaluator has a window. */
  bindTerminalWindow: {
    method: 'PUT',
    path: '/pairing/terminals/:terminalId/window',
    tags: ['pairing', 'evaluator'],
    access: access.staff(['technician']),
    params: TerminalIdParams,
    body: BindTerminalWindowRequest,
    responses: { 200: Terminal, ...errorReplies(400, 401, 403, 404, 409) },
  },
});
