import { afterEach, beforeEach, expect, it } from 'vitest';
import { InboxResponse, platformInboxOperations as inboxOps } from '../../../contracts/platform-inbox';
import { platformUrl } from '../../../contracts/platform-operation';
import { RegisteredComplaint } from '../../../contracts/platform-complaints';
import { SignInResponse } from '../../../contracts/platform-console';
import { SmtpConfig } from '../../../platform/notify/smtp-config';
import type { Platform } from '../../../platform/server';
import { readMail, startSmtpReceiver, type SmtpReceiver } from '../../support/smtp-receiver';
import { signInRequest, TEST_PASSWORD } from '../support/console';
import { hotlineCall, setUpComplaintDesk, type ComplaintDesk, type DeskPerson } from '../support/complaint-desk';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, FIXED_NOW, startApi } from '../support/platform';

/**
 * The deadline sweep as the platform wires it: the complaint services name the open complaints
 * and a notice's people, the notifier writes the inbox and sends the e-mail.
 */
describeEachDatabase('platform: the deadline sweep reaches the complaint desk', (database) => {
  let api: Platform;
  let desk: ComplaintDesk;
  let receiver: SmtpReceiver;
  let clock: Date;

  beforeEach(async () => {
    clock = FIXED_NOW;
    receiver = await startSmtpReceiver();
    const smtp = SmtpConfig.parse({
      host: '127.0.0.1',
      port: receiver.port,
      tls: 'none',
      user: null,
      password: null,
      from: 'notice@example.gov.cn',
      timeoutMs: 5_000,
    });
    api = await startApi(database(), { now: () => clock, smtp });
    desk = await setUpComplaintDesk(api);
  });
  afterEach(async () => {
    await api.close();
    await receiver.close();
  });

  const act = async (number: string, who: DeskPerson, payload: object) => {
    const res = await api.app.inject({ method: 'POST', url: `/v1/complaints/${number}/actions`, headers: desk.as[who], payload });
    expect(res.statusCode, res.body).toBe(200);
  };
  /** Signed in afresh: the desk's sessions of Friday have expired by the next week. */
  const inboxOf = async (who: DeskPerson) => {
    const signIn = await signInRequest(api, `p-${who.toLowerCase()}`, TEST_PASSWORD);
    expect(signIn.statusCode, signIn.body).toBe(201);
    const headers = { authorization: `Bearer ${SignInResponse.parse(signIn.json()).token}` };
    const res = await api.app.inject({ method: 'GET', url: platformUrl(inboxOps.listInbox, { query: {} }), headers });
    expect(res.statusCode, res.body).toBe(200);
    return InboxResponse.parse(res.json());
  };

  it('tells the lead unit’s handlers, in their inbox and by e-mail, once, when the acceptance deadline passed', async () => {
    const email = 'lead-handler@example.gov.cn';
    const patched = await api.app.inject({
      method: 'PATCH',
      url: `/v1/complaints/people/${desk.people.leadHandler.id}`,
      headers: adminAuth,
      payload: { email },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    // Friday 2026-11-27 10:00 Beijing: registered and dispatched at once to market-regulation.
    const registered = await api.app.inject({
      method: 'POST',
      url: '/v1/complaints/hotline',
      headers: desk.as.intake,
      payload: hotlineCall,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const { number } = RegisteredComplaint.parse(registered.json());
    await act(number, 'sorter', { type: 'claim' });
    await act(number, 'sorter', { type: 'dispatch', leadUnit: 'market-regulation', coUnits: [], note: null });

    const before = await api.sweepDeadlines();
    expect(before.deliveries.sent).toBe(0);
    expect((await inboxOf('leadHandler')).items).toEqual([]);

    // Wednesday 2026-12-02 09:00 Beijing: nobody accepted it within its working day.
    clock = new Date('2026-12-02T01:00:00Z');
    const swept = await api.sweepDeadlines();
    expect(swept.deliveries.failed).toBe(0);
    const inbox = await inboxOf('leadHandler');
    const orders = inbox.items.filter((item) => item.kind === 'supervision_order');
    expect(orders.map((item) => [item.complaintNumber, item.stage])).toEqual([[number, 'accept']]);
    // Each inbox item also went by e-mail (the reply stage's reminders come due by then too).
    expect(receiver.received.map((mail) => mail.to)).toEqual(inbox.items.map(() => [email]));
    const subjects = receiver.received.map((mail) => readMail(mail).subject);
    expect(subjects).toContain(orders[0]?.subject);
    // Nobody else's: the notice is the lead unit's handlers'.
    expect((await inboxOf('taxHandler')).items).toEqual([]);
    expect((await inboxOf('sorter')).items).toEqual([]);

    const again = await api.sweepDeadlines();
    expect(again.deliveries.sent).toBe(0);
    expect((await inboxOf('leadHandler')).items).toHaveLength(inbox.items.length);
    expect(receiver.received).toHaveLength(inbox.items.length);
  });
});

describeEachDatabase('platform: the deadline sweep’s interval', (database) => {
  it('refuses an interval that would sweep more than once a second', async () => {
    await expect(startApi(database(), { deadlineSweep: { intervalMs: 0 } })).rejects.toThrow(/at least 1000/);
  });
});
