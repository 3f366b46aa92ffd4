/**
 * The manager's live floor after a call: a window calls the next ticket (POST call-next), and
 * the supervisor's floor page has a floor showing that ticket at that window: the event heard on
 * the WebSocket, GET /manager/floor fetched and parsed with its contract, as the page does it
 * (the events of one turn read the floor once; one request in flight at a time, and events heard
 * meanwhile ask for one more after it). Target:
 * p95 ≤ 100 ms in a hall of 200 windows, each with a clerk signed in and a citizen at it,
 * 500 tickets waiting and 500 served earlier today.
 *
 * The page lives in a worker thread (its own event loop, free to use the other core): in the
 * hall it is another machine. Both threads read the same monotonic clock. Baseline, measured on
 * the same samples: the call-next round trip itself (the clerk's own wait for the call), so the
 * ratio is what the floor adds on top of the call. A second figure is the floor read alone
 * against GET /health, the cheapest route of the same server.
 *
 * Clerks are put at their windows through the repository (windows.staff_id, what a sign-in
 * sets): 200 sign-ins from one address would meet the sign-in throttle, which is the point of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { SignInResponse } from '../../contracts/auth';
import { HostConfig } from '../../contracts/config';
import { HallEvent } from '../../contracts/events';
import { CallNextResponse } from '../../contracts/queue';
import { FloorSnapshot } from '../../contracts/floor';
import { assignWindow, insertStaff } from '../../db/repositories/staff';
import { hashPin } from '../../host/auth/pin-hash';
import { createHost } from '../../host/app';
import { median, nowMs, percentile, report } from './harness';

const WINDOWS = 200;
const SERVED_EARLIER = 500;
const WAITING = 500;
const WARM_UP = 20;
const SAMPLES = 200;
const PIN = '246810';

/** Events after which the floor page reads the floor again (renderer/manager/floor). */
const FLOOR_EVENTS = new Set(['ticket.called', 'ticket.finished', 'queue.counts', 'evaluation.requested']);

interface PageData {
  url: string;
  token: string;
}
type FromPage =
  | { kind: 'ready' }
  | { kind: 'floor'; windowNumber: number; ticketNumber: string; at: number }
  | { kind: 'failed'; message: string };

