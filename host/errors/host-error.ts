import type { ApiErrorCode } from '../../contracts/errors';

const STATUS: Record<ApiErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  // 429: the client must wait (details.lockedUntil says how long) before trying again.
  locked_out: 429,
  staff_exists: 409,
  not_found: 404,
  no_identity: 409,
  service_closed: 409,
  service_unknown: 404,
  window_unknown: 404,
  duplicate_ticket: 409,
  daily_limit_reached: 409,
  queue_empty: 409,
  slot_full: 409,
  window_paused: 409,
  window_busy: 409,
  ticket_unknown: 404,
  invalid_state: 409,
  item_unknown: 404,
  // details.problems lists each refused field ({ key, problem }) for the kiosk to highlight.
  form_invalid: 400,
  case_unknown: 404,
  // A rating below 'basic' must say why (国办发〔2019〕51号: bad ratings are verified and answered).
  reason_required: 400,
  internal: 500,
};

/** A domain failure with a stable code; the API turns it into `{ error: { code, message } }`. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return STATUS[this.code];
  }
}
