import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostConfig } from '../../../contracts/config';
import type { HallEvent } from '../../../contracts/events';
import { listAudit } from '../../../db/repositories/audit';
import { openDatabase, type Db } from '../../../db/open';
import { EventBus } from '../../../host/events/event-bus';
import { QueueService } from '../../../host/queue/queue-service';
import { dayStatistics, endOfDayReport } from '../../../host/queue/statistics';
import { migrationsDir } from '../../support/test-host';

const staff = { staffId: null };
/** Friday 2026-11-27, 09:00 in Beijing: the hall is open. */
const FRIDAY_9AM = new Date('2026-11-27T01:00:00Z');

/**
 * 转办并返回 on the default hall: window 1 serves 企业开办 (A) and 综合咨询, window 3 社保医保 (C)
 * and 民生事项. A citizen at window 1 goes to window 3 for one step and comes back.
 */
describe('transfer with return (转办并返回)', () => {
  let dir: string;
  let db: Db;
  let bus: EventBus;
  let queue: QueueService;
  let events: HallEvent[];
  let now: Date;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'queue-return-'));
    bus = new EventBus();
    events = [];
    bus.subscribe((e) => events.push(e));
    now = FRIDAY_9AM;
    const config = HostConfig.parse({});
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir });
    queue = new QueueService({
      db,
      bus,
      clock: { now: () => now },
      timeZone: config.timeZone,
      hours: config.hours,
      policy: config.queue,
    });
    queue.seed(config.services, config.windows);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const windowNo = (n: number) => {
    const w = queue.windows().find((x) => x.number === n);
    if (!w) throw new Error(`window ${n} missing`);
    return w.id;
  };
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const eventTypes = () => events.map((e) => e.type);

  it('comes back to the head of the first window’s queue, waiting, when the step is finished', () => {
    const [w1, w3] = [windowNo(1), windowNo(3)];
    const a1 = queue.issue({ serviceCode: 'business-startup', identity: null });
    queue.issue({ serviceCode: 'business-startup', identity: null });
    queue.issue({ serviceCode: 'business-startup', identity: null });
    expect(queue.callNext(w1, staff).ticketNumber).toBe('A001');

    const sent = queue.transfer(w1, { toWindowId: w3, returnAfter: true }, staff);
    expect(sent).toMatchObject({ status: 'waiting', returnToWindowNumber: 1, returnedFromWindowNumber: null, peopleAhead: 0 });
    // Window 1 serves the next citizen meanwhile; window 3 calls the sent ticket first.
    expect(queue.callNext(w1, staff).ticketNumber).toBe('A002');
    expect(queue.callNext(w3, staff).ticketNumber).toBe('A001');
    expect(queue.window(w3).current).toMatchObject({ number: 'A001', returnToWindowNumber: 1 });

    later(5);
    events.length = 0;
    const back = queue.finish(w3, 'done', staff);
    // Not finished: waiting again, for window 1 only, at the head of its queue.
    expect(back).toMatchObject({
      number: 'A001',
      status: 'waiting',
      outcome: null,
      windowNumber: null,
      serviceCode: 'business-startup',
      returnToWindowNumber: null,
      returnedFromWindowNumber: 3,
      peopleAhead: 0,
    });
    expect(eventTypes()).toEqual(['ticket.returned', 'queue.counts']);
    expect(events[0]).toMatchObject({ type: 'ticket.returned', fromWindowNumber: 3, toWindowNumber: 1 });
    expect(queue.window(w3).current).toBeNull();
    const waiting = queue.waitingFor(w1);
    expect(waiting.map((t) => t.number)).toEqual(['A001', 'A003']);
    expect(waiting[0]).toMatchObject({ returnedFromWindowNumber: 3, peopleAhead: 0 });
    // Nobody else calls it: it waits for window 1.
    expect(queue.waitingFor(windowNo(4)).map((t) => t.number)).toEqual(['A003']);

    // Window 1 finishes A002 and calls the returned ticket before A003, which waited all along.
    queue.finish(w1, 'done', staff);
    expect(queue.callNext(w1, staff).ticketNumber).toBe('A001');
    expect(queue.window(w1).current).toMatchObject({ number: 'A001', returnedFromWindowNumber: null });
    later(5);
    expect(queue.finish(w1, 'done', staff)).toMatchObject({ status: 'finished', outcome: 'done', returnToWindowNumber: null });
    expect(a1.id).toBe(queue.ticket(a1.id).id);

    const actions = listAudit(db, { limit: 100 })
      .filter((r) => r.ticketId === a1.id)
      .map((r) => r.action);
    expect(actions).toEqual(['ticket.call', 'ticket.transfer', 'ticket.call', 'ticket.return', 'ticket.call', 'ticket.finish']);
  });

  it('is counted once in the day’s figures: served at the window that ended the visit, never at the step’s', () => {
    const [w1, w3] = [windowNo(1), windowNo(3)];
    queue.issue({ serviceCode: 'business-startup', identity: null });
    queue.callNext(w1, staff);
    queue.transfer(w1, { toWindowId: w3, returnAfter: true }, staff);
    queue.callNext(w3, staff);
    later(4);
    queue.finish(w3, 'done', staff);
    // Back and waiting: nobody has been served yet.
    let stats = dayStatistics(db, queue.businessDay(), 'Asia/Shanghai');
    expect(stats.hall).toMatchObject({ issued: 1, served: 0, waiting: 1 });
    queue.callNext(w1, staff);
    later(3);
    queue.finish(w1, 'done', staff);
    stats = dayStatistics(db, queue.businessDay(), 'Asia/Shanghai');
    expect(stats.hall).toMatchObject({ issued: 1, served: 1, waiting: 0, called: 1 });
    expect(stats.windows.find((w) => w.windowNumber === 1)).toMatchObject({ served: 1 });
    expect(stats.windows.find((w) => w.windowNumber === 3)).toMatchObject({ served: 0, issued: 0 });
    expect(endOfDayReport(db, queue.businessDay(), 'Asia/Shanghai').totals).toMatchObject({ issued: 1, served: 1 });
  });

  it('sent to another service, it comes back in its own service; a keypad’s 下一位 returns it without asking for a rating', () => {
    const [w1, w3] = [windowNo(1), windowNo(3)];
    queue.issue({ serviceCode: 'business-startup', identity: null });
    queue.issue({ serviceCode: 'social-security', identity: null });
    queue.callNext(w1, staff);
    expect(queue.transfer(w1, { toService: 'social-security', returnAfter: true }, staff)).toMatchObject({
      serviceCode: 'social-security',
      returnToWindowNumber: 1,
    });
    // It kept its time: issued before C001, it is called first in 社保医保.
    expect(queue.callNext(w3, staff).ticketNumber).toBe('A001');
    events.length = 0;
    // 下一位 at window 3 (a keypad has no outcome key): the step ends, the next citizen is called.
    expect(queue.callNext(w3, staff).ticketNumber).toBe('C001');
    expect(eventTypes()).not.toContain('evaluation.requested');
    expect(eventTypes()).not.toContain('ticket.finished');
    expect(events.find((e) => e.type === 'ticket.returned')).toMatchObject({
      ticket: { number: 'A001', serviceCode: 'business-startup', status: 'waiting' },
    });
    expect(queue.callNext(w1, staff).ticketNumber).toBe('A001');
  });

  it('keeps the promised return through a plain transfer, and ends it at the window it promised', () => {
    const [w1, w2, w3] = [windowNo(1), windowNo(2), windowNo(3)];
    queue.issue({ serviceCode: 'business-startup', identity: null });
    queue.callNext(w1, staff);
    queue.transfer(w1, { toWindowId: w3, returnAfter: true }, staff);
    queue.callNext(w3, staff);
    // Window 3 sends it on to window 2 for part of the step: it still goes back to window 1 after.
    expect(queue.transfer(w3, { toWindowId: w2 }, staff)).toMatchObject({ returnToWindowNumber: 1 });
    queue.callNext(w2, staff);
    expect(queue.finish(w2, 'done', staff)).toMatchObject({ status: 'waiting', returnedFromWindowNumber: 2 });
    queue.callNext(w1, staff);
    expect(queue.finish(w1, 'done', staff)).toMatchObject({ status: 'finished' });
    // A plain transfer promises nothing: finished where it ends.
    queue.issue({ serviceCode: 'business-startup', identity: null });
    queue.callNext(w1, staff);
    queue.transfer(w1, { toWindowId: w3 }, staff);
    queue.callNext(w3, staff);
    expect(queue.finish(w3, 'done', staff)).toMatchObject({ status: 'finished', returnToWindowNumber: null });
  });
});