/** Worker side: the floor page. Reports each time a floor shows the ticket the last call named. */
function runPage({ url, token }: PageData): void {
  let inFlight = false;
  let again = false;
  let lastCall: { windowNumber: number; ticketNumber: string } | null = null;
  const fetchFloor = async (): Promise<void> => {
    inFlight = true;
    again = false;
    const res = await fetch(`${url}/api/v1/manager/floor`, { headers: { authorization: `Bearer ${token}` } });
    const floor = FloorSnapshot.parse(await res.json());
    const at = nowMs();
    inFlight = false;
    const call = lastCall;
    const window = call && floor.windows.find((w) => w.number === call.windowNumber);
    if (call && window?.serving?.ticketNumber === call.ticketNumber) {
      parentPort?.postMessage({ kind: 'floor', ...call, at } satisfies FromPage);
    }
    if (again) await fetchFloor();
  };
  let scheduled = false;
  const refresh = () => {
    if (inFlight) again = true;
    if (inFlight || scheduled) return;
    // At the end of this turn: a call's events (finished, called, counts) arrive together, one read for them all.
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      fetchFloor().catch((error: unknown) =>
        parentPort?.postMessage({ kind: 'failed', message: String(error) } satisfies FromPage),
      );
    }, 0);
  };
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/events`);
  socket.onopen = () => parentPort?.postMessage({ kind: 'ready' } satisfies FromPage);
  socket.onmessage = (m) => {
    const parsed = HallEvent.safeParse(JSON.parse(String(m.data)));
    if (!parsed.success || !FLOOR_EVENTS.has(parsed.data.type)) return;
    if (parsed.data.type === 'ticket.called') lastCall = parsed.data.call;
    refresh();
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const allDay = [{ from: '00:00', to: '24:00' }];
  const hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
  const base = HostConfig.parse({});
  const services = base.services.map((s) => ({ ...s, numberEnd: 9999, dailyLimit: 9999 }));
  const windows = Array.from({ length: WINDOWS }, (_, i) => ({
    number: i + 1,
    name: `窗口 ${i + 1}`,
    services: [services[i % services.length]!.code, services[(i + 1) % services.length]!.code],
  }));
  const pinHash = await hashPin(PIN);
  const host = await createHost({
    environment: 'test',
    config: HostConfig.parse({
      hours,
      services,
      windows,
      devices: [],
      staff: [{ staffNo: '9001', name: '值班主任', role: 'supervisor', pinHash }],
    }),
    migrationsDir: join(process.cwd(), 'db/migrations'),
    dbFile: join(dir, 'hall.sqlite'),
    logLevel: 'silent',
  });
  const url = await host.app.listen({ host: '127.0.0.1', port: 0 });
  const page = new Worker(new URL(import.meta.url), {
    workerData: { url, token: await supervisorToken(url) } satisfies PageData,
  });
  try {
    const windowIds = host.queue.windows().map((w) => w.id);
    host.db.transaction(() => {
      windowIds.forEach((id, i) => {
        const clerk = insertStaff(host.db, { staffNo: String(2000 + i), name: `工作人员${i + 1}`, role: 'staff', pinHash });
        assignWindow(host.db, id, clerk.id);
      });
    })();
    // The day so far: 500 served, then a citizen at every window, then 500 waiting (and enough
    // behind them that every sample's call finds someone).
    const issueMany = (n: number) => {
      for (let i = 0; i < n; i++) host.queue.issue({ serviceCode: services[i % services.length]!.code, identity: null });
    };
    issueMany(SERVED_EARLIER + WINDOWS + WAITING + WARM_UP + SAMPLES);
    const actor = { staffId: null };
    for (let i = 0; i < SERVED_EARLIER; i++) host.queue.callNext(windowIds[i % WINDOWS]!, actor);
    for (const id of windowIds) host.queue.callNext(id, actor);

    /** When the page first had a floor showing each call (window/ticket), as the worker said. */
    const arrived = new Map<string, number>();
    const waiting = new Map<string, (at: number) => void>();
    /** A page that failed (a refused or unreadable floor) stops the bench instead of leaving it waiting. */
    let pageFailed: (error: Error) => void = () => undefined;
    const failure = new Promise<never>((_resolve, reject) => {
      pageFailed = reject;
    });
    const ready = new Promise<void>((resolve, reject) => {
      page.on('error', (error) => {
        reject(error);
        pageFailed(error);
      });
      page.on('message', (m: FromPage) => {
        if (m.kind === 'ready') return resolve();
        if (m.kind === 'failed') return pageFailed(new Error(`the floor page failed: ${m.message}`));
        const key = `${m.windowNumber}/${m.ticketNumber}`;
        if (arrived.has(key)) return;
        arrived.set(key, m.at);
        waiting.get(key)?.(m.at);
      });
    });
    /** The floor may arrive before this thread has read call-next's reply: then it is already in `arrived`. */
    const floorShowing = (key: string) =>
      Promise.race([
        failure,
        new Promise<number>((resolve) => {
          const at = arrived.get(key);
          if (at !== undefined) resolve(at);
          else waiting.set(key, resolve);
        }),
      ]);
    await ready;
    const supervisor = await supervisorToken(url);
    const updates: number[] = [];
    const callTrips: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const windowNumber = (i % WINDOWS) + 1;
      const t0 = nowMs();
      const res = await fetch(`${url}/api/v1/windows/${windowIds[windowNumber - 1]}/call-next`, {
        method: 'POST',
        headers: { authorization: `Bearer ${supervisor}` },
      });
      const replied = nowMs();
      const { call } = CallNextResponse.parse(await res.json());
      const at = await floorShowing(`${windowNumber}/${call.ticketNumber}`);
      if (i >= WARM_UP) {
        updates.push(at - t0);
        callTrips.push(replied - t0);
      }
    }

    const floorReads: number[] = [];
    const healthReads: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const t0 = nowMs();
      await (await fetch(`${url}/api/v1/health`)).arrayBuffer();
      const t1 = nowMs();
      await (await fetch(`${url}/api/v1/manager/floor`, { headers: { authorization: `Bearer ${supervisor}` } })).arrayBuffer();
      const t2 = nowMs();
      if (i >= WARM_UP) {
        healthReads.push(t1 - t0);
        floorReads.push(t2 - t1);
      }
    }

    report({
      name: `manager floor after a call, ${WINDOWS} windows, p50`,
      value: median(updates),
      unit: 'ms',
      baseline: median(callTrips),
      baselineName: 'call-next round trip p50',
    });
    report({
      name: `manager floor after a call, ${WINDOWS} windows, p95`,
      value: percentile(updates, 95),
      unit: 'ms',
      baseline: percentile(callTrips, 95),
      baselineName: 'call-next round trip p95',
      target: 100,
      targetKind: 'value≤',
    });
    report({
      name: `GET /manager/floor, ${WINDOWS} windows, p95`,
      value: percentile(floorReads, 95),
      unit: 'ms',
      baseline: percentile(healthReads, 95),
      baselineName: 'GET /health p95',
    });
  } finally {
    await page.terminate();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }

  async function supervisorToken(base: string): Promise<string> {
    const res = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffNo: '9001', pin: PIN }),
    });
    return SignInResponse.parse(await res.json()).token;
  }
}

if (isMainThread) await main();
else runPage(workerData as PageData);
