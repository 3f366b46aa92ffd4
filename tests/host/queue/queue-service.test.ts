import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostConfig, type HostConfigInput, type ServiceSeed } from '../../../contracts/config';
import { listAudit } from '../../../db/repositories/audit';
import { openDatabase, type Db } from '../../../db/open';
import type { Call } from '../../../contracts/queue';
import type { Clock } from '../../../host/clock/clock';
import { EventBus } from '../../../host/events/event-bus';
import { QueueService } from '../../../host/queue/queue-service';
import { endOfDayReport } from '../../../host/queue/statistics';
import { migrationsDir } from '../../support/test-host';

class FakeClock implements Clock {
  constructor(public instant: Date) {}
  now() {
    return this.instant;
  }
  advanceMinutes(m: number) {
    this.instant = new Date(this.instant.getTime() + m * 60_000);
  }
}

const staff = { staffId: null };
/** Friday 2026-11-27, 09:00 in Beijing: the hall is open. */
const FRIDAY_9AM = new Date('2026-11-27T01:00:00Z');

describe('QueueService', () => {
  let dir: string;
  let db: Db;
  let bus: EventBus;
  let clock: FakeClock;
  let queue: QueueService;

  const open = (overrides: HostConfigInput = {}) => {
    const config = HostConfig.parse(overrides);
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir });
    queue = new QueueService({ db, bus, clock, timeZone: config.timeZone, hours: config.hours, policy: config.queue });
    queue.seed(config.services, config.windows);
    return config;
  };
  const windowNo = (n: number) => {
    const w = queue.windows().find((x) => x.number === n);
    if (!w) throw new Error(`window ${n} missing`);
    return w.id;
  };
  const issue = (serviceCode = 'business-startup', identity: { key: string; age: number } | null = null) =>
    queue.issue({ serviceCode, identity });
  const anError = (code: string) => expect.objectContaining({ code }) as unknown as Error;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'queue-'));
    bus = new EventBus();
    clock = new FakeClock(FRIDAY_9AM);
    open();
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('issuing', () => {
    it('numbers tickets per service per day with the service prefix', () => {
      expect(issue().number).toBe('A001');
      expect(issue().number).toBe('A002');
      expect(issue('real-estate').number).toBe('B001');
    });

    it('starts at the service’s first number and stops at its last', () => {
      db.close();
      const services: ServiceSeed[] = [
        { ...HostConfig.parse({}).services[0]!, code: 'ranged', prefix: 'R', numberStart: 501, numberEnd: 502 },
      ];
      open({ services, windows: [{ number: 1, name: 'w', services: ['ranged'] }] });
      expect(issue('ranged').number).toBe('R501');
      expect(issue('ranged').number).toBe('R502');
      expect(() => issue('ranged')).toThrow(anError('daily_limit_reached'));
      expect(queue.services().find((s) => s.code === 'ranged')).toMatchObject({ open: false, closedReason: 'sold_out' });
    });

    it('tells each citizen how many are ahead and roughly how long the wait is', () => {
      issue();
      issue();
      const third = issue();
      expect(third.peopleAhead).toBe(2);
      expect(third.estimatedWaitMinutes).toBeGreaterThan(0);
    });

    it('keeps the business day until the reset hour (03:00 local), then starts again at 001', () => {
      issue();
      clock.instant = new Date('2026-11-27T18:30:00Z'); // 02:30 on the 28th in Beijing: still the 27th
      expect(queue.businessDay()).toBe('2026-11-27');
      clock.instant = new Date('2026-11-28T01:00:00Z'); // Saturday 09:00: weekend service
      const ticket = issue();
      expect(ticket).toMatchObject({ number: 'A001', businessDay: '2026-11-28' });
    });

    it('refuses a second open ticket for the same card and service, not for another service', () => {
      const card = { key: 'card-key-1', age: 40 };
      issue('business-startup', card);
      expect(() => issue('business-startup', card)).toThrow(anError('duplicate_ticket'));
      expect(issue('real-estate', card).number).toBe('B001');
      expect(issue('business-startup', { key: 'card-key-2', age: 40 }).number).toBe('A002');
    });

    it('allows repeat tickets per card when the hall turns the rule off', () => {
      db.close();
      open({ queue: { onePerIdentityPerService: false } });
      const card = { key: 'k', age: 40 };
      issue('business-startup', card);
      expect(issue('business-startup', card).number).toBe('A002');
    });

    it('stops issuing at the daily limit and keeps the numbers already issued', () => {
      queue.seed([{ ...HostConfig.parse({}).services[0]!, code: 'tiny', prefix: 'T', dailyLimit: 2 }], []);
      issue('tiny');
      issue('tiny');
      expect(() => issue('tiny')).toThrow(anError('daily_limit_reached'));
      expect(queue.services().find((s) => s.code === 'tiny')?.waiting).toBe(2);
    });

    it('limits tickets per opening slot and opens the next slot on time', () => {
      queue.seed([{ ...HostConfig.parse({}).services[0]!, code: 'slotted', prefix: 'S', slotMinutes: 30, slotLimit: 2 }], []);
      issue('slotted');
      issue('slotted');
      expect(() => issue('slotted')).toThrow(anError('slot_full'));
      clock.advanceMinutes(30);
      expect(issue('slotted').number).toBe('S003');
    });

    it('issues nothing outside opening hours and says when it opens again', () => {
      clock.instant = new Date('2026-11-29T07:00:00Z'); // Sunday 15:00: the weekend service ended at noon
      expect(() => issue()).toThrow(anError('service_closed'));
      expect(queue.services().every((s) => s.closedReason === 'hours')).toBe(true);
      clock.instant = new Date('2026-11-27T04:30:00Z'); // Friday 12:30: lunch-time duty window is open
      expect(issue().number).toBe('A001');
    });

    it('gives citizens of 70 and over an elder priority ticket from the ID birth date', () => {
      expect(issue('business-startup', { key: 'a', age: 69 }).priorityClass).toBe('normal');
      expect(issue('business-startup', { key: 'b', age: 70 }).priorityClass).toBe('elderly');
    });
  });

  describe('calling', () => {
    it('calls the window’s services in order, longest waiting first, and completes the previous call', () => {
      const w1 = windowNo(1); // business-startup, then consulting
      issue('consulting'); // F001
      issue(); // A001
      issue(); // A002
      expect(queue.callNext(w1, staff).ticketNumber).toBe('A001');
      expect(queue.callNext(w1, staff).ticketNumber).toBe('A002');
      expect(queue.callNext(w1, staff)).toMatchObject({ ticketNumber: 'F001', windowNumber: 1 });
      expect(() => queue.callNext(w1, staff)).toThrow(anError('queue_empty'));
      expect(queue.recentCalls().map((c) => c.ticketNumber)).toEqual(['F001', 'A002', 'A001']);
      const a001 = db.prepare("SELECT status, outcome FROM tickets WHERE number = 'A001'").get();
      expect(a001).toEqual({ status: 'finished', outcome: 'done' });
    });

    it('serves priority tickets first but never more than the burst in a row while a normal ticket waits', () => {
      const w1 = windowNo(1);
      issue(); // A001 normal
      for (let i = 0; i < 4; i++) issue('business-startup', { key: `elder-${i}`, age: 80 }); // A002..A005
      const called = Array.from({ length: 5 }, () => queue.callNext(w1, staff).ticketNumber);
      // burst 2: two elders, then the waiting normal ticket, then the other elders
      expect(called).toEqual(['A002', 'A003', 'A001', 'A004', 'A005']);
    });

    it('calls a chosen ticket out of order', () => {
      const w1 = windowNo(1);
      issue();
      const second = issue();
      expect(queue.callTicket(w1, second.id, staff).ticketNumber).toBe('A002');
      expect(() => queue.callTicket(w1, second.id, staff)).toThrow(anError('invalid_state'));
    });

    it('counts recalls (重呼)', () => {
      const w1 = windowNo(1);
      issue();
      queue.callNext(w1, staff);
      expect(queue.recall(w1, staff).recall).toBe(1);
      expect(queue.recall(w1, staff).recall).toBe(2);
    });

    it('puts a skipped ticket back behind three waiting tickets, at most twice, then records a no-show', () => {
      const w1 = windowNo(1);
      for (let i = 0; i < 6; i++) issue(); // A001..A006
      queue.callNext(w1, staff); // A001
      expect(queue.skip(w1, staff)).toMatchObject({ status: 'waiting', skipCount: 1 });
      const order = queue.waitingFor(w1).map((t) => t.number);
      expect(order).toEqual(['A002', 'A003', 'A004', 'A001', 'A005', 'A006']);
      queue.callTicket(w1, queue.waitingFor(w1)[3]!.id, staff); // A001 again
      queue.skip(w1, staff);
      queue.callTicket(w1, queue.waitingFor(w1).find((t) => t.number === 'A001')!.id, staff);
      expect(queue.skip(w1, staff)).toMatchObject({ status: 'no_show', skipCount: 2 });
    });

    it('puts a skipped priority ticket behind three waiting tickets too; called back, it is a call, not a recall', () => {
      const w1 = windowNo(1);
      const elder = issue('business-startup', { key: 'elder', age: 80 }); // A001, elderly
      for (let i = 0; i < 4; i++) issue(); // A002..A005
      expect(queue.callNext(w1, staff).ticketNumber).toBe('A001');
      queue.recall(w1, staff);
      // The citizen keeps the class they were issued (badge, statistics) but not their precedence.
      expect(queue.skip(w1, staff)).toMatchObject({ status: 'waiting', skipCount: 1, priorityClass: 'elderly', peopleAhead: 3 });
      expect(queue.waitingFor(w1).map((t) => t.number)).toEqual(['A002', 'A003', 'A004', 'A001', 'A005']);

      const calls: Call[] = [];
      bus.subscribe((e) => {
        if (e.type === 'ticket.called') calls.push(e.call);
      });
      const called = Array.from({ length: 5 }, () => queue.callNext(w1, staff).ticketNumber);
      expect(called).toEqual(['A002', 'A003', 'A004', 'A001', 'A005']);
      // The hall screen shows 重呼 for recall > 0: a fresh call after 过号 is not one.
      expect(calls.find((c) => c.ticketId === elder.id)).toMatchObject({ ticketNumber: 'A001', recall: 0 });
      expect(queue.recentCalls().find((c) => c.ticketId === elder.id)?.recall).toBe(0);
      // The day's figures still count an elderly ticket, and its recall.
      const totals = endOfDayReport(db, queue.businessDay(), 'Asia/Shanghai').totals;
      expect(totals.priorityClasses.elderly).toBe(1);
      expect(totals.recalls).toBe(1);
    });

    it('counts a recall of a ticket called back after 过号 from that call', () => {
      const w1 = windowNo(1);
      issue(); // A001
      queue.callNext(w1, staff);
      queue.recall(w1, staff);
      queue.recall(w1, staff);
      queue.skip(w1, staff); // nobody else waits: back at the end, which is the head
      expect(queue.callNext(w1, staff)).toMatchObject({ ticketNumber: 'A001', recall: 0 });
      expect(queue.recall(w1, staff).recall).toBe(1);
    });

    it('calling the next citizen while one is served finishes them as 办结 and asks them for a rating, at the real time', () => {
      const w1 = windowNo(1);
      const first = issue(); // A001
      issue(); // A002
      queue.callNext(w1, staff);
      clock.advanceMinutes(7);
      const types: string[] = [];
      let rated: number | undefined;
      bus.subscribe((e) => {
        types.push(e.type);
        if (e.type === 'evaluation.requested') rated = e.ticketId;
      });
      expect(queue.callNext(w1, staff).ticketNumber).toBe('A002');
      expect(types).toEqual(['ticket.finished', 'evaluation.requested', 'ticket.called', 'queue.counts']);
      expect(rated).toBe(first.id);
      const row = db
        .prepare(
          'SELECT outcome, called_at AS calledAt, finished_at AS finishedAt, evaluation_requested_at AS asked FROM tickets WHERE id = ?',
        )
        .get(first.id) as { outcome: string; calledAt: string; finishedAt: string; asked: string | null };
      expect(row.outcome).toBe('done');
      expect(row.asked).not.toBeNull();
      expect(Date.parse(row.finishedAt) - Date.parse(row.calledAt)).toBe(7 * 60_000);
      // The audit says how it ended: by the call of the next citizen, not by an outcome chosen.
      const finished = listAudit(db, { limit: 50 }).find((a) => a.action === 'ticket.finish');
      expect(finished?.details).toEqual({ outcome: 'done', by: 'call_next' });
    });

    it('holds a ticket, serves another, and resumes the held one', () => {
      const w1 = windowNo(1);
      const first = issue();
      issue();
      queue.callNext(w1, staff);
      expect(queue.hold(w1, staff).status).toBe('held');
      queue.callNext(w1, staff); // A002
      expect(() => queue.resume(w1, first.id, staff)).toThrow(anError('window_busy'));
      queue.finish(w1, 'done', staff);
      expect(queue.resume(w1, first.id, staff).ticketNumber).toBe('A001');
      expect(queue.window(w1).current?.number).toBe('A001');
    });

    it('transfers to another service keeping the original time, or to a named window that calls it first', () => {
      const w1 = windowNo(1);
      const w2 = windowNo(2); // real-estate, livelihood, consulting
      issue('real-estate'); // B001, issued later than A001? no: before
      const a = issue(); // A001
      queue.callNext(w1, staff);
      expect(queue.transfer(w1, { toService: 'real-estate' }, staff)).toMatchObject({
        status: 'waiting',
        serviceCode: 'real-estate',
      });
      // B001 was issued first, so it stays ahead of the transferred A001.
      expect(queue.waitingFor(w2).map((t) => t.number)).toEqual(['B001', 'A001']);
      queue.callTicket(w2, a.id, staff);
      queue.transfer(w2, { toWindowId: windowNo(3) }, staff);
      issue('social-security'); // C001 waits at window 3's first service
      expect(queue.callNext(windowNo(3), staff).ticketNumber).toBe('A001');
    });

    it('sends a transferred ticket to the end when the hall chooses so', () => {
      db.close();
      open({ queue: { transferKeepsTime: false } });
      const w1 = windowNo(1);
      issue(); // A001
      issue('real-estate'); // B001
      queue.callNext(w1, staff);
      queue.transfer(w1, { toService: 'real-estate' }, staff);
      expect(queue.waitingFor(windowNo(2)).map((t) => t.number)).toEqual(['B001', 'A001']);
    });

    it('a paused window calls nobody until resumed', () => {
      const w1 = windowNo(1);
      issue();
      queue.setPaused(w1, true, staff);
      expect(() => queue.callNext(w1, staff)).toThrow(anError('window_paused'));
      queue.setPaused(w1, false, staff);
      expect(queue.callNext(w1, staff).ticketNumber).toBe('A001');
    });

    it('finishes with an outcome and asks for an evaluation', () => {
      const w1 = windowNo(1);
      issue();
      queue.callNext(w1, staff);
      expect(queue.finish(w1, 'needs_materials', staff)).toMatchObject({ status: 'finished', outcome: 'needs_materials' });
      const types: string[] = [];
      bus.subscribe((e) => types.push(e.type));
      queue.requestEvaluation(w1, staff);
      expect(types).toEqual(['evaluation.requested']);
    });

    it('audits every counter action with who, when and where', () => {
      const w1 = windowNo(1);
      issue();
      queue.callNext(w1, { staffId: null });
      queue.recall(w1, { staffId: null });
      queue.finish(w1, 'done', { staffId: null });
      const actions = listAudit(db, { limit: 50 }).map((a) => [a.action, a.windowId]);
      expect(actions).toEqual([
        ['ticket.call', w1],
        ['ticket.recall', w1],
        ['ticket.finish', w1],
      ]);
    });
  });

  it('publishes ticket.issued, ticket.called and queue.counts events after each commit', () => {
    const types: string[] = [];
    bus.subscribe((e) => types.push(e.type));
    issue();
    queue.callNext(windowNo(1), staff);
    expect(types).toEqual(['ticket.issued', 'queue.counts', 'ticket.called', 'queue.counts']);
  });

  it('cancels the open tickets of earlier days at the daily reset', () => {
    issue();
    clock.instant = new Date('2026-11-28T01:00:00Z');
    expect(queue.expireOldTickets()).toBe(1);
    expect(db.prepare('SELECT status FROM tickets').get()).toEqual({ status: 'cancelled' });
  });

  it('keeps numbering across a restart of the host (same file)', () => {
    issue();
    db.close();
    open();
    expect(issue().number).toBe('A002');
  });

  it('rejects a window naming an unknown service', () => {
    expect(() => queue.seed(HostConfig.parse({}).services, [{ number: 9, name: 'x', services: ['nope'] }])).toThrow(
      anError('service_unknown'),
    );
  });
});
