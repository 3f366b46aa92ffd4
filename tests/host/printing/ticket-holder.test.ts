import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../contracts/errors';
import { DuplicateTicketDetails, IssueTicketResponse } from '../../../contracts/queue';
import { PrinterDevice } from '../../../host/devices/printer-device';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';

/**
 * What the card's holder learns of their own ticket: a second ticket is refused with the number
 * they hold and where it stands, the card prints it again, and a priority ticket says why it
 * goes first and which windows serve it (paper and answer alike).
 */
describe('a ticket and the card that took it', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({
      config: {
        devices: [
          { id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' }, pollIntervalMs: 20 },
          { id: 'printer-1', kind: 'printer', transport: { type: 'simulated' }, options: { printer: { paperWidth: 80 } } },
        ],
      },
    });
    await waitFor(() => (host.devices.health().every((h) => h.state === 'ok') ? true : undefined), 'devices ok');
  });
  afterEach(async () => {
    await host.dispose();
  });

  const printedPages = () => {
    const printer = host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    return printer.virtualPrinter.pages.map((p) => p.lines.map((l) => l.text).join('\n'));
  };
  const withCard = async (cardId: string) => {
    host.devices.placeSimulatedCard(null);
    await waitFor(() => (host.identity.cardOnReader() ? undefined : true), 'reader empty');
    host.devices.placeSimulatedCard(cardId);
    await waitFor(() => host.identity.view() ?? undefined, 'card read');
  };
  const issue = (serviceCode = 'business-startup', withIdentity = true) =>
    host.app.inject({ method: 'POST', url: '/api/v1/tickets', payload: { serviceCode, withIdentity } });

  it('a second ticket for the same service is refused with the number the card holds and the people ahead', async () => {
    await issue('business-startup', false); // someone without a card, ahead
    await withCard('zhangSan');
    const first = IssueTicketResponse.parse((await issue()).json()).ticket;
    const again = await issue();
    expect(again.statusCode).toBe(409);
    const error = ApiError.parse(again.json()).error;
    expect(error.code).toBe('duplicate_ticket');
    const { ticket } = DuplicateTicketDetails.parse(error.details);
    expect(ticket).toMatchObject({ id: first.id, number: 'A002', status: 'waiting', peopleAhead: 1 });
  });

  it('the card that took a ticket prints it again (a lost paper ticket), and only that card', async () => {
    await withCard('zhangSan');
    const first = IssueTicketResponse.parse((await issue()).json()).ticket;
    expect(first.printStatus).toBe('printed');
    const pages = printedPages().length;
    const mine = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets/mine/reprint',
      payload: { serviceCode: 'business-startup' },
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(IssueTicketResponse.parse(mine.json()).ticket).toMatchObject({ id: first.id, number: 'A001' });
    expect(printedPages()).toHaveLength(pages + 1);
    expect(printedPages().at(-1)).toContain('A001');

    // Another card holds no ticket of this service: nothing to print, and no number given away.
    await withCard('liXiaohong');
    const other = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets/mine/reprint',
      payload: { serviceCode: 'business-startup' },
    });
    expect(ApiError.parse(other.json()).error.code).toBe('ticket_unknown');
    // No card at all.
    host.devices.placeSimulatedCard(null);
    await waitFor(() => (host.identity.cardOnReader() ? undefined : true), 'reader empty');
    const none = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets/mine/reprint',
      payload: { serviceCode: 'business-startup' },
    });
    expect(ApiError.parse(none.json()).error.code).toBe('no_identity');
    expect(printedPages()).toHaveLength(pages + 1);
  });

  it("an elder's ticket prints why it goes first and the windows that serve the service", async () => {
    await withCard('elderWangJianguo');
    const { ticket } = IssueTicketResponse.parse((await issue()).json());
    expect(ticket.priorityClass).toBe('elderly');
    const page = printedPages().at(-1) ?? '';
    expect(page).toContain('【长者优先】');
    // The default hall serves 企业开办 at windows 1 and 4.
    expect(page).toContain('办理窗口：1、4 号');
  });
});
