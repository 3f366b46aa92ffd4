import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CurrentIdentity } from '../../../contracts/identity';
import type { HallEvent } from '../../../contracts/events';
import { HallLinkStatus } from '../../../contracts/hall-link';
import { PairingCode, TerminalList } from '../../../contracts/pairing';
import { IssueTicketResponse, ServiceList } from '../../../contracts/queue';
import { simulatedCards } from '../../../hardware/idcard';
import { AppointmentMatchingKey } from '../../../host/appointments/matching-key';
import { localDate } from '../../../host/clock/clock';
import { PrinterDevice } from '../../../host/devices/printer-device';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';

const READER = { id: 'idcard-1', kind: 'idcard' as const, transport: { type: 'simulated' as const }, pollIntervalMs: 20 };
const SECONDARY_DEVICES = [READER, { id: 'printer-1', kind: 'printer' as const, transport: { type: 'simulated' as const } }];

/**
 * Two real hosts on loopback: the hall (queue, counters) and a secondary kiosk whose terminal
 * settings point at it. Everything between them goes over HTTP and the WebSocket event stream.
 */
describe('a secondary kiosk using the hall host’s queue', () => {
  let hall: TestHost;
  let hallUrl: string;
  let kiosk: TestHost;

  const startHall = async (dataDir?: string, port = 0) => {
    const host = await startTestHost({
      config: { staff: await testStaffSeeds(), devices: [READER], hallName: '东城区政务服务中心' },
      ...(dataDir === undefined ? {} : { dataDir }),
    });
    await host.app.listen({ host: '127.0.0.1', port });
    return host;
  };

  beforeEach(async () => {
    hall = await startHall();
    const address = hall.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('hall not listening');
    hallUrl = `http://127.0.0.1:${address.port}`;
    kiosk = await startTestHost({
      config: { staff: await testStaffSeeds(), devices: SECONDARY_DEVICES, hallUrl, terminalId: 'kiosk-02' },
    });
    await waitFor(() => (kiosk.devices.health().every((h) => h.state === 'ok') ? true : undefined), 'kiosk devices ok');
  });
  afterEach(async () => {
    await kiosk.dispose();
    await hall.dispose();
  });

  const linkState = async () => HallLinkStatus.parse((await kiosk.app.inject({ url: '/api/v1/hall-link' })).json()).state;
  const waitForState = (state: HallLinkStatus['state']) =>
    waitFor(async () => ((await linkState()) === state ? true : undefined), `hall link ${state}`);
  const pairingCode = async () => {
    const res = await hall.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: await signIn(hall.app, '8001') });
    return PairingCode.parse(res.json()).code;
  };
  const pair = async () => {
    const res = await kiosk.app.inject({
      method: 'POST',
      url: '/api/v1/hall-link/pair',
      headers: await signIn(kiosk.app, '8001'),
      payload: { code: await pairingCode() },
    });
    expect(res.statusCode, res.body).toBe(200);
    await waitForState('online');
  };
  const placeCard = async (host: TestHost, cardId = 'zhangSan') => {
    const placed = await host.app.inject({ method: 'POST', url: '/api/v1/simulator/idcard/place', payload: { cardId } });
    expect(placed.statusCode).toBe(204);
    await waitFor(
      async () =>
        CurrentIdentity.parse((await host.app.inject({ url: '/api/v1/identity' })).json()).identity ? true : undefined,
      'card read',
    );
  };
  const takeTicket = (host: TestHost, serviceCode = 'livelihood') =>
    host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode, withIdentity: true } });
  const printedPages = () => {
    const printer = kiosk.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    return printer.virtualPrinter.pages.map((p) => p.lines.map((l) => l.text).join('\n'));
  };

  it('refuses tickets until a technician pairs it with the code shown on the hall', async () => {
    expect(await linkState()).toBe('unpaired');
    const refused = await takeTicket(kiosk);
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.code).toBe('hall_unpaired');

    // A staff member (not a technician) cannot pair the kiosk; a wrong code is refused by the hall.
    const byStaff = await kiosk.app.inject({
      method: 'POST',
      url: '/api/v1/hall-link/pair',
      headers: await signIn(kiosk.app, '1001'),
      payload: { code: '123456' },
    });
    expect(byStaff.statusCode).toBe(403);
    const wrongCode = await kiosk.app.inject({
      method: 'POST',
      url: '/api/v1/hall-link/pair',
      headers: await signIn(kiosk.app, '8001'),
      payload: { code: '000000' },
    });
    expect(wrongCode.json().error.code).toBe('pairing_invalid');

    await pair();
    const terminals = TerminalList.parse(
      (await hall.app.inject({ url: '/api/v1/pairing/terminals', headers: await signIn(hall.app, '8001') })).json(),
    ).terminals;
    expect(terminals.map((t) => [t.name, t.kind])).toEqual([['kiosk-02', 'host']]);
    // Its screens show the hall's name and idle time, not its own first-boot defaults.
    expect((await kiosk.app.inject({ url: '/api/v1/hall/info' })).json()).toMatchObject({ hallName: '东城区政务服务中心' });
    expect(ServiceList.parse((await kiosk.app.inject({ url: '/api/v1/services' })).json()).services.map((s) => s.code)).toEqual(
      ServiceList.parse((await hall.app.inject({ url: '/api/v1/services' })).json()).services.map((s) => s.code),
    );
  });

  it('issues the ticket in the hall’s queue, prints it on its own printer, and one card holds one ticket hall-wide', async () => {
    await pair();
    await placeCard(kiosk);
    const res = await takeTicket(kiosk);
    expect(res.statusCode, res.body).toBe(201);
    const { ticket, progressUrl } = IssueTicketResponse.parse(res.json());
    expect(ticket.number).toBe('D001');
    expect(ticket.printStatus).toBe('printed');
    // The QR opens the hall's progress page (its tag is the hall's); the kiosk relays it too.
    const tag = new URL(progressUrl).searchParams.get('k') ?? '';
    const progress = await kiosk.app.inject({ url: `/api/v1/tickets/${ticket.id}/progress?k=${tag}` });
    expect(progress.json().ticket).toMatchObject({ number: 'D001', status: 'waiting' });
    // The hall holds the ticket and knows it came out of the printer.
    expect(hall.queue.ticket(ticket.id)).toMatchObject({ number: 'D001', printStatus: 'printed' });
    const page = printedPages().at(-1) ?? '';
    expect(page).toContain('D001');
    expect(page).not.toContain('张三');

    // The same card at the hall's own kiosk: the hall's queue key is the same, so no second place.
    await placeCard(hall);
    const second = await takeTicket(hall);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('duplicate_ticket');
  });

  it('asks the hall for a steward (once per card) and checks appointments in at the hall', async () => {
    await pair();
    await placeCard(kiosk);
    const first = await kiosk.app.inject({ method: 'POST', url: '/api/v1/steward-requests' });
    expect(first.statusCode, first.body).toBe(201);
    const { ticket } = IssueTicketResponse.parse(first.json());
    expect(ticket).toMatchObject({ serviceCode: 'steward', priorityClass: 'vip', printStatus: 'printed' });
    expect(hall.queue.ticket(ticket.id).number).toBe(ticket.number);
    const again = IssueTicketResponse.parse((await kiosk.app.inject({ method: 'POST', url: '/api/v1/steward-requests' })).json());
    expect(again.ticket.id).toBe(ticket.id);
    expect(printedPages()).toHaveLength(1);

    // The hall looks the booking up (its central API is down here): its own refusal comes back.
    const checkIn = await kiosk.app.inject({
      method: 'POST',
      url: '/api/v1/appointments/check-in',
      payload: { by: 'code', code: 'NOSUCHCODE' },
    });
    expect(checkIn.json().error.code).toBe('appointment_unknown');
  });

  it('checks a booking in by the card on its reader: the hall handed over its matching key at pairing', async () => {
    await pair();
    // A booking of the card's holder in the hall's cache, tagged as the central API tags it.
    const now = Date.now();
    hall.db
      .prepare(
        `INSERT INTO appointments (id, business_date, service_code, slot_start, slot_end, applicant_masked, id_tag, code, fetched_at)
         VALUES ('appt-1', ?, 'livelihood', ?, ?, '张*', ?, 'CODE222222', ?)`,
      )
      .run(
        localDate(new Date(now), 'Asia/Shanghai'),
        new Date(now - 10 * 60_000).toISOString(),
        new Date(now + 20 * 60_000).toISOString(),
        AppointmentMatchingKey.demo('hall-01').tagOf(simulatedCards.zhangSan.idNumber),
        new Date(now).toISOString(),
      );
    await placeCard(kiosk);
    const checkIn = await kiosk.app.inject({ method: 'POST', url: '/api/v1/appointments/check-in', payload: { by: 'card' } });
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    expect(checkIn.json().ticket).toMatchObject({ priorityClass: 'appointment', printStatus: 'printed' });
  });

  it('shows the hall’s calls on its own event stream, and leaves counter work to the hall', async () => {
    await pair();
    const events: HallEvent[] = [];
    kiosk.bus.subscribe((e) => events.push(e));
    const issued = IssueTicketResponse.parse(
      (
        await kiosk.app.inject({
          method: 'POST',
          url: '/api/v1/tickets',
          payload: { serviceCode: 'consulting', withIdentity: false },
        })
      ).json(),
    );
    const staff = await signIn(hall.app, '1001', 1);
    const called = await hall.app.inject({ method: 'POST', url: '/api/v1/windows/1/call-next', headers: staff });
    expect(called.statusCode, called.body).toBe(200);
    const call = await waitFor(
      () => events.find((e): e is Extract<HallEvent, { type: 'ticket.called' }> => e.type === 'ticket.called'),
      'the call relayed',
    );
    expect(call.call).toMatchObject({ ticketNumber: issued.ticket.number, windowNumber: 1 });

    const atKiosk = await kiosk.app.inject({
      method: 'POST',
      url: '/api/v1/windows/1/call-next',
      headers: await signIn(kiosk.app, '1001'),
    });
    expect(atKiosk.statusCode).toBe(409);
    expect(atKiosk.json().error.code).toBe('served_by_hall');
  });

  it('goes offline with a clear error while the hall is down, and comes back when it restarts', async () => {
    await pair();
    const port = Number(new URL(hallUrl).port);
    const dataDir = hall.dataDir;
    await hall.close();
    await waitForState('offline');
    const refused = await kiosk.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'consulting', withIdentity: false },
    });
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.code).toBe('hall_unreachable');
    const health = (await kiosk.app.inject({ url: '/api/v1/health' })).json();
    expect(health.hallLink).toMatchObject({ state: 'offline', hallUrl });

    hall = await startHall(dataDir, port);
    await waitForState('online');
    const again = await kiosk.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'consulting', withIdentity: false },
    });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('is unpaired again when the hall revokes it', async () => {
    await pair();
    const tech = await signIn(hall.app, '8001');
    const [terminal] = TerminalList.parse(
      (await hall.app.inject({ url: '/api/v1/pairing/terminals', headers: tech })).json(),
    ).terminals;
    await hall.app.inject({ method: 'DELETE', url: `/api/v1/pairing/terminals/${terminal?.id ?? ''}`, headers: tech });
    const refused = await kiosk.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'consulting', withIdentity: false },
    });
    expect(refused.json().error.code).toBe('hall_unpaired');
    await waitForState('unpaired');
  });
});

