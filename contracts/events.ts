import { z } from 'zod';
import { BackupState } from './backups';
import { HallLinkState } from './hall-link';
import { DeviceState, StorageState } from './health';
import { RatedService } from './evaluator';
import { Call, Ticket, TicketNumber } from './queue';
import { ReviewStep } from './reviews';

/**
 * Events on `/api/v1/events` (WebSocket). Every message carries a `seq` that
 * grows by one per event, so a client that reconnects sends `?since=<seq>` and
 * receives what it missed (or a `resync` when the gap is no longer buffered).
 */
const base = { seq: z.number().int().positive(), at: z.iso.datetime() };

export const HallEvent = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('ticket.issued'), ticket: Ticket }),
  z.object({ ...base, type: z.literal('ticket.called'), call: Call }),
  z.object({ ...base, type: z.literal('ticket.recalled'), call: Call }),
  z.object({ ...base, type: z.literal('ticket.skipped'), ticket: Ticket, requeued: z.boolean() }),
  z.object({ ...base, type: z.literal('ticket.held'), ticket: Ticket }),
  z.object({ ...base, type: z.literal('ticket.resumed'), call: Call }),
  z.object({
    ...base,
    type: z.literal('ticket.transferred'),
    ticket: Ticket,
    toService: z.string().nullable(),
    toWindowNumber: z.number().int().positive().nullable(),
  }),
  z.object({ ...base, type: z.literal('ticket.finished'), ticket: Ticket }),
  /**
   * The citizen of `ticketId` is asked for a rating. `token`: the proof of that service for
   * POST /evaluations (`serviceToken`), and `service`: what the pad shows of it; both only on the
   * live stream of a window evaluator bound to `windowNumber`. Every other stream, and any replay,
   * gets the event without them (host/api/routes-events.ts).
   */
  z.object({
    ...base,
    type: z.literal('evaluation.requested'),
    ticketId: z.number().int().positive(),
    /** Public like every call on the hall screen: the counter says whose rating it waits for. */
    ticketNumber: TicketNumber,
    windowNumber: z.number().int().positive(),
    token: z.string().min(1).max(64).optional(),
    service: RatedService.optional(),
  }),
  /**
   * A served ticket was rated (at the window's evaluator or the kiosk): the counter of that window
   * shows that the citizen rated. Not how: a clerk does not learn a citizen's rating at the window.
   */
  z.object({
    ...base,
    type: z.literal('evaluation.submitted'),
    ticketId: z.number().int().positive(),
    ticketNumber: TicketNumber,
    windowNumber: z.number().int().positive(),
  }),
  z.object({ ...base, type: z.literal('window.paused'), windowNumber: z.number().int().positive(), paused: z.boolean() }),
  z.object({
    ...base,
    type: z.literal('queue.counts'),
    counts: z.array(z.object({ serviceCode: z.string(), waiting: z.number().int().nonnegative() })),
  }),
  z.object({ ...base, type: z.literal('identity.read'), sessionId: z.string() }),
  /** cardOnReader: the visit ended with the card still lying there (the kiosk asks to take it). */
  z.object({ ...base, type: z.literal('identity.ended'), sessionId: z.string(), cardOnReader: z.boolean() }),
  /** The card was taken off the reader (or the reader went away): the "take your card" reminder ends. */
  z.object({ ...base, type: z.literal('identity.card-removed') }),
  z.object({ ...base, type: z.literal('device.status'), deviceId: z.string(), state: DeviceState }),
  /** A code read by a scanner of this host (appointment QR, case number); opaque, never an ID number. */
  z.object({ ...base, type: z.literal('scanner.scanned'), deviceId: z.string(), code: z.string().max(512) }),
  /**
   * That a scanner read something, without the code: for every stream (the technician's device
   * test). The code itself (scanner.scanned) goes only to the kiosk page holding the seat.
   */
  z.object({ ...base, type: z.literal('scanner.read'), deviceId: z.string(), length: z.number().int().nonnegative() }),
  z.object({ ...base, type: z.literal('ticket.printed'), ticketId: z.number().int().positive(), printed: z.boolean() }),
  /** The notices showing changed (pulled, published, withdrawn, started or ended): screens re-read GET /notices. */
  z.object({ ...base, type: z.literal('notices.changed') }),
  /**
   * Settings changed in the technician console (`hall`: services, windows, staff, hours, queue rules,
   * timeouts; `terminal`: role, hall link, kiosk options). Screens re-read what they show.
   */
  /** This secondary terminal's link to its hall changed (kiosks show the offline state at once). */
  z.object({ ...base, type: z.literal('hall.link'), state: HallLinkState }),
  z.object({ ...base, type: z.literal('settings.changed'), scope: z.enum(['hall', 'terminal']) }),
  /**
   * 差评整改回访 (host/reviews): a follow-up moved a step; consoles showing it read it again. Ids
   * only: every screen hears the stream, the hall TV too.
   */
  z.object({ ...base, type: z.literal('review.updated'), evaluationId: z.string(), step: ReviewStep }),
  /** A follow-up was found not rectified by its due date (announced once); `overdue`: how many are overdue now. */
  z.object({
    ...base,
    type: z.literal('review.overdue'),
    evaluationId: z.string(),
    dueDate: z.iso.date(),
    overdue: z.number().int().nonnegative(),
  }),
  /** The database stopped taking writes, or takes them again (kiosks show or lift their out-of-service screen). */
  z.object({ ...base, type: z.literal('storage.status'), state: StorageState }),
  /** A backup started, or finished or failed (the console re-reads GET /backups and the health). */
  z.object({ ...base, type: z.literal('backup.status'), state: BackupState, running: z.boolean() }),
  /**
   * The manager's floor changed in a way no other event says: an alert raised or cleared as time
   * passed (a long pause, a wait past target, a stuck sync), a new or seen 差评, a sign-in at a
   * window. Manager screens re-read GET /manager/floor; `alerts`: how many are active now.
   */
  z.object({ ...base, type: z.literal('floor.changed'), alerts: z.number().int().nonnegative() }),
]);
export type HallEvent = z.infer<typeof HallEvent>;
export type HallEventType = HallEvent['type'];

/** Control messages the server sends besides events. */
export const EventStreamMessage = z.union([
  HallEvent,
  // bootId changes when the host restarts: the client's seq cursor is then void.
  z.object({ type: z.literal('hello'), seq: z.number().int().nonnegative(), bootId: z.string() }),
  z.object({ type: z.literal('resync'), seq: z.number().int().nonnegative() }),
  // To a kiosk page (`?kioskPage=`): whether it is this host's kiosk, or another page is (host/identity/kiosk-seat.ts).
  z.object({ type: z.literal('seat'), granted: z.boolean() }),
]);
export type EventStreamMessage = z.infer<typeof EventStreamMessage>;

export const EventsQuery = z.object({
  since: z.coerce.number().int().nonnegative().optional(),
  bootId: z.string().max(64).optional(),
  /** A kiosk page's random id: the stream tells it whether it holds this host's kiosk seat. */
  kioskPage: z.uuid().optional(),
});
