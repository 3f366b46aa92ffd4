import { z } from 'zod';
import type { CheckInProblem as SpokenCheckInProblem } from '../../../../contracts/kiosk-prompts';
import { ApiClientError } from '../../../api/client';
import { calendarDate, hallDateTime, hallTime } from './hall-time';

/**
 * The message keys under `checkin.errors.*`: one per code the check-in route can answer with (the
 * list the kiosk's spoken prompts share, contracts/kiosk-prompts.ts).
 */
export type CheckInProblemKey = SpokenCheckInProblem;

/** What the kiosk tells the citizen after a refused check-in: what happened, what to do next. */
export interface CheckInProblem {
  key: CheckInProblemKey;
  /** `next` or `nextWhen` under the key. */
  next: 'next' | 'nextWhen';
  /** Interpolation values (times already in hall time, never personal data). */
  values: Record<string, string>;
  /** Whether an ordinary number (普通取号) is a sensible way on: the button back home is offered. */
  offerTicket: boolean;
}

// The details the host attaches (host/appointments/appointment-book.ts, host/queue/queue-service.ts).
const TooEarly = z.object({ opensAt: z.iso.datetime(), slotStart: z.iso.datetime() });
const Expired = z.object({ slotEnd: z.iso.datetime() });
const OtherDay = z.object({ date: z.iso.date() });
const Closed = z.object({ nextOpening: z.iso.datetime().optional() });

const OFFER_TICKET = new Set<CheckInProblemKey>([
  'appointment_unknown_card',
  'appointment_other_day',
  'appointment_expired',
  'appointment_used',
]);

/**
 * Turns a failed POST /appointments/check-in into its message. `by` matters for
 * appointment_unknown: a card without a booking and a mistyped code need different advice.
 */
export function checkInProblem(
  error: unknown,
  by: 'card' | 'code',
  timeZone: string | undefined,
  locale: string,
): CheckInProblem {
  const code = error instanceof ApiClientError ? error.code : 'generic';
  const details = error instanceof ApiClientError ? error.details : undefined;
  const problem = (key: CheckInProblemKey, values: Record<string, string> = {}, next: 'next' | 'nextWhen' = 'next') => ({
    key,
    next,
    values,
    offerTicket: OFFER_TICKET.has(key),
  });

  switch (code) {
    case 'appointment_unknown':
      return problem(by === 'card' ? 'appointment_unknown_card' : 'appointment_unknown_code');
    case 'appointment_too_early': {
      const parsed = TooEarly.safeParse(details);
      // Without the times the advice would be empty: the desk can tell them.
      if (!parsed.success) return problem('generic');
      return problem('appointment_too_early', {
        time: hallTime(parsed.data.opensAt, timeZone, locale),
        slot: hallTime(parsed.data.slotStart, timeZone, locale),
      });
    }
    case 'appointment_expired': {
      const parsed = Expired.safeParse(details);
      return problem('appointment_expired', { time: parsed.success ? hallTime(parsed.data.slotEnd, timeZone, locale) : '—' });
    }
    case 'appointment_other_day': {
      const parsed = OtherDay.safeParse(details);
      return problem('appointment_other_day', { date: parsed.success ? calendarDate(parsed.data.date, locale) : '—' });
    }
    case 'service_closed': {
      const parsed = Closed.safeParse(details);
      const when = parsed.success ? parsed.data.nextOpening : undefined;
      return when === undefined
        ? problem('service_closed')
        : problem('service_closed', { when: hallDateTime(when, timeZone, locale) }, 'nextWhen');
    }
    case 'appointment_not_yours':
    case 'appointment_used':
    case 'duplicate_ticket':
    case 'service_unknown':
    case 'daily_limit_reached':
    case 'no_identity':
    case 'invalid_state':
    case 'invalid_request':
    case 'network':
      return problem(code);
    default:
      return problem('generic');
  }
}
