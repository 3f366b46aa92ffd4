import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppointmentOverview, CheckInResponse } from '../../../contracts/appointments';
import { Appointment, type AppointmentsResponse } from '../../../contracts/central-api';
import { simulatedCards } from '../../../hardware/idcard';
import { HostConfig } from '../../../contracts/config';
import { openDatabase, type Db } from '../../../db/open';
import type { AppointmentDayRow } from '../../../db/repositories/appointments';
import { AppointmentBook, type AppointmentSource } from '../../../host/appointments/appointment-book';
import { appointmentStatus, overviewRows, slotCounts } from '../../../host/appointments/day-overview';
import { AppointmentMatchingKey } from '../../../host/appointments/matching-key';
import { EventBus } from '../../../host/events/event-bus';
import { IdentityKeyer } from '../../../host/identity/identity-key';
import { QueueService } from '../../../host/queue/queue-service';
import type { CentralResult } from '../../../host/sync/central-client';
import { signIn, testStaffSeeds } from '../../support/staff';
import { migrationsDir, startTestHost, type TestHost } from '../../support/test-host';
import { adminAuth } from '../../platform/support/platform';
import { listenCentral, ManualClock, token, type ListeningApi } from '../sync/support';

const HALL = 'hall-01';
const MATCHING_KEY = AppointmentMatchingKey.demo(HALL);
/** ManualClock's start: Friday 2026-11-27 10:00 in Beijing. */
const beijing = (time: string) => new Date(`2026-11-27T${time}:00+08:00`).toISOString();

describe('a booking’s status today', () => {
  const row = (overrides: Partial<AppointmentDayRow>): AppointmentDayRow => ({
    id: 'a',
    serviceCode: 'livelihood',
    slotStart: beijing('10:00'),
    slotEnd: beijing('10:30'),
    applicantMasked: '张*',
    checkedInAt: null,
    cancelledAt: null,
    ticketNumber: null,
    ticketStatus: null,
    ...overrides,
  });
  const at = (time: string) => new Date(beijing(time));

  it('is booked until its slot ends, then a no-show if nobody checked in', () => {
    expect(appointmentStatus(row({}), at('10:29'))).toBe('booked');
    expect(appointmentStatus(row({}), at('10:30'))).toBe('no_show');
  });

  it('is checked in once a ticket was issued, whatever the clock; a no-show if the ticket was called and nobody came', () => {
    const checkedIn = { checkedInAt: beijing('09:50'), ticketNumber: 'B001' };
    expect(appointmentStatus(row({ ...checkedIn, ticketStatus: 'waiting' }), at('11:00'))).toBe('checked_in');
    expect(appointmentStatus(row({ ...checkedIn, ticketStatus: 'finished' }), at('11:00'))).toBe('checked_in');
    expect(appointmentStatus(row({ ...checkedIn, ticketStatus: 'no_show' }), at('11:00'))).toBe('no_show');
  });

  it('is cancelled when the central API dropped it, before any other reading', () => {
    expect(appointmentStatus(row({ cancelledAt: beijing('09:00') }), at('11:00'))).toBe('cancelled');
  });

  it('counts each slot’s bookings by status, in slot order', () => {
    const rows = overviewRows(
      [
        row({ id: '1' }),
        row({ id: '2', checkedInAt: beijing('09:55'), ticketNumber: 'B001', ticketStatus: 'called' }),
        row({ id: '3', cancelledAt: beijing('09:00') }),
        row({ id: '4', slotStart: beijing('10:30'), slotEnd: beijing('11:00') }),
      ],
      at('10:00'),
      () => '民生事项',
    );
    expect(rows[1]).toMatchObject({
      serviceName: '民生事项',
      status: 'checked_in',
      ticket: { number: 'B001', status: 'called' },
    });
    expect(slotCounts(rows)).toEqual([
      { slotStart: beijing('10:00'), slotEnd: beijing('10:30'), total: 3, booked: 1, checkedIn: 1, noShow: 0, cancelled: 1 },
      { slotStart: beijing('10:30'), slotEnd: beijing('11:00'), total: 1, booked: 1, checkedIn: 0, noShow: 0, cancelled: 0 },
    ]);
  });
});

/** A stubbed central API: the day's list, as the test sets it. */
class StubSource implements AppointmentSource {
  list: Appointment[] = [];
  async appointments(): Promise<CentralResult<AppointmentsResponse>> {
    return { ok: true, status: 200, body: { appointments: this.list } };
  }
}

