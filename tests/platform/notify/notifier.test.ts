import { expect, it } from 'vitest';
import { defaultBackoffMs, Notifier } from '../../../platform/notify/notifier';
import type { Delivery, Notice, NoticeChannel } from '../../../platform/notify/notice';
import { deliveryOf } from '../../../platform/store/complaint-notices-sent';
import { describeEachDatabase } from '../support/each-database';
import { desk } from '../support/notices';

const NOW = new Date('2026-12-01T02:00:00Z');

const notice: Notice = {
  key: 'HK20261127000001:accept:market-regulation:2026-11-27T08:00:00.000Z:supervision_order',
  kind: 'supervision_order',
  stage: 'accept',
  complaintNumber: 'HK20261127000001',
  dueAt: '2026-11-30T16:00:00.000Z',
  recipient: { id: desk.leadHandler.id, email: desk.leadHandler.email },
  subject: '【督办单】',
  body: '正文',
};

/** A channel that records what it delivered and fails while `failing` says so. */
function recordingChannel(name: 'email' | 'inbox' = 'email') {
  const delivered: Delivery[] = [];
  const channel: NoticeChannel & { delivered: Delivery[]; failing: boolean; hang: Promise<void> | null } = {
    name,
    delivered,
    failing: false,
    hang: null,
    reach: (recipient) =>
      recipient.email === null && name === 'email' ? { reachable: false } : { reachable: true, address: recipient.email },
    async deliver(delivery) {
      if (channel.hang !== null) await channel.hang;
      if (channel.failing) throw Object.assign(new Error(`refused ${delivery.address ?? ''}`), { code: 'timeout' });
      delivered.push(delivery);
    },
  };
  return channel;
}

describeEachDatabase('the notifier: each notice once per person and channel', (database) => {
  it('sends once, however many notifiers are handed the same notice at once', async () => {
    const channel = recordingChannel();
    const notifiers = [1, 2, 3].map(() => new Notifier(database().sql, [channel], { now: () => NOW }));
    const reports = await Promise.all(notifiers.map((n) => n.notify(notice)));
    expect(
      reports
        .flat()
        .map((r) => r.outcome)
        .sort(),
    ).toEqual(['already_claimed', 'already_claimed', 'sent']);
    expect(channel.delivered).toHaveLength(1);
    expect(await notifiers[0]?.notify(notice)).toEqual([{ channel: 'email', outcome: 'already_claimed' }]);
  });

  it('claims a notice for all its recipients at once, and says which keys were claimed', async () => {
    const channel = recordingChannel();
    const notifier = new Notifier(database().sql, [channel], { now: () => NOW });
    expect(await notifier.claimedKeys([notice.key, 'other'])).toEqual(new Set());
    const toBoth = [notice, { ...notice, recipient: { id: desk.leadLeader.id, email: desk.leadLeader.email } }];
    const reports = await notifier.notifyAll(toBoth);
    expect(reports.map((r) => r.outcome)).toEqual(['sent', 'sent']);
    expect(channel.delivered.map((d) => d.address)).toEqual([desk.leadHandler.email, desk.leadLeader.email]);
    expect(await notifier.claimedKeys([notice.key, 'other'])).toEqual(new Set([notice.key]));
  });

  it('does not claim what a channel cannot reach (a person without an address)', async () => {
    const channel = recordingChannel();
    const notifier = new Notifier(database().sql, [channel], { now: () => NOW });
    const reports = await notifier.notify({ ...notice, recipient: { id: desk.secondHandler.id, email: null } });
    expect(reports).toEqual([{ channel: 'email', outcome: 'unreachable' }]);
    expect(
      await deliveryOf(database().sql, { noticeKey: notice.key, personId: desk.secondHandler.id, channel: 'email' }),
    ).toBeUndefined();
  });

  it('backs off 1, 2, 4 … minutes up to an hour between attempts', async () => {
    expect([1, 2, 3, 7, 20].map(defaultBackoffMs)).toEqual([60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
    let now = NOW;
    const channel = recordingChannel();
    channel.failing = true;
    const notifier = new Notifier(database().sql, [channel], { now: () => now });
    await notifier.notify(notice);
    now = new Date(NOW.getTime() + 60_000);
    expect(await notifier.retryDue()).toEqual([{ channel: 'email', outcome: 'failed', code: 'timeout' }]);
    const id = { noticeKey: notice.key, personId: desk.leadHandler.id, channel: 'email' } as const;
    expect(await deliveryOf(database().sql, id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'timeout',
      nextAttemptAt: new Date(now.getTime() + 120_000),
    });
    now = new Date(now.getTime() + 119_000);
    expect(await notifier.retryDue()).toEqual([]);
  });

  it('takes over a claim whose sender went away once its lease ends, and only one notifier does', async () => {
    const sql = database().sql;
    let now = NOW;
    const stuck = recordingChannel();
    // The first instance claims and hangs mid-send, as a process that died would.
    stuck.hang = new Promise(() => undefined);
    void new Notifier(sql, [stuck], { now: () => now, leaseMs: 600_000 }).notify(notice);
    const id = { noticeKey: notice.key, personId: desk.leadHandler.id, channel: 'email' } as const;
    await expect.poll(() => deliveryOf(sql, id).then((row) => row?.status)).toBe('sending');

    const takers = [recordingChannel(), recordingChannel()];
    const notifiers = takers.map((channel) => new Notifier(sql, [channel], { now: () => now, leaseMs: 600_000 }));
    expect((await Promise.all(notifiers.map((n) => n.retryDue()))).flat()).toEqual([]);
    now = new Date(NOW.getTime() + 600_001);
    const reports = (await Promise.all(notifiers.map((n) => n.retryDue()))).flat();
    expect(reports).toEqual([{ channel: 'email', outcome: 'sent' }]);
    expect(takers.flatMap((t) => t.delivered).map((d) => d.subject)).toEqual(['【督办单】']);
    expect(await deliveryOf(sql, id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('leaves another instance’s channels to it', async () => {
    const sql = database().sql;
    let now = NOW;
    const email = recordingChannel('email');
    email.failing = true;
    await new Notifier(sql, [email], { now: () => now }).notify(notice);
    now = new Date(NOW.getTime() + 3_600_000);
    const inboxOnly = new Notifier(sql, [recordingChannel('inbox')], { now: () => now });
    expect(await inboxOnly.retryDue()).toEqual([]);
    email.failing = false;
    expect(await new Notifier(sql, [email], { now: () => now }).retryDue()).toEqual([{ channel: 'email', outcome: 'sent' }]);
  });
});
