import type { StaffPrincipal } from '../../contracts/auth';
import type { FloorService as FloorServiceFigures, FloorSnapshot, FloorWindow } from '../../contracts/floor';
import type { HallAlertThresholds } from '../../contracts/hall-settings';
import type { DeviceHealth } from '../../contracts/health';
import type { BreakerState } from '../../contracts/sync';
import type { Db } from '../../db/open';
import {
  floorWindows,
  isBadReview,
  markReviewAlertSeen,
  unseenBadReviews,
  type FloorWindowRow,
} from '../../db/repositories/floor';
import { pendingSummary } from '../../db/repositories/outbox';
import { listServices } from '../../db/repositories/services';
import { dayTickets, type StatTicketRow } from '../../db/repositories/stats';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { EventBus } from '../events/event-bus';
import { businessDay, zonedInstant } from '../queue/schedule';
import { serviceLevelOf, targetDeadline } from '../queue/statistics';
import type { DeviceStateSince } from './device-state-since';
import { floorAlerts, type OverTargetFact } from './floor-alerts';

export interface FloorServiceOptions {
  db: Db;
  clock: Clock;
  bus: EventBus;
  timeZone: string;
  /** QueuePolicy.dailyResetHour: "today" turns over at this local hour, as the queue does. */
  resetHour: number;
  /** The hall settings' `alerts`, read at each snapshot (the technician console changes them live). */
  thresholds: () => HallAlertThresholds;
  /** This host's devices (the hall kiosk's ticket printer among them). */
  devices: () => readonly DeviceHealth[];
  deviceSince: DeviceStateSince;
  /** The sync engine's circuit breaker. */
  breaker: () => { state: BreakerState; openSince: string | null };
}

const seconds = (from: string, now: Date): number => Math.max(0, Math.floor((now.getTime() - Date.parse(from)) / 1000));

/** What one pass over the day's tickets gathers for a service. */
interface ServiceTally {
  /** Tickets issued for the service (the service level's group, as in the statistics). */
  issued: StatTicketRow[];
  /** Waiting in the service's line now (by the service they wait in). */
  waiting: number;
  /** The first-issued ticket still waiting for its first call. */
  oldest: StatTicketRow | null;
  overTarget: number;
}

/**
 * The manager's live floor: the whole hall in one read, from the repositories. The day's tickets
 * are read once (as the statistics read them) and gone through once; the windows with their staff,
 * services and the ticket each serves are one statement; so the cost is the same at 2 windows or 200.
 * Service level and the target deadline are the statistics' own definitions (host/queue/statistics.ts).
 */
export class FloorService {
  constructor(private readonly o: FloorServiceOptions) {}

