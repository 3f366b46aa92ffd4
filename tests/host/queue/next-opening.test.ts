import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostConfig, type HostConfigInput } from '../../../contracts/config';
import { openDatabase, type Db } from '../../../db/open';
import { setServiceSuspended } from '../../../db/repositories/services';
import type { Clock } from '../../../host/clock/clock';
import { EventBus } from '../../../host/events/event-bus';
import { QueueService } from '../../../host/queue/queue-service';
import { migrationsDir } from '../../support/test-host';

/** Sunday 2026-12-06, 15:00 in Beijing: the weekend morning is over, Monday opens at 08:30. */
const SUNDAY_3PM = new Date('2026-12-06T07:00:00Z');
const MONDAY_0830 = '2026-12-07T00:30:00.000Z';

/** What the kiosk's 取号 screen says of a closed service: when it issues numbers again. */
describe('QueueService: when a closed service opens again', () => {
  let dir: string;
  let db: Db;
  let instant: Date;
  const clock: Clock = { now: () => instant };

  const queueWith = (overrides: HostConfigInput = {}) => {
    const config = HostConfig.parse(overrides);
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir });
    const queue = new QueueService({
      db,
      bus: new EventBus(),
      clock,
      timeZone: config.timeZone,
      hours: config.hours,
      policy: config.queue,
    });
    queue.seed(config.services, config.windows);
    return queue;
  };
  const service = (queue: QueueService, code: string) => {
    const s = queue.services().find((x) => x.code === code);
    if (!s) throw new Error(`no service ${code}`);
    return s;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'next-opening-'));
    instant = SUNDAY_3PM;
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('on a Sunday afternoon every service is closed for the hours and opens on Monday at 08:30 (hall time)', () => {
    const queue = queueWith();
    for (const s of queue.services()) expect([s.code, s.closedReason, s.nextOpening]).toEqual([s.code, 'hours', MONDAY_0830]);
  });

  it('a service with hours of its own says its own next opening', () => {
    const queue = queueWith({
      services: [
        { code: 'business-startup', name: '企业开办', nameEn: 'Business start-up', prefix: 'A' },
        {
          code: 'tax',
          name: '税务',
          nameEn: 'Tax',
          prefix: 'T',
          hours: { tue: [{ from: '09:00', to: '11:00' }] },
        },
      ],
      windows: [{ number: 1, name: '1', services: ['business-startup', 'tax'] }],
    });
    expect(service(queue, 'tax').nextOpening).toBe('2026-12-08T01:00:00.000Z');
    expect(service(queue, 'business-startup').nextOpening).toBe(MONDAY_0830);
  });

  it("today's numbers gone: the next opening after today's close", () => {
    instant = new Date('2026-12-07T02:00:00Z'); // Monday 10:00
    const queue = queueWith({
      services: [{ code: 'business-startup', name: '企业开办', nameEn: 'Business start-up', prefix: 'A', dailyLimit: 1 }],
      windows: [{ number: 1, name: '1', services: ['business-startup'] }],
    });
    expect(service(queue, 'business-startup')).toMatchObject({ open: true, nextOpening: null });
    queue.issue({ serviceCode: 'business-startup', identity: null });
    // Tuesday 08:30 Beijing.
    expect(service(queue, 'business-startup')).toMatchObject({
      closedReason: 'sold_out',
      nextOpening: '2026-12-08T00:30:00.000Z',
    });
  });

  it('suspended by a supervisor: no promise of when', () => {
    instant = new Date('2026-12-07T02:00:00Z');
    const queue = queueWith();
    setServiceSuspended(db, 'business-startup', true);
    expect(service(queue, 'business-startup')).toMatchObject({ closedReason: 'suspended', nextOpening: null });
  });
});
