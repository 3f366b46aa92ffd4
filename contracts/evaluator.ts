/**
 * The window evaluator (评价器): a tablet or second screen facing the citizen at one window, paired
 * as a terminal of kind `evaluator` and bound to that window's number. It rates the service just
 * received there when the clerk asks (the counter's F7, or the keypad's 评价 key).
 */
import { z } from 'zod';
import { WindowNumber } from './pairing';

/** The pad as the host knows it: what its idle screen shows. */
export const EvaluatorSelf = z.object({
  terminalId: z.uuid(),
  name: z.string(),
  /** The window it is bound to; null until a technician binds it (a pad paired before binding existed). */
  windowNumber: WindowNumber.nullable(),
  /** That window's name, null when the window is not (or no longer) in the hall's settings. */
  windowName: z.string().nullable(),
});
export type EvaluatorSelf = z.infer<typeof EvaluatorSelf>;

/**
 * The service the citizen is asked to rate, as the counter showed it: its name and who served it
 * (staff number 工号 and name; null for a ticket called without a sign-in). Sent with
 * `evaluation.requested` to the evaluators bound to that window only, like the rating token.
 */
export const RatedService = z.object({
  serviceName: z.string(),
  staffNo: z.string().nullable(),
  staffName: z.string().nullable(),
});
export type RatedService = z.infer<typeof RatedService>;
