import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostConfig } from '../../../contracts/config';
import type { Db } from '../../../db/open';
import { counts } from '../../../db/repositories/outbox';
import { CentralExtrasClient, hallCentralClient } from '../../../host/cases/central-extras';
import { EventBus } from '../../../host/events/event-bus';
import { QueueService } from '../../../host/queue/queue-service';
import { CentralClient } from '../../../host/sync/central-client';
import { QueueStatsReporter } from '../../../host/sync/queue-stats-report';
import { hallSenders } from '../../../host/sync/senders';
import { SyncEngine } from '../../../host/sync/sync-engine';
import { ALL_DAY_HOURS } from '../../support/test-host';
import { listenCentral, ManualClock, openHallDb, tempDir, token } from './support';
import type { ListeningApi, TempDir } from './support';

let tmp: TempDir;
let db: Db;
let clock: ManualClock;
let central: ListeningApi;
let queue: QueueService;
let reporter: QueueStatsReporter;
let engine: SyncEngine;
const actor = { staffId: null };

beforeEach(async () => {
  tmp = tempDir('queue-stats-');
  db = openHallDb(join(tmp.dir, 'hall.sqlite'));
  // 10:00 in Beijing on Friday 27 November 2026.
  clock = new ManualClock(Date.parse('2026-11-27T02:00:00Z'));
  central = await listenCentral();
  const config = HostConfig.parse({ hours: ALL_DAY_HOURS });
  queue = new QueueService({
    db,
    bus: new EventBus(100, () => clock.now()),
    clock,
    timeZone: config.timeZone,
    hours: config.hours,
    policy: config.queue,
  });
  queue.seed(config.services, config.windows);
  reporter = new QueueStatsReporter({
    db,
    clock,
    hallId: 'hall-01',
    timeZone: config.timeZone,
    resetHour: config.queue.dailyResetHour,
  });
  const options = { baseUrl: central.baseUrl, token, timeoutMs: 5_000 };
  engine = new SyncEngine({
    db,
    client: hallCentralClient(new CentralClient(options), new CentralExtrasClient(options)),
    clock,
    senders: hallSenders,
    random: () => 0,
  });
});
afterEach(async () => {
  await engine.stop();
  if (db.open) db.close();
  await central.close();
  tmp.cleanup();
});

async function centralFigures(): Promise<{ business_day: string; figures: Record<string, number>; revision: number }[]> {
  const rows = await central.database.observe<{ business_day: string; figures_json: string; revision: number }>(
    'SELECT business_day, figures_json, revision FROM queue_stats ORDER BY business_day',
  );
  return rows.map((r) => ({
    business_day: r.business_day,
    figures: JSON.parse(r.figures_json) as Record<string, number>,
    revision: r.revision,
  }));
}

describe('daily queue statistics to the central API', () => {
  it('reports a finished day once, after the queue turned over, with the hall, service and window figures', async () => {
    queue.issue({ serviceCode: 'business-startup', identity: null });
    queue.issue({ serviceCode: 'business-startup', identity: null });
    queue.issue({ serviceCode: 'livelihood', identity: null });
    clock.advance(4 * 60_000);
    queue.callNext(1, actor);
    clock.advance(6 * 60_000);
    queue.finish(1, 'done', actor);

    // The day is not over yet: nothing to report.
    expect(reporter.enqueueFinishedDays()).toEqual([]);
    // Next morning after the 03:00 turnover.
    clock.advance(24 * 3_600_000);
    expect(reporter.enqueueFinishedDays()).toEqual(['2026-11-27']);
    expect(reporter.enqueueFinishedDays()).toEqual([]);
    expect(await engine.drainOnce()).toMatchObject({ delivered: 1 });

    const [stored] = await centralFigures();
    expect(stored?.business_day).toBe('2026-11-27');
    expect(stored?.revision).toBe(1);
    expect(stored?.figures).toMatchObject({
      issued: 3,
      served: 1,
      'service.business-startup.issued': 2,
      'service.livelihood.issued': 1,
      'window.1.served': 1,
      'window.1.avgServiceSeconds': 360,
      'hour.10.issued': 3,
    });
    expect(stored?.figures).not.toHaveProperty('service.real-estate.issued');
    expect(counts(db).pending).toBe(0);
  });

  it('a day reported survives a restart without being sent again', async () => {
    queue.issue({ serviceCode: 'consulting', identity: null });
    clock.advance(24 * 3_600_000);
    expect(reporter.enqueueFinishedDays()).toHaveLength(1);
    const again = new QueueStatsReporter({ db, clock, hallId: 'hall-01', timeZone: 'Asia/Shanghai', resetHour: 3 });
    expect(again.enqueueFinishedDays()).toEqual([]);
    expect(await engine.drainOnce()).toMatchObject({ delivered: 1 });
    expect(await centralFigures()).toHaveLength(1);
  });
});
