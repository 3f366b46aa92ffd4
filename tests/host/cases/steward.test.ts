import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseReceiptResponse, LocalCaseProgress, SubmitCaseResponse } from '../../../contracts/cases';
import { CallNextResponse, IssueTicketResponse } from '../../../contracts/queue';
import { CurrentIdentity } from '../../../contracts/identity';
import { PrinterDevice } from '../../../host/devices/printer-device';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';
import { waitFor } from '../../support/wait';
import { ELDER_ITEM, elderForm } from './support';

const STEWARD_PHONE = '0571-8888 6666';

/** The kiosk's steward requests and case receipts through a whole host with simulated reader and printer. */
describe('首席服务管家 and case receipts', () => {
  let host: TestHost;
  beforeEach(async () => {
    const seeds = await testStaffSeeds();
    const pinHash = seeds[0]!.pinHash;
    host = await startTestHost({
      config: {
        staff: [...seeds, { staffNo: '1002', name: '李管家', role: 'staff', pinHash, stewardPhone: STEWARD_PHONE }],
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

  const placeCard = async () => {
    const placed = await host.app.inject({
      method: 'POST',
      url: '/api/v1/simulator/idcard/place',
      payload: { cardId: 'zhangSan' },
    });
    expect(placed.statusCode).toBe(204);
    await waitFor(
      async () =>
        CurrentIdentity.parse((await host.app.inject({ url: '/api/v1/identity' })).json()).identity ? true : undefined,
      'card read',
    );
  };
  const printedText = () => {
    const printer = host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    return printer.virtualPrinter.pages.map((p) => p.lines.map((l) => l.text).join('\n'));
  };

  it('a case asking for a steward puts a green-channel ticket in the steward queue, called ahead of earlier tickets', async () => {
    // An ordinary business-complaint ticket was waiting first at window 5 (it serves both).
    const earlier = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-appeal', withIdentity: false },
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    await placeCard();

    const submitted = await host.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { itemCode: ELDER_ITEM, form: elderForm, materials: ['photo'], stewardRequested: true },
    });
    expect(submitted.statusCode).toBe(201);
    const body = SubmitCaseResponse.parse(submitted.json());
    expect(body.stewardProblem).toBeNull();
    expect(body.stewardTicket?.ticket).toMatchObject({ number: 'G001', priorityClass: 'vip', printStatus: 'printed' });
    expect(body.case.steward).toEqual({
      ticketNumber: 'G001',
      ticketStatus: 'waiting',
      name: null,
      phone: null,
      windowNumber: null,
    });

    const steward = await signIn(host.app, '1002', 5);
    const called = await host.app.inject({ method: 'POST', url: '/api/v1/windows/5/call-next', headers: steward });
    expect(CallNextResponse.parse(called.json()).call.ticketNumber).toBe('G001');

    // The progress page (the receipt's QR) names the steward and how to reach them.
    const progress = await host.app.inject({ url: `/api/v1/cases/local/${body.case.id}/progress` });
    expect(LocalCaseProgress.parse(progress.json()).steward).toEqual({
      ticketNumber: 'G001',
      ticketStatus: 'called',
      name: '李管家',
      phone: STEWARD_PHONE,
      windowNumber: 5,
    });
  });

  it('asking twice with the same card keeps one place in the steward queue', async () => {
    await placeCard();
    const first = IssueTicketResponse.parse((await host.app.inject({ method: 'POST', url: '/api/v1/steward-requests' })).json());
    const again = IssueTicketResponse.parse((await host.app.inject({ method: 'POST', url: '/api/v1/steward-requests' })).json());
    expect(again.ticket.id).toBe(first.ticket.id);
    const withCase = SubmitCaseResponse.parse(
      (
        await host.app.inject({
          method: 'POST',
          url: '/api/v1/cases',
          payload: { itemCode: ELDER_ITEM, form: elderForm, stewardRequested: true },
        })
      ).json(),
    );
    expect(withCase.stewardTicket?.ticket.id).toBe(first.ticket.id);
    expect(host.db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE service_code = 'steward'").get()).toEqual({ n: 1 });
  });

  it('prints a receipt with the bundle, the materials, the promised date and a QR that opens the progress', async () => {
    await placeCard();
    const submitted = SubmitCaseResponse.parse(
      (
        await host.app.inject({
          method: 'POST',
          url: '/api/v1/cases',
          payload: { itemCode: ELDER_ITEM, form: elderForm, materials: ['photo'] },
        })
      ).json(),
    );
    const receipt = await host.app.inject({ method: 'POST', url: `/api/v1/cases/local/${submitted.case.id}/receipt` });
    expect(CaseReceiptResponse.parse(receipt.json())).toEqual({ printed: true });
    const text = printedText().at(-1) ?? '';
    expect(text).toContain('受理回执');
    expect(text).toContain(submitted.case.itemName);
    expect(text).toContain(submitted.case.id.slice(0, 8).toUpperCase());
    const due = submitted.case.deadlines.find((d) => d.stage === 'completed')?.due;
    expect(due).toBeDefined();
    expect(text).toContain(`预计办结：${due}`);
    // No personal data on paper: neither the name nor the ID number.
    expect(text).not.toContain('张');
    expect(text).not.toMatch(/\d{17}[\dX]/);

    const unknown = await host.app.inject({
      method: 'POST',
      url: '/api/v1/cases/local/6f1c2a84-0000-4000-8000-000000000000/receipt',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('a case still saves when the printer fails, and the kiosk is told the receipt did not print', async () => {
    await placeCard();
    const submitted = SubmitCaseResponse.parse(
      (
        await host.app.inject({ method: 'POST', url: '/api/v1/cases', payload: { itemCode: ELDER_ITEM, form: elderForm } })
      ).json(),
    );
    const printer = host.devices.printer();
    if (!(printer instanceof PrinterDevice) || !printer.virtualPrinter) throw new Error('no virtual printer');
    printer.virtualPrinter.setFault('paper-end-mid-job');
    const receipt = CaseReceiptResponse.parse(
      (await host.app.inject({ method: 'POST', url: `/api/v1/cases/local/${submitted.case.id}/receipt` })).json(),
    );
    expect(receipt.printed).toBe(false);
    const progress = await host.app.inject({ url: `/api/v1/cases/local/${submitted.case.id}/progress` });
    expect(LocalCaseProgress.parse(progress.json()).status).toBe('submitted');
  });
});

describe('零填表: a case form prefilled from the card on the reader', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost();
  });
  afterEach(async () => {
    await host.dispose();
  });

  it('takes name, ID number, gender and address from the card, not from what was typed', async () => {
    await host.app.inject({ method: 'POST', url: '/api/v1/simulator/idcard/place', payload: { cardId: 'zhangSan' } });
    await waitFor(
      async () =>
        CurrentIdentity.parse((await host.app.inject({ url: '/api/v1/identity' })).json()).identity ? true : undefined,
      'card read',
    );
    // Only the phone is typed: the address field (户籍地址) comes from the card.
    const submitted = await host.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { itemCode: ELDER_ITEM, form: { phone: '13800000000' } },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const row = host.db.prepare('SELECT form FROM cases').get() as { form: string };
    expect(JSON.parse(row.form)).toMatchObject({
      name: '张三',
      idNumber: '110105198503150019',
      address: '示例省示例市和平区幸福路100号',
    });
  });
});
