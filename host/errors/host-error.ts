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
  // Appointment check-in. details: too_early { opensAt, slotStart }, expired { slotEnd },
  // other_day { date }. not_yours: a QR code presented with someone else's card on the reader.
  appointment_unknown: 404,
  appointment_other_day: 409,
  appointment_too_early: 409,
  appointment_expired: 409,
  appointment_not_yours: 403,
  // Checked in before and that ticket is closed (served, no-show): the slot is used.
  appointment_used: 409,
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
  // 好差评: one rating per ticket or case.
  already_evaluated: 409,
  // 好差评 without proof of the service: no ticket key (or a wrong one), a case not the card's.
  evaluation_refused: 403,
  // The hall has no steward service configured (config `stewardService`).
  steward_unavailable: 404,
  // The steward's work list has no request of that id (a ticket of another service, a case that asked for none).
  steward_request_unknown: 404,
  notice_unknown: 404,
  // Central notices are withdrawn by the central API, never at the hall.
  notice_not_local: 409,
  // A pairing code that is unknown, used or past its ten minutes.
  pairing_invalid: 401,
  // The LAN API is on and this client presented no live terminal token.
  terminal_unpaired: 401,
  // The terminal's token ran out (unused 30 days, or 90 days old): a technician pairs it again.
  terminal_expired: 401,
  // A paired terminal (or this machine's page) calling an operation its kind is not declared for
  // (contracts/api access): a hall TV filing a case, a counter PC reading the card on the reader.
  terminal_forbidden: 403,
  // A secondary kiosk (hallUrl set): the hall host did not answer, or refused this terminal's
  // token (revoked, or never paired); and a queue action this terminal leaves to the hall.
  hall_unreachable: 503,
  hall_unpaired: 503,
  // Pairing over https: the hall's reply named another CA than the connection presented (a man in the middle?).
  hall_untrusted: 502,
  served_by_hall: 409,
  // The host cannot render speech (espeak-ng missing or failing): the display uses its own voice or stays silent.
  voice_unavailable: 503,
  // Hall settings (or an imported configuration) that do not hold together, or would break today's
  // queue: details.issues lists each one with its field path (contracts/hall-settings.ts).
  settings_invalid: 400,
  // The database refused a write (disk full, read-only, I/O error); the failed write was rolled
  // back whole. details.state says which (contracts/health.ts StorageState); GET /health shows it too.
  storage_unavailable: 503,
  // The citizen's card belongs to another kiosk page on this host (host/identity/kiosk-seat.ts):
  // this one may not read, act for or end the citizen's visit.
  kiosk_seat_taken: 403,
  // The update feed (terminal settings updates.url) decides what program this machine installs:
  // it changes only at the machine itself, in the Electron shell's own window.
  update_feed_local_only: 403,
  // Too many lookups of printed links (or wrong tags) from one client address: it waits a minute.
  rate_limited: 429,
  // 差评整改回访 (host/reviews): no 差评 with this evaluation id; an assigned handler who is no
  // active staff member; a step before what it needs (details { step, needs }: contracts/reviews.ts),
  // a step done already (details.step), a follow-up closed or overturned, an appeal reviewed by
  // the supervisor who filed it.
  review_unknown: 404,
  review_handler_unknown: 404,
  review_out_of_order: 409,
  review_step_done: 409,
  review_closed: 409,
  review_overturned: 409,
  review_own_appeal: 409,
  // Backups (docs/backup.md): no folder set, or it is missing or not writable (details.reason);
  // a backup or restore already under way; a backup that may not be restored (details.refusals:
  // corrupt, unreadable, newer, other-hall); a restore over a current database that cannot be read,
  // not acknowledged; the backup folder (where the whole database goes) changed away from the machine.
  backup_unavailable: 503,
  backup_busy: 409,
  backup_refused: 409,
  restore_unacknowledged: 409,
  backup_folder_local_only: 403,
  // A report's range that ends before it starts or spans more than a year (contracts/reports.ts):
  // details.reason (`from_after_to`, `too_long`) and details.maxDays.
  report_range_invalid: 400,
  // A body over its operation's size limit (a captured page over 1 MiB): refused before it is read.
  body_too_large: 413,
  // A body of another media type than its operation takes (a raw JPEG route sent JSON or text).
  unsupported_media_type: 415,
  // Material pages (contracts/cases.ts): bytes that are no JPEG; a case naming a page id the host
  // does not hold (never uploaded, or deleted with its session); a page another card's session
  // uploaded; a session holding the most pages it may.
  page_not_jpeg: 400,
  page_unknown: 400,
  page_not_yours: 409,
  too_many_pages: 409,
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
