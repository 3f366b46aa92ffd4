import { z } from 'zod';

/** Stable error codes of the host API; clients switch on these, never on messages. */
export const ApiErrorCode = z.enum([
  'invalid_request',
  'not_found',
  'unauthorized',
  'forbidden',
  'locked_out',
  'staff_exists',
  'no_identity',
  'service_closed',
  'service_unknown',
  'window_unknown',
  'duplicate_ticket',
  'daily_limit_reached',
  'queue_empty',
  'slot_full',
  'appointment_unknown',
  'appointment_other_day',
  'appointment_too_early',
  'appointment_expired',
  'appointment_not_yours',
  'appointment_used',
  'window_paused',
  'window_busy',
  'ticket_unknown',
  'invalid_state',
  'item_unknown',
  'form_invalid',
  'case_unknown',
  'reason_required',
  'already_evaluated',
  'evaluation_refused',
  'steward_unavailable',
  'steward_request_unknown',
  'notice_unknown',
  'notice_not_local',
  'pairing_invalid',
  'terminal_unpaired',
  'terminal_expired',
  'terminal_forbidden',
  'hall_unreachable',
  'hall_unpaired',
  'hall_untrusted',
  'served_by_hall',
  'voice_unavailable',
  'settings_invalid',
  'storage_unavailable',
  'kiosk_seat_taken',
  'update_feed_local_only',
  'rate_limited',
  'review_unknown',
  'review_handler_unknown',
  'review_out_of_order',
  'review_step_done',
  'review_closed',
  'review_overturned',
  'review_own_appeal',
  'backup_unavailable',
  'backup_busy',
  'backup_refused',
  'restore_unacknowledged',
  'backup_folder_local_only',
  'report_range_invalid',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** `{ error: { code, message, details? } }`: the error body of every API we speak, host or central. */
export function errorEnvelope<C extends z.ZodType>(code: C) {
  return z.object({
    error: z.object({
      code,
      message: z.string(),
      details: z.unknown().optional(),
    }),
  });
}

export const ApiError = errorEnvelope(ApiErrorCode);
export type ApiError = z.infer<typeof ApiError>;
