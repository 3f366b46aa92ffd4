import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IssueTicketResponse } from '../../../contracts/queue';
import { signIn, testStaffSeeds } from '../../support/staff';
import { startTestHost, type TestHost } from '../../support/test-host';

/** A clerk issues a disabled or green-channel ticket at the counter for a citizen who cannot use the kiosk. */
describe('priority tickets issued at the counter', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({
      config: {
        staff: await testStaffSeeds(),
        devices: [
          { id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' }, pollIntervalMs: 20 },
          { id: 'printer-1', kind: 'printer', transport: { type: 'simulated' }, options: { printer: { paperWidth: 80 } } },
        ],
      },
    });
  });
  afterEach(async () => {
    await host.dispose();
  });

  const windowId = (number: number) => host.queue.windows().find((w) => w.number === number)?.id ?? 0;
  const issueAt = (number: number, headers: Record<string, string>, payload: Record<string, unknown>) =>
    host.app.inject({ method: 'POST', url: `/api/v1/windows/${windowId(number)}/priority-tickets`, headers, payload });
  const grants = () =>
    host.db
      .prepare(
        `SELECT s.staff_no AS staffNo, a.window_id AS windowId, a.ticket_id AS ticketId, a.details
         FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id WHERE a.action = 'ticket.priority_grant' ORDER BY a.id`,
      )
      .all() as { staffNo: string | null; windowId: number | null; ticketId: number; details: string }[];

  it('issues a green-channel ticket ahead of the line, audited with the clerk, the window and the masked note', async () => {
    const normal = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    expect(normal.statusCode).toBe(201);
    const clerk = await signIn(host.app, '1001', windowId(1));
    const res = await issueAt(1, clerk, {
      serviceCode: 'business-startup',
      priority: 'vip',
      note: '轮椅，家属电话13812345678',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { ticket, progressUrl } = IssueTicketResponse.parse(res.json());
    expect(ticket).toMatchObject({ priorityClass: 'vip', status: 'waiting', peopleAhead: 0, printStatus: 'none' });
    expect(progressUrl).toContain(`/ticket/${ticket.id}?k=`);
    expect(grants()).toEqual([
      {
        staffNo: '1001',
        windowId: windowId(1),
        ticketId: ticket.id,
        details: JSON.stringify({ priority: 'vip', number: ticket.number, note: '轮椅，家属电话138****5678' }),
      },
    ]);

    // First in line: the next call at a window serving it is the green-channel ticket.
    const called = await host.app.inject({ method: 'POST', url: `/api/v1/windows/${windowId(1)}/call-next`, headers: clerk });
    expect(called.json()).toMatchObject({ call: { ticketId: ticket.id } });
  });

  it('prints on this host’s printer only when asked', async () => {
    const clerk = await signIn(host.app, '1001', windowId(1));
    const printed = await issueAt(1, clerk, { serviceCode: 'consulting', priority: 'disabled', print: true });
    expect(IssueTicketResponse.parse(printed.json()).ticket).toMatchObject({ priorityClass: 'disabled', printStatus: 'printed' });
  });

  it('only at the window the clerk signed in at (a supervisor at any); never without a sign-in or for a technician', async () => {
    const clerk = await signIn(host.app, '1001', windowId(1));
    const elsewhere = await issueAt(2, clerk, { serviceCode: 'consulting', priority: 'vip' });
    expect(elsewhere.statusCode).toBe(403);
    expect((await issueAt(1, {}, { serviceCode: 'consulting', priority: 'vip' })).statusCode).toBe(401);
    expect((await issueAt(1, await signIn(host.app, '8001'), { serviceCode: 'consulting', priority: 'vip' })).statusCode).toBe(
      403,
    );
    const supervisor = await signIn(host.app, '9001');
    expect((await issueAt(3, supervisor, { serviceCode: 'livelihood', priority: 'disabled' })).statusCode).toBe(201);
    // Priority is all it grants: a normal ticket is the kiosk's business.
    expect((await issueAt(1, clerk, { serviceCode: 'consulting', priority: 'normal' })).statusCode).toBe(400);
    expect(grants().map((g) => g.staffNo)).toEqual(['9001']);
  });

  it('a priority ticket taken at the kiosk with a staff token is audited with that staff member too', async () => {
    const supervisor = await signIn(host.app, '9001');
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: supervisor,
      payload: { serviceCode: 'consulting', withIdentity: false, priority: 'disabled' },
    });
    expect(res.statusCode).toBe(201);
    expect(grants()).toMatchObject([{ staffNo: '9001', windowId: null }]);
  });
});