describe('the hall’s terminal routes', () => {
  let hall: TestHost;
  beforeEach(async () => {
    hall = await startTestHost({ config: { staff: await testStaffSeeds(), devices: [] } });
  });
  afterEach(async () => {
    await hall.dispose();
  });

  const issue = (headers: Record<string, string> = {}) =>
    hall.app.inject({
      method: 'POST',
      url: '/api/v1/terminal/tickets',
      headers,
      payload: { serviceCode: 'consulting', caller: { key: 'k'.repeat(43), age: 40 } },
    });

  it('refuse a caller without a token, with a counter browser’s token, and with a revoked one — even on loopback', async () => {
    // This machine's own kiosk page is no secondary kiosk either.
    expect((await issue()).json().error.code).toBe('terminal_forbidden');
    const tech = await signIn(hall.app, '8001');
    const claim = async (kind: 'counter' | 'host') => {
      const code = PairingCode.parse(
        (await hall.app.inject({ method: 'POST', url: '/api/v1/pairing/codes', headers: tech })).json(),
      ).code;
      return (
        await hall.app.inject({ method: 'POST', url: '/api/v1/pairing/claim', payload: { code, name: kind, kind } })
      ).json() as {
        token: string;
        terminalId: string;
        hall?: unknown;
      };
    };
    const browser = await claim('counter');
    expect(browser.hall).toBeUndefined();
    expect((await issue({ 'x-terminal-token': browser.token })).statusCode).toBe(403);
    const host = await claim('host');
    expect(host.hall).toMatchObject({ hallId: 'hall-01' });
    expect((await issue({ 'x-terminal-token': host.token })).statusCode).toBe(201);
    await hall.app.inject({ method: 'DELETE', url: `/api/v1/pairing/terminals/${host.terminalId}`, headers: tech });
    expect((await issue({ 'x-terminal-token': host.token })).statusCode).toBe(401);
  });
});
