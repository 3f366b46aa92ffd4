import { ApiClientError } from '../../../api/client';

/**
 * What the host can answer the progress calls with: case_unknown (no such case here),
 * invalid_request (not a case number), no_identity (/cases/mine without a card), network.
 */
const KNOWN = ['case_unknown', 'invalid_request', 'no_identity', 'network'] as const;
export type ProgressErrorCode = (typeof KNOWN)[number] | 'generic';

export function progressErrorCode(error: unknown): ProgressErrorCode {
  const code = error instanceof ApiClientError ? error.code : 'generic';
  return (KNOWN as readonly string[]).includes(code) ? (code as ProgressErrorCode) : 'generic';
}
