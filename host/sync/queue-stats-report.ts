import { QueueStatsRequest } from '../../contracts/central-api';
import type { QueueFigures } from '../../contracts/central-api';
import type { DayStatistics, StatFigures } from '../../contracts/stats';
import type { Db } from '../../db/open';
import { enqueue } from '../../db/repositories/outbox';
import { markReported, unreportedDays } from '../../db/repositories/queue-stats-reports';
import type { Clock } from '../clock/clock';
import { businessDay } from '../queue/schedule';
import { dayStatistics } from '../queue/statistics';

export interface QueueStatsReporterOptions {
  db: Db;
  clock: Clock;
  hallId: string;
  timeZone: string;
  /** QueuePolicy.dailyResetHour: a day is over once the queue turned over. */
  resetHour: number;
}

/** The central API takes at most 200 figures; hourly ones go first when a big hall needs room. */
const MAX_FIGURES = 200;

function add(figures: Record<string, number>, prefix: string, f: StatFigures): void {
  figures[`${prefix}issued`] = f.issued;
  figures[`${prefix}served`] = f.served;
  figures[`${prefix}noShow`] = f.noShow;
  figures[`${prefix}cancelled`] = f.cancelled;
  if (f.avgWaitSeconds !== null) figures[`${prefix}avgWaitSeconds`] = f.avgWaitSeconds;
  if (f.maxWaitSeconds !== null) figures[`${prefix}maxWaitSeconds`] = f.maxWaitSeconds;
  if (f.avgServiceSeconds !== null) figures[`${prefix}avgServiceSeconds`] = f.avgServiceSeconds;
  // Integers only on the wire: the service level in per mille.
  if (f.serviceLevelPct !== null) figures[`${prefix}serviceLevelPermille`] = Math.round(f.serviceLevelPct * 10);
}

/**
 * A day's statistics as the central API's flat figures: the hall's, each service's, each
 * window's and the hall's issued/served by local hour. Staff figures stay in the hall: they
 * are for its supervisors, not for a central league table of people.
 */
export function queueFigures(stats: DayStatistics): QueueFigures {
  const figures: Record<string, number> = {};
  add(figures, '', stats.hall);
  for (const s of stats.services) if (s.issued > 0) add(figures, `service.${s.serviceCode}.`, s);
  for (const w of stats.windows) if (w.called > 0) add(figures, `window.${w.windowNumber}.`, w);
  const hourly: [string, number][] = [];
  for (const h of stats.hall.byHour) {
    const hh = String(h.hour).padStart(2, '0');
    if (h.issued > 0) hourly.push([`hour.${hh}.issued`, h.issued]);
    if (h.served > 0) hourly.push([`hour.${hh}.served`, h.served]);
  }
  for (const [name, value] of hourly) if (Object.keys(figures).length < MAX_FIGURES) figures[name] = value;
  return figures;
}

/**
 * Puts each finished business day's figures into the outbox once: the report row and the
 * outbox entry commit together, so a crash never sends a day twice or forgets it. The
 * Idempotency-Key names the hall and the day, so even a restored database re-sending a day
 * is answered as a replay.
 */
export class QueueStatsReporter {
  constructor(private readonly o: QueueStatsReporterOptions) {}

  /** Enqueues every finished day with tickets not reported yet; returns the days enqueued. */
  enqueueFinishedDays(): string[] {
    const { db } = this.o;
    const now = this.o.clock.now();
    const today = businessDay(now, this.o.timeZone, this.o.resetHour);
    const days = unreportedDays(db, today);
    for (const day of days) {
      db.transaction(() => {
        const request = QueueStatsRequest.parse({
          hallId: this.o.hallId,
          businessDay: day,
          figures: queueFigures(dayStatistics(db, day, this.o.timeZone)),
        });
        enqueue(db, {
          kind: 'queue-stats',
          recordId: day,
          orderingKey: 'queue-stats',
          idempotencyKey: `queue-stats:${this.o.hallId}:${day}`,
          payload: request,
          now,
        });
        markReported(db, day, now.toISOString());
      })();
    }
    return days;
  }
}
