import type { LiveSnapshot, LiveService } from '../../contracts/central-api';
import type { Db } from '../../db/open';
import { floorWindows } from '../../db/repositories/floor';
import { dayTickets, type StatTicketRow } from '../../db/repositories/stats';
import type { Clock } from '../clock/clock';
import type { QueueService } from '../queue/queue-service';
import { figuresOf } from '../queue/statistics';

export interface LiveSnapshotSource {
  db: Db;
  clock: Clock;
  queue: QueueService;
  hallId: string;
  /** Read at each snapshot: the technician console renames the hall live. */
  hallName: () => string;
  timeZone: string;
}

const secondsSince = (iso: string, now: Date): number => Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / 1000));

/**
 * The hall's queue as it is now, for the district platform (contracts/central-api.ts
 * `LiveSnapshot`). Cheap enough for every minute: the services as the hall's own kiosk shows
 * them (open, waiting, the estimate it gives the next citizen), one read of the day's tickets (as
 * the statistics read them) and one of the windows. Counts and durations only: no ticket, staff
 * member or citizen is named.
 */
export function liveSnapshot(o: LiveSnapshotSource): LiveSnapshot {
  const now = o.clock.now();
  const day = o.queue.businessDay(now);
  const services = o.queue.services();
  const tickets = dayTickets(o.db, day);

  // The longest wait as the manager's floor defines it (host/manager/floor.ts): of the tickets
  // waiting for their first call, by the line they wait in, the one issued first (tickets come in
  // issue order).
  const oldest = new Map<string, StatTicketRow>();
  for (const t of tickets) {
    if (t.status === 'waiting' && t.firstCalledAt === null && !oldest.has(t.serviceCode)) oldest.set(t.serviceCode, t);
  }
  // Open for a citizen: someone signed in and not paused (the floor's `open`).
  const openWindows = floorWindows(o.db).filter((w) => !w.paused && w.staffNo !== null);
  const windowsFor = new Map<string, number>();
  for (const w of openWindows) for (const code of w.services) windowsFor.set(code, (windowsFor.get(code) ?? 0) + 1);

  const hall = figuresOf(tickets, o.timeZone);
  const hallName = o.hallName().trim();
  return {
    hallId: o.hallId,
    ...(hallName === '' ? {} : { hallName: hallName.slice(0, 200) }),
    takenAt: now.toISOString(),
    open: services.some((s) => s.open),
    openWindows: openWindows.length,
    services: services.map((s): LiveService => {
      const first = oldest.get(s.code);
      return {
        code: s.code,
        name: s.name,
        open: s.open,
        waiting: s.waiting,
        longestWaitSeconds: first === undefined ? null : secondsSince(first.issuedAt, now),
        openWindows: windowsFor.get(s.code) ?? 0,
        estimatedWaitMinutes: s.estimatedWaitMinutes,
      };
    }),
    today: {
      businessDay: day,
      issued: hall.issued,
      served: hall.served,
      noShow: hall.noShow,
      cancelled: hall.cancelled,
      waiting: hall.waiting,
      inService: hall.inService,
      avgWaitSeconds: hall.avgWaitSeconds,
      maxWaitSeconds: hall.maxWaitSeconds,
      avgServiceSeconds: hall.avgServiceSeconds,
      serviceLevelPct: hall.serviceLevelPct,
    },
  };
}
