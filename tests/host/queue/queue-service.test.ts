import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostConfig } from '../../../contracts/config';
import { openDatabase, type Db } from '../../../db/open';
import type { Clock } from '../../../host/clock/clock';
import type { HostError } from '../../../host/errors/host-error';
import { EventBus } from '../../../host/events/event-bus';
import { QueueService } from '../../../host/queue/queue-service';
import { migrationsDir } from '../../support/test-host';

class FakeClock implements Clock {
  constructor(public instant: Date) {}
  now() {
    return this.instant;
  }
}

describe('QueueService', () => {
  let dir: string;
  let db: Db;
  let bus: EventBus;
  let clock: FakeClock;
  let queue: QueueService;

  const open = () => {
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir });
    queue = new QueueService({ db, bus, clock, timeZone: 'Asia/Shanghai' });
    const config = HostConfig.parse({});
    queue.seed(config.services, config.windows);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'queue-'));
    bus = new EventBus();
    clock = new FakeClock(new Date('2026-11-27T01:00:00Z')); // 09:00 in Beijing
    open();
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('numbers tickets per service per day with the service prefix', () => {
    expect(queue.issue('business-startup', null).number).toBe('A001');
    expect(queue.issue('business-startup', null).number).toBe('A002');
    expect(queue.issue('real-estate', null).number).toBe('B001');
  });

  it('tells each citizen how many people are ahead', () => {
    queue.issue('business-startup', null);
    queue.issue('business-startup', null);
    expect(queue.issue('business-startup', null).peopleAhead).toBe(2);
  });

  it('starts again at 001 on the next Beijing day (00:30 local is still the UTC day before)', () => {
    queue.issue('business-startup', null);
    clock.instant = new Date('2026-11-27T16:30:00Z'); // 00:30 on the 28th in Beijing
    const ticket = queue.issue('business-startup', null);
    expect(ticket.number).toBe('A001');
    expect(ticket.businessDay).toBe('2026-11-28');
  });

  it('refuses a second open ticket for the same card and service, not for another service', () => {
    queue.issue('business-startup', 'card-key-1');
    expect(() => queue.issue('business-startup', 'card-key-1')).toThrow(
      expect.objectContaining({ code: 'duplicate_ticket' }) as HostError,
    );
    expect(queue.issue('real-estate', 'card-key-1').number).toBe('B001');
    expect(queue.issue('business-startup', 'card-key-2').number).toBe('A002');
  });

  it('stops issuing at the daily limit and keeps the numbers already issued', () => {
    queue.seed([{ code: 'tiny', name: '测试', nameEn: 'Test', prefix: 'T', dailyLimit: 2 }], []);
    queue.issue('tiny', null);
    queue.issue('tiny', null);
    expect(() => queue.issue('tiny', null)).toThrow(expect.objectContaining({ code: 'daily_limit_reached' }) as HostError);
    expect(queue.services().find((s) => s.code === 'tiny')?.waiting).toBe(2);
  });

  it('calls the window’s services in priority order, longest waiting first, and finishes the previous call', () => {
    const window1 = queue.windows().find((w) => w.number === 1);
    if (!window1) throw new Error('window 1 missing');
    queue.issue('consulting', null); // F001, window 1's second service
    queue.issue('business-startup', null); // A001
    queue.issue('business-startup', null); // A002
    expect(queue.callNext(window1.id).ticketNumber).toBe('A001');
    expect(queue.callNext(window1.id).ticketNumber).toBe('A002');
    const third = queue.callNext(window1.id);
    expect(third).toMatchObject({ ticketNumber: 'F001', windowNumber: 1 });
    expect(() => queue.callNext(window1.id)).toThrow(expect.objectContaining({ code: 'queue_empty' }) as HostError);
    expect(queue.recentCalls().map((c) => c.ticketNumber)).toEqual(['F001', 'A002', 'A001']);
  });

  it('publishes ticket.issued, ticket.called and queue.counts events', () => {
    const types: string[] = [];
    bus.subscribe((e) => types.push(e.type));
    queue.issue('business-startup', null);
    queue.callNext(queue.windows()[0]?.id ?? 0);
    expect(types).toEqual(['ticket.issued', 'queue.counts', 'ticket.called', 'queue.counts']);
  });

  it('keeps numbering across a restart of the host (same file)', () => {
    queue.issue('business-startup', null);
    db.close();
    open();
    expect(queue.issue('business-startup', null).number).toBe('A002');
  });

  it('rejects a window naming an unknown service', () => {
    expect(() => queue.seed(HostConfig.parse({}).services, [{ number: 9, name: 'x', services: ['nope'] }])).toThrow(
      expect.objectContaining({ code: 'service_unknown' }) as HostError,
    );
  });
});
