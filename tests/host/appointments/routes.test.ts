import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckInResponse, TodayAppointments } from '../../../contracts/appointments';
import { Appointment } from '../../../contracts/central-api';
import { ApiError } from '../../../contracts/errors';
import { CallNextResponse, IssueTicketResponse } from '../../../contracts/queue';
import { simulatedCards } from '../../../hardware/idcard';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';
import { adminAuth } from '../../platform/support/platform';
import { listenCentral, ManualClock, token, type ListeningApi } from '../sync/support';

/**
 * Appointment check-in through a real host (HTTP API, SQLite, simulated ID card reader) against
 * the district platform listening in-process. The hall clock is Friday 2026-11-27 10:00 Beijing.
 */
describe('appointment check-in through the host API and the district platform', () => {
  let central: ListeningApi;
  let clock: ManualClock;
  let host: TestHost;

  beforeEach(async () => {
    central = await listenCentral();
    clock = new ManualClock();
    host = await startTestHost({
      clock,
      config: { hallId: 'hall-01', centralApi: { url: central.baseUrl, token }, staff: await testStaffSeeds() },
    });
    // Let the pull the host started at boot finish, so each test's own refresh sees its bookings.
    await host.appointments.refresh();
  });
  afterEach(async () => {
    await host.dispose();
    await central.close();
  });

  /** Books at the central API as an operator would; times are Beijing wall-clock. */
  const book = async (
    card: { name: string; idNumber: string },
    from: string,
    to: string,
    options: { date?: string; serviceCode?: string } = {},
  ) => {
    const date = options.date ?? '2026-11-27';
    const res = await fetch(`${central.baseUrl}/v1/admin/appointments`, {
      method: 'POST',
      headers: { ...adminAuth, 'content-type': 'application/json' },
      body: JSON.stringify({
        hallId: 'hall-01',
        serviceCode: options.serviceCode ?? 'livelihood',
        slotStart: `${date}T${from}:00+08:00`,
        slotEnd: `${date}T${to}:00+08:00`,
        applicant: { name: card.name, idNumber: card.idNumber },
      }),
    });
    expect(res.status).toBe(201);
    return Appointment.parse(await res.json());
  };
  const placeCard = async (name: keyof typeof simulatedCards | null) => {
    host.devices.placeSimulatedCard(name);
    await waitFor(() => ((host.identity.view() !== null) === (name !== null) ? true : undefined), `card ${String(name)}`);
  };
  const checkIn = (payload: { by: 'card' } | { by: 'code'; code: string }) =>
    host.app.inject({ method: 'POST', url: '/api/v1/appointments/check-in', payload });
  const errorCode = (res: { json(): unknown }) => ApiError.parse(res.json()).error.code;
  const zhang = simulatedCards.zhangSan;
  const li = simulatedCards.liXiaohong;
  const elder = simulatedCards.elderWangJianguo;

  it('a card check-in gives an appointment ticket, called before walk-ins who waited longer, within the fairness burst', async () => {
    const walkIns: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await host.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { serviceCode: 'livelihood', withIdentity: false },
      });
      walkIns.push(IssueTicketResponse.parse(res.json()).ticket.number);
    }
    clock.advance(10 * 60_000);
    const byQr = [await book(li, '10:00', '10:30'), await book(elder, '10:15', '10:45')];
    await book(zhang, '10:00', '10:30');
    expect(await host.appointments.refresh()).toMatchObject({ outcome: 'updated' });

    await placeCard('zhangSan');
    const res = await checkIn({ by: 'card' });
    expect(res.statusCode).toBe(201);
    const first = CheckInResponse.parse(res.json());
    expect(first).toMatchObject({
      alreadyCheckedIn: false,
      appointment: { serviceCode: 'livelihood', serviceName: '民生事项', applicantMasked: '张*' },
      ticket: { priorityClass: 'appointment', serviceCode: 'livelihood', peopleAhead: 0 },
    });
    expect(first.progressUrl).toContain(`/ticket/${first.ticket.id}?k=`);
    expect(res.body).not.toContain(zhang.idNumber);
    expect(res.body).not.toContain(zhang.name);
    await placeCard(null);

    const appointmentTickets = [first.ticket.number];
    for (const appointment of byQr) {
      const qr = await checkIn({ by: 'code', code: appointment.code });
      expect(qr.statusCode).toBe(201);
      appointmentTickets.push(CheckInResponse.parse(qr.json()).ticket.number);
    }

    // Window 3 serves livelihood; with the default burst of 2, a walk-in goes after two appointments.
    const windowId = host.queue.windows().find((w) => w.number === 3)?.id ?? 0;
    const headers = await signIn(host.app, '1001', windowId);
    const called: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const call = await host.app.inject({ method: 'POST', url: `/api/v1/windows/${windowId}/call-next`, headers });
      called.push(CallNextResponse.parse(call.json()).call.ticketNumber);
    }
    const [a1, a2, a3] = appointmentTickets;
    const [w1, w2, w3] = walkIns;
    expect(called).toEqual([a1, a2, w1, a3, w2, w3]);
  });

  it('a second check-in returns the same ticket (by card or by its QR code); someone else’s card with the QR is refused', async () => {
    const booked = await book(zhang, '10:00', '10:30');
    await host.appointments.refresh();
    await placeCard('zhangSan');
    const first = CheckInResponse.parse((await checkIn({ by: 'card' })).json());

    const again = await checkIn({ by: 'card' });
    expect(again.statusCode).toBe(200);
    expect(CheckInResponse.parse(again.json())).toMatchObject({ alreadyCheckedIn: true, ticket: { id: first.ticket.id } });
    const byCode = await checkIn({ by: 'code', code: booked.code });
    expect(CheckInResponse.parse(byCode.json())).toMatchObject({ alreadyCheckedIn: true, ticket: { id: first.ticket.id } });

    await placeCard(null);
    await placeCard('liXiaohong');
    const notYours = await checkIn({ by: 'code', code: booked.code });
    expect(notYours.statusCode).toBe(403);
    expect(errorCode(notYours)).toBe('appointment_not_yours');
    expect(host.queue.services().find((s) => s.code === 'livelihood')?.waiting).toBe(1);
  });

  it('refuses too early, expired and unknown codes with typed errors', async () => {
    const later = await book(zhang, '11:30', '12:00');
    const past = await book(li, '09:00', '09:30');
    await host.appointments.refresh();

    await placeCard('zhangSan');
    const early = await checkIn({ by: 'card' });
    expect(early.statusCode).toBe(409);
    expect(ApiError.parse(early.json()).error).toMatchObject({
      code: 'appointment_too_early',
      details: { opensAt: '2026-11-27T02:30:00.000Z', slotStart: later.slotStart },
    });
    await placeCard(null);

    const expired = await checkIn({ by: 'code', code: past.code });
    expect(expired.statusCode).toBe(409);
    expect(ApiError.parse(expired.json()).error).toMatchObject({
      code: 'appointment_expired',
      details: { slotEnd: past.slotEnd },
    });

    const unknown = await checkIn({ by: 'code', code: 'ZZZZZZZZZZ' });
    expect(unknown.statusCode).toBe(404);
    expect(errorCode(unknown)).toBe('appointment_unknown');
    const noCard = await checkIn({ by: 'card' });
    expect(errorCode(noCard)).toBe('no_identity');
    expect((await checkIn({ by: 'code', code: '' })).statusCode).toBe(400);
  });

  it('refuses a code of another day (tomorrow’s list is pulled in the evening)', async () => {
    clock.advance(8.5 * 3_600_000); // 18:30 Beijing
    const tomorrow = await book(zhang, '09:00', '09:30', { date: '2026-11-28' });
    expect(await host.appointments.refresh()).toMatchObject({ outcome: 'updated', dates: ['2026-11-27', '2026-11-28'] });
    const res = await checkIn({ by: 'code', code: tomorrow.code });
    expect(res.statusCode).toBe(409);
    expect(ApiError.parse(res.json()).error).toMatchObject({ code: 'appointment_other_day', details: { date: '2026-11-28' } });
  });

  it('with the central API unreachable, cached appointments still check in', async () => {
    await book(zhang, '10:00', '10:30');
    const byCode = await book(li, '10:00', '10:30');
    await host.appointments.refresh();
    await central.api.close();
    clock.advance(5 * 60_000);
    expect(await host.appointments.refresh()).toMatchObject({ outcome: 'unreachable' });

    await placeCard('zhangSan');
    const res = await checkIn({ by: 'card' });
    expect(res.statusCode).toBe(201);
    expect(CheckInResponse.parse(res.json()).ticket.priorityClass).toBe('appointment');
    await placeCard(null);
    expect((await checkIn({ by: 'code', code: byCode.code })).statusCode).toBe(201);

    const headers = await signIn(host.app, '1001');
    const today = TodayAppointments.parse((await host.app.inject({ url: '/api/v1/appointments/today', headers })).json());
    expect(today).toMatchObject({ date: '2026-11-27', source: 'cache', fetchedAt: '2026-11-27T02:00:00.000Z' });
    expect(today.appointments.every((a) => a.ticketNumber !== null)).toBe(true);
  });

  it('lets an appointment in after the service’s daily limit is reached; walk-ins stay refused', async () => {
    const limit = 100; // business-appeal's default daily limit
    for (let i = 0; i < limit; i += 1) host.queue.issue({ serviceCode: 'business-appeal', identity: null });
    const walkIn = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-appeal', withIdentity: false },
    });
    expect(errorCode(walkIn)).toBe('daily_limit_reached');

    const booked = await book(zhang, '10:00', '10:30', { serviceCode: 'business-appeal' });
    await host.appointments.refresh();
    const res = await checkIn({ by: 'code', code: booked.code });
    expect(res.statusCode).toBe(201);
    expect(CheckInResponse.parse(res.json()).ticket).toMatchObject({
      serviceCode: 'business-appeal',
      number: 'E101',
      priorityClass: 'appointment',
    });
  });

  it('staff see today’s list masked; citizens do not; no raw ID number is stored', async () => {
    await book(zhang, '10:00', '10:30');
    await book(elder, '14:00', '14:30', { serviceCode: 'MS-JZZ-001' });
    await host.appointments.refresh();
    await placeCard('zhangSan');
    const ticket = CheckInResponse.parse((await checkIn({ by: 'card' })).json()).ticket;

    expect((await host.app.inject({ url: '/api/v1/appointments/today' })).statusCode).toBe(401);
    const headers = await signIn(host.app, '1001');
    const res = await host.app.inject({ url: '/api/v1/appointments/today', headers });
    expect(res.statusCode).toBe(200);
    const today = TodayAppointments.parse(res.json());
    expect(today).toMatchObject({ date: '2026-11-27', source: 'central' });
    expect(today.appointments).toEqual([
      expect.objectContaining({
        applicantMasked: '张*',
        ticketNumber: ticket.number,
        queueService: 'livelihood',
      }),
      expect.objectContaining({
        applicantMasked: '王**',
        serviceCode: 'MS-JZZ-001',
        queueService: 'livelihood',
        ticketNumber: null,
      }),
    ]);
    for (const secret of [zhang.idNumber, elder.idNumber, zhang.name, elder.name]) expect(res.body).not.toContain(secret);

    const rows = JSON.stringify(host.db.prepare('SELECT * FROM appointments').all());
    for (const secret of [zhang.idNumber, elder.idNumber, zhang.name, elder.name]) expect(rows).not.toContain(secret);
    host.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = join(host.dataDir, 'hall.sqlite');
    for (const f of [file, `${file}-wal`].filter((p) => existsSync(p))) {
      const bytes = readFileSync(f).toString('latin1');
      expect(bytes).not.toContain(zhang.idNumber);
      expect(bytes).not.toContain(elder.idNumber);
    }
  });
});
