import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment, AppointmentsResponse } from '../../../contracts/central-api';
import { HostConfig, type HostConfigInput } from '../../../contracts/config';
import { openDatabase, type Db } from '../../../db/open';
import {
  AppointmentBook,
  type AppointmentBookOptions,
  type AppointmentSource,
} from '../../../host/appointments/appointment-book';
import { AppointmentMatchingKey } from '../../../host/appointments/matching-key';
import type { Clock } from '../../../host/clock/clock';
import { HALL_CATALOG } from '../../../contracts/hall-catalog';
import { EventBus } from '../../../host/events/event-bus';
import { HostError } from '../../../host/errors/host-error';
import { IdentityKeyer } from '../../../host/identity/identity-key';
import type { CitizenCard } from '../../../host/identity/identity-sessions';
import { QueueService } from '../../../host/queue/queue-service';
import type { CentralResult } from '../../../host/sync/central-client';
import { migrationsDir } from '../../support/test-host';

/** The hall's clock (host/clock/clock.ts's Clock), moved by the test. */
class FakeClock implements Clock {
  constructor(private ms: number) {}
  now(): Date {
    return new Date(this.ms);
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

/**
 * A stubbed central API: the lists it answers per date, and a switch that makes it unreachable.
 * (The real platform is exercised in routes.test.ts.)
 */
class StubSource implements AppointmentSource {
  readonly byDate = new Map<string, Appointment[]>();
  down = false;
  calls: string[] = [];
  async appointments(hallId: string, date: string): Promise<CentralResult<AppointmentsResponse>> {
    this.calls.push(date);
    if (this.down) return { ok: false, kind: 'retryable', message: 'network error (ECONNREFUSED)' };
    return { ok: true, status: 200, body: { appointments: (this.byDate.get(date) ?? []).filter((a) => a.hallId === hallId) } };
  }
}

const HALL = 'hall-01';
const ZHANG: CitizenCard = { kind: 'resident', name: '张三', idNumber: '110105198503150019', birthDate: '1985-03-15' };
const LI: CitizenCard = { kind: 'resident', name: '李小红', idNumber: '310104199207080023', birthDate: '1992-07-08' };
const ELDER: CitizenCard = { kind: 'resident', name: '王建国', idNumber: '420106195001010038', birthDate: '1950-01-01' };
/** Friday 2026-11-27, 10:00 in Beijing. */
const FRIDAY_10AM = '2026-11-27T02:00:00Z';

let seq = 0;
/** The hall's matching key, as the central API and the hall share it. */
const MATCHING_KEY = AppointmentMatchingKey.demo(HALL);
/** A booking as the central API lists it; times are Beijing wall-clock on 2026-11-27 unless a date is given. */
function booking(card: CitizenCard, from: string, to: string, extra: Partial<Appointment> & { date?: string } = {}): Appointment {
  seq += 1;
  const date = extra.date ?? '2026-11-27';
  return {
    id: `appt-${seq}`,
    hallId: HALL,
    serviceCode: 'livelihood',
    slotStart: new Date(`${date}T${from}:00+08:00`).toISOString(),
    slotEnd: new Date(`${date}T${to}:00+08:00`).toISOString(),
    applicantName: card.name,
    idNumberTag: MATCHING_KEY.tagOf(card.idNumber),
    code: `CODE${String(seq).padStart(6, '2')}`,
    ...extra,
  };
}

const refused = (code: string) => expect.objectContaining({ name: 'HostError', code }) as unknown as HostError;

describe('AppointmentBook (stubbed central source, real SQLite and QueueService)', () => {
  let dir: string;
  let db: Db;
  let clock: FakeClock;
  let source: StubSource;
  let queue: QueueService;
  let keyer: IdentityKeyer;
  let book: AppointmentBook;

  const open = (config: HostConfigInput = {}, options: Partial<AppointmentBookOptions> = {}) => {
    const c = HostConfig.parse(config);
    queue = new QueueService({ db, bus: new EventBus(), clock, timeZone: c.timeZone, hours: c.hours, policy: c.queue });
    queue.seed(c.services, c.windows);
    book = newBook(options);
  };
  const newBook = (options: Partial<AppointmentBookOptions> = {}) =>
    new AppointmentBook({
      db,
      source,
      queue,
      clock,
      hallId: HALL,
      timeZone: 'Asia/Shanghai',
      keyOf: (id) => keyer.keyOf(id),
      tagOf: (id) => MATCHING_KEY.tagOf(id),
      catalog: { item: (code) => HALL_CATALOG.find((i) => i.code === code) },
      ...options,
    });
  const listToday = (...appointments: Appointment[]) => source.byDate.set('2026-11-27', appointments);
  const windowServing = (service: string) => queue.windows().find((w) => w.services.includes(service))?.id ?? 0;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'appointments-'));
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
    clock = new FakeClock(Date.parse(FRIDAY_10AM));
    source = new StubSource();
    keyer = IdentityKeyer.ephemeral();
    open();
  });
  afterEach(() => {
    book.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('pulling and caching', () => {
    it('caches today’s list with masked names only, and serves it when the source is unreachable (also after a restart)', async () => {
      listToday(booking(ZHANG, '10:00', '10:30'), booking(LI, '11:00', '11:30'));
      expect(await book.refresh()).toEqual({ outcome: 'updated', dates: ['2026-11-27'] });
      const fresh = book.today();
      expect(fresh).toMatchObject({ date: '2026-11-27', source: 'central', fetchedAt: clock.now().toISOString() });
      expect(fresh.appointments.map((a) => a.applicantMasked)).toEqual(['张*', '李**']);
      expect(fresh.appointments[0]).toMatchObject({ queueService: 'livelihood', checkedInAt: null });
      // No part of the ID number is cached or listed: the tag alone matches a card.
      expect(JSON.stringify(fresh)).not.toContain('0019');
      expect(JSON.stringify(db.prepare('SELECT * FROM appointments').all())).not.toContain('0019');
      expect(JSON.stringify(fresh)).not.toContain('CODE');

      source.down = true;
      clock.advanceMinutes(5);
      expect(await book.refresh()).toMatchObject({ outcome: 'unreachable', error: expect.stringContaining('ECONNREFUSED') });
      expect(book.today()).toMatchObject({ source: 'cache', fetchedAt: FRIDAY_10AM.replace('Z', '.000Z') });
      expect(book.today().appointments).toHaveLength(2);

      // A restarted host with the network still down checks in from the stored copy.
      const restarted = newBook();
      expect(restarted.today()).toMatchObject({ source: 'cache' });
      const done = await restarted.checkIn({ by: 'card' }, ZHANG);
      expect(done.ticket.priorityClass).toBe('appointment');
    });

    it('keeps no full name or ID number in the database', async () => {
      listToday(booking(ZHANG, '10:00', '10:30'));
      await book.refresh();
      await book.checkIn({ by: 'card' }, ZHANG);
      const rows = JSON.stringify(db.prepare('SELECT * FROM appointments').all());
      expect(rows).not.toContain(ZHANG.idNumber);
      expect(rows).not.toContain(ZHANG.name);
      expect(rows).toContain('张*');
    });

    it('replacing a day keeps check-ins, updates moved slots and drops bookings cancelled centrally', async () => {
      const kept = booking(ZHANG, '10:00', '10:30');
      const cancelled = booking(LI, '11:00', '11:30');
      const moved = booking(ELDER, '15:00', '15:30');
      listToday(kept, cancelled, moved);
      await book.refresh();
      const first = await book.checkIn({ by: 'code', code: kept.code }, null);

      // The central list now omits the checked-in one too (e.g. cancelled after arrival).
      listToday({ ...moved, slotStart: '2026-11-27T08:00:00.000Z', slotEnd: '2026-11-27T08:30:00.000Z' });
      await book.refresh();
      const ids = book.today().appointments.map((a) => [a.id, a.slotStart, a.ticketNumber]);
      expect(ids).toEqual([
        [kept.id, kept.slotStart, first.ticket.number],
        [moved.id, '2026-11-27T08:00:00.000Z', null],
      ]);
    });

    it('pulls tomorrow’s list too in the evening, and purges dates past the retention', async () => {
      clock.set('2026-11-27T09:30:00Z'); // 17:30 local
      await book.refresh();
      expect(source.calls).toEqual(['2026-11-27']);
      clock.set('2026-11-27T10:05:00Z'); // 18:05 local
      await book.refresh();
      expect(source.calls).toEqual(['2026-11-27', '2026-11-27', '2026-11-28']);

      db.prepare(
        `INSERT INTO appointments (id, business_date, service_code, slot_start, slot_end, applicant_masked, id_tag, code, fetched_at)
         VALUES ('old', '2026-11-01', 'livelihood', 'x', 'y', '张*', 't', 'OLD', 'z')`,
      ).run();
      await book.refresh();
      expect(db.prepare("SELECT count(*) AS n FROM appointments WHERE id = 'old'").get()).toEqual({ n: 0 });
    });

    it('never throws for a source that throws, and shares one pull between concurrent callers', async () => {
      const throwing: AppointmentSource = {
        appointments: () => Promise.reject(new Error('boom')),
      };
      const b = newBook({ source: throwing });
      await expect(b.refresh()).resolves.toMatchObject({ outcome: 'unreachable' });

      listToday(booking(ZHANG, '10:00', '10:30'));
      const [a, c] = [book.refresh(), book.refresh()];
      expect(a).toBe(c);
      await a;
      expect(source.calls).toEqual(['2026-11-27']);
    });
  });

  describe('check-in', () => {
    it('by card: an appointment-priority ticket bound to the card; a repeat gives the same ticket; once served it is used', async () => {
      listToday(booking(ZHANG, '10:00', '10:30'));
      await book.refresh();
      const first = await book.checkIn({ by: 'card' }, ZHANG);
      expect(first).toMatchObject({
        alreadyCheckedIn: false,
        appointment: { serviceCode: 'livelihood', serviceName: '民生事项', applicantMasked: '张*' },
        ticket: { priorityClass: 'appointment', serviceCode: 'livelihood', status: 'waiting' },
      });
      const again = await book.checkIn({ by: 'card' }, ZHANG);
      expect(again).toMatchObject({ alreadyCheckedIn: true, ticket: { id: first.ticket.id } });
      expect(book.today().appointments[0]).toMatchObject({
        checkedInAt: FRIDAY_10AM.replace('Z', '.000Z'),
        ticketNumber: first.ticket.number,
      });

      // The card's key is on the ticket: the one-ticket-per-service rule holds for walk-in tickets too.
      expect(() => queue.issue({ serviceCode: 'livelihood', identity: { key: keyer.keyOf(ZHANG.idNumber), age: 41 } })).toThrow(
        refused('duplicate_ticket'),
      );

      const w = windowServing('livelihood');
      queue.callNext(w, { staffId: null });
      queue.finish(w, 'done', { staffId: null });
      await expect(book.checkIn({ by: 'card' }, ZHANG)).rejects.toThrow(refused('appointment_used'));
    });

    it('an elder’s appointment ticket is an appointment ticket; a card with no booking today is told so', async () => {
      listToday(booking(ELDER, '10:00', '10:30'));
      await book.refresh();
      expect((await book.checkIn({ by: 'card' }, ELDER)).ticket.priorityClass).toBe('appointment');
      await expect(book.checkIn({ by: 'card' }, LI)).rejects.toThrow(refused('appointment_unknown'));
      await expect(book.checkIn({ by: 'card' }, null)).rejects.toThrow(refused('no_identity'));
    });

    it('opens 60 minutes before the slot and closes at its end', async () => {
      const later = booking(ZHANG, '11:30', '12:00');
      const past = booking(LI, '09:00', '09:30');
      listToday(later, past);
      await book.refresh();
      await expect(book.checkIn({ by: 'card' }, ZHANG)).rejects.toThrow(refused('appointment_too_early'));
      const early = await book.checkIn({ by: 'card' }, ZHANG).catch((e: unknown) => e);
      expect(early).toBeInstanceOf(HostError);
      expect((early as HostError).details).toEqual({ opensAt: '2026-11-27T02:30:00.000Z', slotStart: later.slotStart });
      expect((early as HostError).message).toContain('10:30');
      await expect(book.checkIn({ by: 'code', code: past.code }, null)).rejects.toThrow(refused('appointment_expired'));

      clock.set('2026-11-27T02:30:00Z'); // exactly when check-in opens
      expect((await book.checkIn({ by: 'card' }, ZHANG)).alreadyCheckedIn).toBe(false);
    });

    it('by card with several bookings today: the one whose check-in is open', async () => {
      const afternoon = booking(ZHANG, '15:00', '15:30', { serviceCode: 'social-security' });
      const now = booking(ZHANG, '10:15', '10:45');
      listToday(afternoon, now);
      await book.refresh();
      const done = await book.checkIn({ by: 'card' }, ZHANG);
      expect(done.appointment.id).toBe(now.id);
    });

    it('by code: the QR alone is enough; someone else’s card on the reader is refused; codes are case-insensitive', async () => {
      const mine = booking(ZHANG, '10:00', '10:30');
      listToday(mine);
      await book.refresh();
      await expect(book.checkIn({ by: 'code', code: mine.code }, LI)).rejects.toThrow(refused('appointment_not_yours'));
      const withCard = await book.checkIn({ by: 'code', code: ` ${mine.code.toLowerCase()} ` }, ZHANG);
      expect(withCard.alreadyCheckedIn).toBe(false);
      const qrOnly = await book.checkIn({ by: 'code', code: mine.code }, null);
      expect(qrOnly).toMatchObject({ alreadyCheckedIn: true, ticket: { id: withCard.ticket.id } });
      await expect(book.checkIn({ by: 'code', code: 'NOSUCHCODE' }, null)).rejects.toThrow(refused('appointment_unknown'));
    });

    it('a code of another day is refused with its date', async () => {
      open({}, { tomorrowFromHour: 0 });
      const tomorrow = booking(ZHANG, '10:00', '10:30', { date: '2026-11-28' });
      source.byDate.set('2026-11-28', [tomorrow]);
      await book.refresh();
      const error = await book.checkIn({ by: 'code', code: tomorrow.code }, null).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'appointment_other_day', details: { date: '2026-11-28' } });
    });

    it('a booking made minutes ago is found by one more pull on a miss', async () => {
      await book.refresh();
      listToday(booking(ZHANG, '10:00', '10:30'));
      clock.advanceMinutes(1);
      expect((await book.checkIn({ by: 'card' }, ZHANG)).ticket.priorityClass).toBe('appointment');
    });

    it('a booking for a catalog item queues at its category’s service, named after the item', async () => {
      listToday(booking(ZHANG, '10:00', '10:30', { serviceCode: 'MS-JZZ-001' }));
      await book.refresh();
      const done = await book.checkIn({ by: 'card' }, ZHANG);
      expect(done.ticket.serviceCode).toBe('livelihood');
      expect(done.appointment.serviceName).toBe(HALL_CATALOG.find((i) => i.code === 'MS-JZZ-001')?.name);

      listToday(booking(LI, '10:00', '10:30', { serviceCode: 'NOT-HERE' }));
      await book.refresh();
      await expect(book.checkIn({ by: 'card' }, LI)).rejects.toThrow(refused('service_unknown'));
    });
  });

  describe('limits and hours', () => {
    const tight = {
      services: [
        {
          code: 'livelihood',
          name: '民生事项',
          nameEn: 'Livelihood',
          prefix: 'D',
          numberStart: 1,
          numberEnd: 5,
          dailyLimit: 1,
          slotMinutes: 30,
          slotLimit: 1,
        },
      ],
      windows: [{ number: 1, name: '民生', services: ['livelihood'] }],
    } satisfies HostConfigInput;

    it('an appointment gets in past the daily and the slot limit (its slot was reserved), but not past the number range', async () => {
      open(tight);
      queue.issue({ serviceCode: 'livelihood', identity: null });
      expect(() => queue.issue({ serviceCode: 'livelihood', identity: null })).toThrow(refused('daily_limit_reached'));
      const bookings = [ZHANG, LI, ELDER].map((card) => booking(card, '10:00', '10:30'));
      const extra = [1, 2].map(() => booking(ZHANG, '10:00', '10:30'));
      listToday(...bookings, ...extra);
      await book.refresh();
      for (const b of bookings)
        expect((await book.checkIn({ by: 'code', code: b.code }, null)).ticket.priorityClass).toBe('appointment');
      await book.checkIn({ by: 'code', code: extra[0]?.code ?? '' }, null); // D005, the last number
      await expect(book.checkIn({ by: 'code', code: extra[1]?.code ?? '' }, null)).rejects.toThrow(
        refused('daily_limit_reached'),
      );
      // Walk-ins stay refused.
      expect(() => queue.issue({ serviceCode: 'livelihood', identity: null })).toThrow(refused('daily_limit_reached'));
    });

    it('closed hours still apply', async () => {
      clock.set('2026-11-26T23:40:00Z'); // Friday 07:40, before the hall opens at 08:30
      listToday(booking(ZHANG, '08:00', '08:30'));
      await book.refresh();
      await expect(book.checkIn({ by: 'card' }, ZHANG)).rejects.toThrow(refused('service_closed'));
      expect(book.today().appointments[0]?.checkedInAt).toBeNull();
    });
  });

  describe('QueueService.issue within', () => {
    it('runs inside the ticket’s transaction: if it throws, neither the ticket nor its number is kept', () => {
      const before = queue.services().find((s) => s.code === 'livelihood')?.waiting;
      expect(() =>
        queue.issue(
          { serviceCode: 'livelihood', identity: null },
          {
            within: () => {
              throw new HostError('invalid_state', 'no');
            },
          },
        ),
      ).toThrow(refused('invalid_state'));
      expect(queue.services().find((s) => s.code === 'livelihood')?.waiting).toBe(before);
      expect(queue.issue({ serviceCode: 'livelihood', identity: null }).number).toBe('D001');
    });
  });
});