  snapshot(): FloorSnapshot {
    const { db, timeZone } = this.o;
    const now = this.o.clock.now();
    const day = businessDay(now, timeZone, this.o.resetHour);
    const thresholds = this.o.thresholds();
    const tickets = dayTickets(db, day);
    const services = listServices(db);
    const tallies = new Map(
      services.map((s) => [s.code, { issued: [], waiting: 0, oldest: null, overTarget: 0 } as ServiceTally]),
    );
    const servedBy = new Map<number, number>();
    let served = 0;
    for (const t of tickets) {
      tallies.get(t.issuedService)?.issued.push(t);
      if (t.status === 'finished') {
        served++;
        if (t.windowId !== null) servedBy.set(t.windowId, (servedBy.get(t.windowId) ?? 0) + 1);
      }
      if (t.status !== 'waiting') continue;
      const line = tallies.get(t.serviceCode);
      if (!line) continue;
      line.waiting++;
      // Never called: its wait is still running, and it still counts for the service it was issued for.
      if (t.firstCalledAt !== null) continue;
      line.oldest ??= t;
      if (now.getTime() > targetDeadline(t)) line.overTarget++;
    }

    const serviceFigures: FloorServiceFigures[] = services.map((s) => {
      const tally = tallies.get(s.code);
      const oldest = tally?.oldest ?? null;
      return {
        code: s.code,
        name: s.name,
        waiting: tally?.waiting ?? 0,
        longestWaitSeconds: oldest === null ? null : seconds(oldest.issuedAt, now),
        longestWaitTicket: oldest?.number ?? null,
        targetWaitMin: s.targetWaitMin,
        ...serviceLevelOf(tally?.issued ?? []),
      };
    });
    const windowRows = floorWindows(db);
    const windows = windowRows.map((w) => toFloorWindow(w, now, servedBy.get(w.id) ?? 0));
    const longest = serviceFigures.reduce<number | null>(
      (max, s) => (s.longestWaitSeconds === null ? max : Math.max(max ?? 0, s.longestWaitSeconds)),
      null,
    );

    const sync = pendingSummary(db);
    const breaker = this.o.breaker();
    const dayStart = zonedInstant(day, this.o.resetHour * 60, timeZone).toISOString();
    const alerts = floorAlerts({
      now,
      thresholds,
      pausedWindows: windowRows.flatMap((w) =>
        w.paused
          ? [{ number: w.number, name: w.name, pausedAt: w.pausedAt ?? now.toISOString(), staffed: w.staffNo !== null }]
          : [],
      ),
      overTarget: services.flatMap((s): OverTargetFact[] => {
        const tally = tallies.get(s.code);
        if (!tally?.oldest || tally.overTarget === 0) return [];
        return [
          {
            serviceCode: s.code,
            serviceName: s.name,
            targetWaitMin: s.targetWaitMin,
            tickets: tally.overTarget,
            oldestTicket: tally.oldest.number,
            oldestIssuedAt: tally.oldest.issuedAt,
          },
        ];
      }),
      printers: this.o
        .devices()
        .filter((d) => d.kind === 'printer')
        .map((d) => ({ deviceId: d.id, state: d.state, since: this.o.deviceSince.since(d.id, d.state) })),
      sync: {
        pending: sync.pending,
        oldestPendingAt: sync.oldestAt,
        breaker: breaker.state,
        breakerOpenSince: breaker.openSince,
      },
      badReviews: unseenBadReviews(db, dayStart),
    });

    return {
      at: now.toISOString(),
      businessDay: day,
      timeZone,
      hall: {
        waiting: serviceFigures.reduce((sum, s) => sum + s.waiting, 0),
        longestWaitSeconds: longest,
        ...serviceLevelOf(tickets),
        served,
      },
      services: serviceFigures,
      windows,
      alerts,
      thresholds,
    };
  }

  /**
   * A supervisor saw a 差评's alert: recorded with its audit entry in one transaction, then every
   * manager screen is told to re-read the floor. Seeing it twice changes nothing.
   */
  markReviewSeen(evaluationId: string, staff: StaffPrincipal): FloorSnapshot {
    const { db, clock } = this.o;
    const bad = isBadReview(db, evaluationId);
    if (bad === undefined) throw new HostError('not_found', '没有这条评价');
    if (!bad) throw new HostError('invalid_request', '这条评价不是差评');
    const marked = db.transaction(() => {
      const fresh = markReviewAlertSeen(db, evaluationId, clock.now().toISOString(), staff.id);
      if (fresh) audit(db, clock, 'floor.review_seen', { staffId: staff.id, details: { evaluationId } });
      return fresh;
    })();
    const floor = this.snapshot();
    if (marked) this.o.bus.publish({ type: 'floor.changed', alerts: floor.alerts.length });
    return floor;
  }
}

function toFloorWindow(w: FloorWindowRow, now: Date, servedToday: number): FloorWindow {
  const pausedAt = w.paused ? (w.pausedAt ?? now.toISOString()) : null;
  return {
    id: w.id,
    number: w.number,
    name: w.name,
    services: w.services,
    status: w.paused ? 'paused' : w.staffNo === null ? 'closed' : 'open',
    pausedAt,
    pausedSeconds: pausedAt === null ? null : seconds(pausedAt, now),
    staff: w.staffNo === null || w.staffName === null ? null : { staffNo: w.staffNo, name: w.staffName },
    serving:
      w.servingNumber === null || w.servingService === null || w.servingCalledAt === null
        ? null
        : {
            ticketNumber: w.servingNumber,
            serviceCode: w.servingService,
            calledAt: w.servingCalledAt,
            servingSeconds: seconds(w.servingCalledAt, now),
          },
    held: w.held,
    servedToday,
  };
}
