import { ApiClientError } from '../../../api/client';

/**
 * What is being rated: a ticket served at a window (with the key from its QR code, the proof of
 * holding the paper the host asks for), or a case (by its number; the host checks it is the card's).
 */
export type Subject =
  | { kind: 'ticket'; ticketId: number; ticketKey: string; ticketNumber: string; serviceName: string; windowNumber: number }
  | { kind: 'case'; caseNumber: string; itemName: string };

/**
 * Codes the kiosk names: the host's answers to the look-ups and to POST /evaluations
 * (reason_required, ticket_unknown, invalid_state, invalid_request, case_unknown,
 * evaluation_refused, no_identity), the network, and the kiosk's own findings (not_served: the
 * ticket was not finished yet; bad_case_format).
 */
const KNOWN = [
  'reason_required',
  'already_evaluated',
  'ticket_unknown',
  'invalid_state',
  'invalid_request',
  'case_unknown',
  'evaluation_refused',
  'no_identity',
  'network',
  'not_served',
  'bad_case_format',
] as const;
export type EvaluateProblem = (typeof KNOWN)[number] | 'generic';

export function problemOf(error: unknown): EvaluateProblem {
  const code = error instanceof ApiClientError ? error.code : 'generic';
  return (KNOWN as readonly string[]).includes(code) ? (code as EvaluateProblem) : 'generic';
}

/** Letters come off the latin keyboard in lower case; scanners and fingers add spaces. */
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
