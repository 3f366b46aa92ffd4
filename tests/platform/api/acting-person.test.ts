import { afterEach, beforeEach, expect, it } from 'vitest';
import { InboxResponse, platformInboxOperations as ops } from '../../../contracts/platform-inbox';
import { platformUrl } from '../../../contracts/platform-operation';
import { ConsoleErrorBody } from '../../../contracts/platform-console';
import { InboxChannel } from '../../../platform/notify/inbox-channel';
import { Notifier } from '../../../platform/notify/notifier';
import type { Platform } from '../../../platform/server';
import { setUpComplaintDesk, type ComplaintDesk } from '../support/complaint-desk';
import { describeEachDatabase } from '../support/each-database';
import { adminAuth, FIXED_NOW, startApi } from '../support/platform';

/** The platform's own link of a console account to its person: the inbox is the signed-in person's. */
describeEachDatabase('platform: a signed-in person’s inbox is their own', (database) => {
  let api: Platform;
  let desk: ComplaintDesk;

  beforeEach(async () => {
    api = await startApi(database());
    desk = await setUpComplaintDesk(api);
    const notifier = new Notifier(database().sql, [new InboxChannel(database().sql, () => FIXED_NOW)], { now: () => FIXED_NOW });
    const notice = (key: string, personId: string, subject: string) => ({
      key,
      kind: 'supervision_order' as const,
      stage: 'accept' as const,
      complaintNumber: 'HK20261127000001',
      dueAt: '2026-11-30T16:00:00.000Z',
      recipient: { id: personId, email: null },
      subject,
      body: '正文',
    });
    await notifier.notify(notice('n1', desk.people.leadHandler.id, '市场监管的督办单'));
    await notifier.notify(notice('n1', desk.people.taxHandler.id, '税务的督办单'));
  });
  afterEach(async () => {
    await api.close();
  });

  const inbox = (headers: Record<string, string>) =>
    api.app.inject({ method: 'GET', url: platformUrl(ops.listInbox, { query: {} }), headers });

  it('shows a handler their own notices and nobody else’s', async () => {
    const lead = await inbox(desk.as.leadHandler);
    expect(lead.statusCode, lead.body).toBe(200);
    expect(InboxResponse.parse(lead.json()).items.map((item) => item.subject)).toEqual(['市场监管的督办单']);
    const tax = await inbox(desk.as.taxHandler);
    expect(InboxResponse.parse(tax.json()).items.map((item) => item.subject)).toEqual(['税务的督办单']);
    const sorter = await inbox(desk.as.sorter);
    expect(InboxResponse.parse(sorter.json()).items).toEqual([]);
  });

  it('refuses the admin token, which is nobody of the desk', async () => {
    const res = await inbox(adminAuth);
    expect(res.statusCode, res.body).toBe(403);
    expect(ConsoleErrorBody.parse(res.json()).error.code).toBe('forbidden');
  });
});
