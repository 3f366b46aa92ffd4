import { afterEach, beforeEach, expect, it } from 'vitest';
import { InboxItem, InboxResponse, InboxUnreadResponse, platformInboxOperations as ops } from '../../../contracts/platform-inbox';
import { platformUrl } from '../../../contracts/platform-operation';
import type { PersonResolver } from '../../../platform/api/routes/console-inbox';
import { InboxChannel } from '../../../platform/notify/inbox-channel';
import type { Notice } from '../../../platform/notify/notice';
import { Notifier } from '../../../platform/notify/notifier';
import type { Platform } from '../../../platform/server';
import { sessionOf, TEST_STAFF } from '../support/console';
import { describeEachDatabase } from '../support/each-database';
import { desk } from '../support/notices';
import { adminAuth, FIXED_NOW, startApi } from '../support/platform';

/** The fake link of console accounts to the desk's people the integrator will replace: operator-1 is 李经办, viewer-1 吴经办. */
const PEOPLE: Readonly<Record<string, string>> = {
  [TEST_STAFF['district-operator'].username]: desk.leadHandler.id,
  [TEST_STAFF.viewer.username]: desk.secondHandler.id,
};
const personOf: PersonResolver = (request) =>
  request.principal?.via === 'session' ? (PEOPLE[request.principal.staff.username] ?? null) : null;

const notice = (key: string, recipient: { id: string }, subject: string): Notice => ({
  key,
  kind: 'supervision_order',
  stage: 'accept',
  complaintNumber: 'HK20261127000001',
  dueAt: '2026-11-30T16:00:00.000Z',
  recipient: { id: recipient.id, email: null },
  subject,
  body: '正文',
});

describeEachDatabase('platform console: each person’s inbox', (database) => {
  let api: Platform;
  let li: { authorization: string };
  let wu: { authorization: string };

  beforeEach(async () => {
    api = await startApi(database(), { inboxPersonOf: personOf });
    li = await sessionOf(api, database(), 'district-operator');
    wu = await sessionOf(api, database(), 'viewer');
    const notifier = new Notifier(database().sql, [new InboxChannel(database().sql, () => FIXED_NOW)], { now: () => FIXED_NOW });
    await notifier.notify(notice('n1', desk.leadHandler, '督办单一'));
    await notifier.notify(notice('n2', desk.leadHandler, '督办单二'));
    await notifier.notify(notice('n3', desk.leadHandler, '督办单三'));
    await notifier.notify(notice('n1', desk.secondHandler, '吴的督办单'));
  });
  afterEach(async () => {
    await api.close();
  });

  const list = async (headers: Record<string, string>, query: Record<string, string> = {}) => {
    const res = await api.app.inject({ method: 'GET', url: platformUrl(ops.listInbox, { query }), headers });
    expect(res.statusCode).toBe(200);
    return InboxResponse.parse(res.json());
  };
  const markRead = (headers: Record<string, string>, itemId: string) =>
    api.app.inject({ method: 'POST', url: platformUrl(ops.markInboxItemRead, { params: { itemId } }), headers });

  it('lists the signed-in person’s notices newest first, in pages, with the unread count', async () => {
    const first = await list(li, { limit: '2' });
    expect(first.items.map((i) => i.subject)).toEqual(['督办单三', '督办单二']);
    expect(first.unread).toBe(3);
    expect(first.next).not.toBeNull();
    const second = await list(li, { limit: '2', after: first.next ?? '' });
    expect(second.items.map((i) => i.subject)).toEqual(['督办单一']);
    expect(second.next).toBeNull();
    expect((await list(wu)).items.map((i) => i.subject)).toEqual(['吴的督办单']);
  });

  it('marks one read, then all: the count and the unread filter follow', async () => {
    const [newest] = (await list(li)).items;
    if (newest === undefined) throw new Error('an empty inbox');
    const res = await markRead(li, newest.id);
    expect(res.statusCode).toBe(200);
    expect(InboxItem.parse(res.json()).readAt).toBe(FIXED_NOW.toISOString());
    const unread = await api.app.inject({ method: 'GET', url: platformUrl(ops.inboxUnread), headers: li });
    expect(InboxUnreadResponse.parse(unread.json())).toEqual({ unread: 2 });
    expect((await list(li, { unread: 'true' })).items.map((i) => i.subject)).toEqual(['督办单二', '督办单一']);

    const all = await api.app.inject({ method: 'POST', url: platformUrl(ops.markInboxRead), headers: li });
    expect(all.json()).toEqual({ marked: 2 });
    expect((await list(li)).unread).toBe(0);
    // Another person's inbox is untouched.
    expect((await list(wu)).unread).toBe(1);
  });

  it('is the recipient’s alone: another person’s item is a 404 and stays unread', async () => {
    const [wusItem] = (await list(wu)).items;
    if (wusItem === undefined) throw new Error('an empty inbox');
    const res = await markRead(li, wusItem.id);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'inbox_item_not_found' } });
    expect((await list(wu)).items[0]?.readAt).toBeNull();
    expect((await list(li)).items.map((i) => i.id)).not.toContain(wusItem.id);
  });

  it('refuses callers without an inbox: 401 without a session, 403 for an account that is no person, the admin token too', async () => {
    const url = platformUrl(ops.listInbox);
    expect((await api.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const admin = await sessionOf(api, database(), 'district-admin');
    for (const headers of [admin, adminAuth]) {
      const res = await api.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
  });

  it('answers 400 for a bad item id or query', async () => {
    expect((await markRead(li, 'abc')).statusCode).toBe(400);
    const res = await api.app.inject({ method: 'GET', url: '/v1/console/inbox?limit=1000', headers: li });
    expect(res.statusCode).toBe(400);
    const unknown = await api.app.inject({ method: 'GET', url: '/v1/console/inbox?person=x', headers: li });
    expect(unknown.statusCode).toBe(400);
  });
});