describe('AppointmentBook.overview (real SQLite and queue)', () => {
  let dir: string;
  let db: Db;
  let clock: ManualClock;
  let source: StubSource;
  let book: AppointmentBook;
  const keyer = IdentityKeyer.ephemeral();
  const booking = (id: string, from: string, to: string, name: string): Appointment => ({
    id,
    hallId: HALL,
    serviceCode: 'livelihood',
    slotStart: beijing(from),
    slotEnd: beijing(to),
    applicantName: name,
    idNumberTag: MATCHING_KEY.tagOf(`11010519850315${id.padStart(4, '0')}`),
    code: `CODE-${id}`,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'appointment-overview-'));
    db = openDatabase(join(dir, 'hall.sqlite'), { migrationsDir, synchronous: 'NORMAL' });
    clock = new ManualClock();
    source = new StubSource();
    const c = HostConfig.parse({});
    const queue = new QueueService({ db, bus: new EventBus(), clock, timeZone: c.timeZone, hours: c.hours, policy: c.queue });
    queue.seed(c.services, c.windows);
    book = new AppointmentBook({
      db,
      source,
      queue,
      clock,
      hallId: HALL,
      timeZone: 'Asia/Shanghai',
      keyOf: (id) => keyer.keyOf(id),
      tagOf: (id) => MATCHING_KEY.tagOf(id),
    });
  });
  afterEach(() => {
    book.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows booked, checked-in and cancelled bookings with masked names and the check-in’s ticket; a cancelled QR checks nothing in', async () => {
    source.list = [
      booking('1', '10:00', '10:30', '张三'),
      booking('2', '10:00', '10:30', '李四'),
      booking('3', '11:00', '11:30', '王五'),
    ];
    await book.refresh();
    const checkedIn = await book.checkInHolder({ by: 'code', code: 'CODE-1' }, null);
    // The central API no longer lists booking 2 (cancelled by the citizen).
    source.list = [booking('1', '10:00', '10:30', '张三'), booking('3', '11:00', '11:30', '王五')];
    await book.refresh();

    const overview = book.overview({ limit: 100, offset: 0 });
    expect(overview).toMatchObject({ date: '2026-11-27', source: 'central', next: null });
    expect(overview.appointments.map((a) => [a.id, a.applicantMasked, a.status, a.ticket?.number ?? null])).toEqual([
      ['1', '张*', 'checked_in', checkedIn.ticket.number],
      ['2', '李*', 'cancelled', null],
      ['3', '王*', 'booked', null],
    ]);
    expect(overview.slots.map((s) => [s.total, s.checkedIn, s.cancelled, s.booked])).toEqual([
      [2, 1, 1, 0],
      [1, 0, 0, 1],
    ]);
    // No check-in code (a credential) and no tag in the reply.
    expect(JSON.stringify(overview)).not.toContain('CODE-');
    expect(JSON.stringify(overview)).not.toContain(MATCHING_KEY.tagOf('110105198503150003'));
    // The counter staff's list of today keeps to the bookings still standing.
    expect(book.today().appointments.map((a) => a.id)).toEqual(['1', '3']);
    await expect(book.checkInHolder({ by: 'code', code: 'CODE-2' }, null)).rejects.toMatchObject({ code: 'appointment_unknown' });

    // Listed again (the citizen re-booked the same slot): it stands again.
    source.list = [
      booking('1', '10:00', '10:30', '张三'),
      booking('2', '10:00', '10:30', '李四'),
      booking('3', '11:00', '11:30', '王五'),
    ];
    await book.refresh();
    expect(book.overview({ limit: 100, offset: 0 }).appointments[1]?.status).toBe('booked');
    expect((await book.checkInHolder({ by: 'code', code: 'CODE-2' }, null)).alreadyCheckedIn).toBe(false);
  });

  it('pages the list by slot while counting the whole day', async () => {
    source.list = [
      booking('1', '10:00', '10:30', '张三'),
      booking('2', '10:30', '11:00', '李四'),
      booking('3', '11:00', '11:30', '王五'),
    ];
    await book.refresh();
    const first = book.overview({ limit: 2, offset: 0 });
    expect([first.appointments.map((a) => a.id), first.next, first.slots.length]).toEqual([['1', '2'], 2, 3]);
    const second = book.overview({ limit: 2, offset: 2 });
    expect([second.appointments.map((a) => a.id), second.next]).toEqual([['3'], null]);
  });
});

describe('GET /manager/appointments through a real host and the district platform', () => {
  let central: ListeningApi;
  let host: TestHost;

  beforeEach(async () => {
    central = await listenCentral();
    host = await startTestHost({
      clock: new ManualClock(),
      config: { hallId: HALL, centralApi: { url: central.baseUrl, token }, staff: await testStaffSeeds() },
    });
    await host.appointments.refresh();
  });
  afterEach(async () => {
    await host.dispose();
    await central.close();
  });

  it('shows a supervisor a checked-in booking with its ticket, masked, and the slot’s counts', async () => {
    const booked = await fetch(`${central.baseUrl}/v1/admin/appointments`, {
      method: 'POST',
      headers: { ...adminAuth, 'content-type': 'application/json' },
      body: JSON.stringify({
        hallId: HALL,
        serviceCode: 'livelihood',
        slotStart: '2026-11-27T10:00:00+08:00',
        slotEnd: '2026-11-27T10:30:00+08:00',
        applicant: { name: simulatedCards.zhangSan.name, idNumber: simulatedCards.zhangSan.idNumber },
      }),
    });
    const code = Appointment.parse(await booked.json()).code;
    await host.appointments.refresh();
    const checkedIn = await host.app.inject({
      method: 'POST',
      url: '/api/v1/appointments/check-in',
      payload: { by: 'code', code },
    });
    expect(checkedIn.statusCode, checkedIn.body).toBe(201);
    const ticket = CheckInResponse.parse(checkedIn.json()).ticket;

    const res = await host.app.inject({ url: '/api/v1/manager/appointments', headers: await signIn(host.app, '9001') });
    expect(res.statusCode, res.body).toBe(200);
    const overview = AppointmentOverview.parse(res.json());
    expect(overview.appointments).toEqual([
      expect.objectContaining({
        applicantMasked: '张*',
        status: 'checked_in',
        ticket: { number: ticket.number, status: 'waiting' },
      }),
    ]);
    expect(overview.slots).toEqual([expect.objectContaining({ total: 1, checkedIn: 1 })]);
    for (const secret of [simulatedCards.zhangSan.name, simulatedCards.zhangSan.idNumber, code])
      expect(res.body).not.toContain(secret);
  });
});
