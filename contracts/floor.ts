/**
 * The manager's live floor (现场, GET /api/v1/manager/floor): the hall as it is now, in one reply,
 * for supervisors (technicians look). Queue facts only: a window serves a ticket number, never a
 * person; staff are named by their number and the name the hall gave their account.
 *
 * Durations are in whole seconds at `at` (the host's clock), so a page whose own clock is off
 * still shows the right ones; times are instants, shown in the hall's time zone (`timeZone`).
 * Wait and service level follow contracts/stats.ts: wait = first call − issue, service level = %
 * of called tickets whose wait ≤ the target of the service they were issued for.
 */
import { z } from 'zod';
import { EvaluationLevel } from './central-api';
import { HallAlertThresholds } from './hall-settings';
import { DeviceState } from './health';
import { BreakerState } from './sync';

const Count = z.number().int().nonnegative();
const Seconds = z.number().int().nonnegative();
const Instant = z.iso.datetime();
/** Percent with one decimal; null when nothing was called yet. */
const LevelPct = z.number().min(0).max(100).nullable();

export const FloorService = z.object({
  code: z.string(),
  name: z.string(),
  /** Tickets waiting in this service's line now (transferred ones included). */
  waiting: Count,
  /** The longest wait now: of the tickets waiting for their first call, the one issued first. Null when none. */
  longestWaitSeconds: Seconds.nullable(),
  /** That ticket's number. */
  longestWaitTicket: z.string().nullable(),
  targetWaitMin: z.number().int().positive(),
  /** Tickets of the service called today (the service level's denominator). */
  called: Count,
  serviceLevelPct: LevelPct,
});
export type FloorService = z.infer<typeof FloorService>;

export const FloorWindowStatus = z.enum([
  /** Someone is signed in and the window calls. */
  'open',
  /** 暂停: the window calls nobody, whether or not someone is signed in. */
  'paused',
  /** Nobody signed in. */
  'closed',
]);
export type FloorWindowStatus = z.infer<typeof FloorWindowStatus>;

export const FloorWindow = z.object({
  id: z.number().int().positive(),
  number: z.number().int().positive(),
  name: z.string(),
  /** Service codes in the order the window serves them. */
  services: z.array(z.string()),
  status: FloorWindowStatus,
  /** When the pause began; null unless paused. */
  pausedAt: Instant.nullable(),
  pausedSeconds: Seconds.nullable(),
  /** The staff member signed in there: staff number and account name. */
  staff: z.object({ staffNo: z.string(), name: z.string() }).nullable(),
  /** The ticket at the window now (called, being served): its number only. */
  serving: z.object({ ticketNumber: z.string(), serviceCode: z.string(), calledAt: Instant, servingSeconds: Seconds }).nullable(),
  /** Tickets set aside (挂起) at the window. */
  held: Count,
  /** Tickets the window finished today (with any outcome). */
  servedToday: Count,
});
export type FloorWindow = z.infer<typeof FloorWindow>;

export const FloorAlertSeverity = z.enum(['warning', 'critical']);
export type FloorAlertSeverity = z.infer<typeof FloorAlertSeverity>;

/**
 * Every alert has a stable `key` (the same condition keeps its key from one reply to the next),
 * a severity, and `since`: when the condition began (the pause, the ticket's issue, the printer's
 * state, the oldest record owed, the rating). The page writes its sentence from the facts.
 */
const alertBase = { key: z.string(), severity: FloorAlertSeverity, since: Instant };

export const FloorAlert = z.discriminatedUnion('kind', [
  /** A window with someone signed in has been paused longer than `alerts.windowPausedMinutes`. */
  z.object({
    ...alertBase,
    kind: z.literal('window_paused'),
    windowNumber: z.number().int().positive(),
    windowName: z.string(),
    pausedSeconds: Seconds,
    thresholdMinutes: z.number().int().positive(),
  }),
  /** Tickets of a service still waiting for their first call past the service's target wait. */
  z.object({
    ...alertBase,
    kind: z.literal('wait_over_target'),
    serviceCode: z.string(),
    serviceName: z.string(),
    tickets: z.number().int().positive(),
    /** The one waiting longest. */
    oldestTicket: z.string(),
    longestWaitSeconds: Seconds,
    targetWaitMin: z.number().int().positive(),
  }),
  /** This host's ticket printer (the kiosk's) is low on paper, out of it, or cannot print. */
  z.object({
    ...alertBase,
    kind: z.literal('printer'),
    deviceId: z.string(),
    state: DeviceState,
  }),
  /**
   * The central sync is stuck: the oldest record owed to the central API is older than
   * `alerts.syncStuckMinutes`, or the circuit breaker is open (the central API stopped answering).
   */
  z.object({
    ...alertBase,
    kind: z.literal('sync_stuck'),
    pending: Count,
    oldestPendingSeconds: Seconds.nullable(),
    breaker: BreakerState,
    thresholdMinutes: z.number().int().positive(),
  }),
  /**
   * A 差评 today (a rating that needs a callback) nobody has seen yet: no supervisor marked it seen
   * and its follow-up has no handler. What was rated, never who rated nor what they wrote.
   */
  z.object({
    ...alertBase,
    kind: z.literal('bad_review'),
    evaluationId: z.string(),
    level: EvaluationLevel,
    ticketNumber: z.string().nullable(),
    windowNumber: z.string().nullable(),
    staffNumber: z.string().nullable(),
    caseNumber: z.string().nullable(),
  }),
]);
export type FloorAlert = z.infer<typeof FloorAlert>;
export type FloorAlertKind = FloorAlert['kind'];

export const FloorSnapshot = z.object({
  /** The host's clock when the floor was read. */
  at: Instant,
  businessDay: z.iso.date(),
  timeZone: z.string(),
  hall: z.object({
    waiting: Count,
    longestWaitSeconds: Seconds.nullable(),
    called: Count,
    /** Finished today, with any outcome. */
    served: Count,
    serviceLevelPct: LevelPct,
  }),
  /** Every service, in display order. */
  services: z.array(FloorService),
  /** Every window of the hall, by number. */
  windows: z.array(FloorWindow),
  /** Critical first, then the oldest first. */
  alerts: z.array(FloorAlert),
  /** The thresholds in force (hall settings `alerts`). */
  thresholds: HallAlertThresholds,
});
export type FloorSnapshot = z.infer<typeof FloorSnapshot>;

export const EvaluationIdParams = z.object({ evaluationId: z.string().min(1).max(64) });
