import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveHallsResponse, NearbyResponse, type LiveSnapshot, type LiveSnapshotAck } from '../../../contracts/central-api';
import type { CentralResult } from '../../../host/sync/central-client';
import { LivePush } from '../../../host/sync/live-push';
import { hallAuth } from '../../platform/support/halls';
import { adminAuth } from '../../platform/support/platform';
import { sampleLive } from '../../platform/support/samples';
import { startTestHost, type TestHost } from '../../support/test-host';
import { listenCentral, ManualClock, token, type ListeningApi } from './support';

describe('host/sync: the live push to the district platform (real platform on PGlite)', () => {
  let central: ListeningApi;
  let host: TestHost;
  let clock: ManualClock;

  beforeEach(async () => {
    central = await listenCentral();
    // 10:00 in Beijing, the platform's own test clock too.
    clock = new ManualClock(Date.parse('2026-11-27T02:00:00Z'));
    host = await startTestHost({
      clock,
      config: { hallName: '东城区政务服务中心', centralApi: { url: central.baseUrl, token } },
    });
    // The test pushes by hand: the host's own timer stays out of its way.
    host.livePush.stop();
  });
  afterEach(async () => {
    await host.dispose();
    await central.close();
  });

  const consoleView = async () =>
    LiveHallsResponse.parse((await central.api.app.inject({ url: '/v1/console/live', headers: adminAuth })).json());
  const outboxRows = () => host.db.prepare('SELECT count(*) AS n FROM outbox').get();

  it("puts the hall's queue on the console and before other halls' kiosks, and the next push replaces it", async () => {
    host.queue.issue({ serviceCode: 'social-security', identity: null });
    host.queue.issue({ serviceCode: 'social-security', identity: null });
    expect(await host.livePush.pushNow()).toEqual({ kind: 'sent', applied: true });

    const [hall] = (await consoleView()).halls;
    // The registry names the hall, whatever its own settings call it.
    expect(hall).toMatchObject({ hallId: 'hall-01', name: '星河区政务服务中心', stale: false });
    expect(hall?.snapshot?.hallName).toBe('东城区政务服务中心');
    expect(hall?.snapshot?.today).toMatchObject({ issued: 2, waiting: 2 });
    const asked = await central.api.app.inject({
      url: '/v1/live/nearby?hall=hall-02&service=social-security',
      headers: await hallAuth(central.api, 'hall-02'),
    });
    expect(NearbyResponse.parse(asked.json()).halls.map((h) => [h.hallId, h.waiting])).toEqual([['hall-01', 2]]);

    clock.advance(60_000);
    host.queue.issue({ serviceCode: 'social-security', identity: null });
    expect(await host.livePush.pushNow()).toEqual({ kind: 'sent', applied: true });
    const reported = (await consoleView()).halls.filter((h) => h.snapshot !== null);
    expect(reported.map((h) => [h.snapshot?.takenAt, h.snapshot?.today.issued])).toEqual([['2026-11-27T02:01:00.000Z', 3]]);
    expect(host.livePush.status()).toEqual({ lastSentAt: '2026-11-27T02:01:00.000Z', lastError: null });
  });

  it('forgets a snapshot the platform did not take: nothing is queued in the outbox for it', async () => {
    const before = outboxRows();
    await central.close();
    const failed = await host.livePush.pushNow();
    expect(failed.kind).toBe('failed');
    expect(host.livePush.status()).toMatchObject({ lastSentAt: null, lastError: expect.stringMatching(/network error/) });
    expect(outboxRows()).toEqual(before);
  });
});

describe('host/sync: LivePush, one push at a time', () => {
  const ack: LiveSnapshotAck = {
    hallId: 'hall-01',
    applied: true,
    storedTakenAt: '2026-11-27T02:00:00.000Z',
    receivedAt: '2026-11-27T02:00:00.000Z',
  };
  const clock = new ManualClock();

  function pushWith(
    send: (snapshot: LiveSnapshot) => Promise<CentralResult<LiveSnapshotAck>>,
    extra: Partial<ConstructorParameters<typeof LivePush>[0]> = {},
  ) {
    return new LivePush({ clock, snapshot: () => sampleLive(), send, enabled: () => true, intervalMs: 60_000, ...extra });
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends nothing from a secondary kiosk: its queue is its hall’s, which the hall sends', async () => {
    const send = vi.fn(async () => ({ ok: true as const, status: 200, body: ack }));
    const push = pushWith(send, { enabled: () => false });
    expect(await push.pushNow()).toEqual({ kind: 'skipped' });
    expect(send).not.toHaveBeenCalled();
  });

  it('shares a push still running instead of sending a second one beside it', async () => {
    let answer: (result: CentralResult<LiveSnapshotAck>) => void = () => undefined;
    const send = vi.fn(() => new Promise<CentralResult<LiveSnapshotAck>>((resolve) => (answer = resolve)));
    const push = pushWith(send);
    const first = push.pushNow();
    const second = push.pushNow();
    answer({ ok: true, status: 200, body: { ...ack, applied: false } });
    expect(await Promise.all([first, second])).toEqual([
      { kind: 'sent', applied: false },
      { kind: 'sent', applied: false },
    ]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('fails a push whose snapshot cannot be taken (a damaged database), without sending', async () => {
    const send = vi.fn(async () => ({ ok: true as const, status: 200, body: ack }));
    const push = pushWith(send, {
      snapshot: () => {
        throw new Error('SQLITE_CORRUPT');
      },
    });
    expect(await push.pushNow()).toEqual({ kind: 'failed', message: 'snapshot not taken (Error)' });
    expect(send).not.toHaveBeenCalled();
  });

  it('pushes soon after start, then every interval, and never after stop', async () => {
    vi.useFakeTimers();
    const send = vi.fn(async () => ({ ok: true as const, status: 200, body: ack }));
    const push = pushWith(send, { firstDelayMs: 5_000 });
    push.start();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(send).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(2);
    push.stop();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
