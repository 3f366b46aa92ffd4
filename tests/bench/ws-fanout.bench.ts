/**
 * WebSocket fan-out: the host publishes `ticket.issued` → the last of 100 hall screens
 * has it. Target: p95 < 50 ms (a call must reach every screen before anyone notices a lag). The clock starts when the event bus publishes (a
 * listener subscribed before any screen's, so it runs first), i.e. after the ticket's commit and
 * fsync, which the queue bench measures: this is the fan-out alone.
 *
 * The screens live in a worker thread (its own event loop, free to use the other core): in the
 * hall they are other machines, and in the host's thread their 100 JSON parses would be billed
 * to the host. Both threads read the same monotonic clock. Baseline, measured in the same run:
 * the same path with one screen — the host's commit, its event bus and one socket — so the
 * ratio is what fanning out to 100 adds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { HostConfig } from '../../contracts/config';
import { createHost } from '../../host/app';
import { median, nowMs, percentile, report } from './harness';

const WARM_UP = 10;
const SAMPLES = 100;

interface ScreensData {
  url: string;
  clients: number;
}
type FromScreens = { kind: 'ready' } | { kind: 'heard'; index: number; lastAt: number };

/** Worker side: `clients` screens; reports when all of them have heard the index-th ticket. */
function runScreens({ url, clients }: ScreensData): void {
  const heard: number[] = [];
  const lastAt: number[] = [];
  let open = 0;
  for (let c = 0; c < clients; c++) {
    let mine = 0;
    const socket = new WebSocket(`${url}/api/v1/events`);
    socket.onopen = () => {
      open += 1;
      if (open === clients) parentPort?.postMessage({ kind: 'ready' } satisfies FromScreens);
    };
    socket.onmessage = (m) => {
      const at = nowMs();
      if (!String(m.data).includes('"ticket.issued"')) return;
      const index = mine++;
      heard[index] = (heard[index] ?? 0) + 1;
      lastAt[index] = Math.max(lastAt[index] ?? 0, at);
      if (heard[index] === clients)
        parentPort?.postMessage({ kind: 'heard', index, lastAt: lastAt[index] } satisfies FromScreens);
    };
  }
}

async function fanOut(clients: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ws-'));
  const allDay = [{ from: '00:00', to: '24:00' }];
  const hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
  const host = await createHost({
    environment: 'test',
    config: HostConfig.parse({ hours, devices: [] }),
    migrationsDir: join(process.cwd(), 'db/migrations'),
    dbFile: join(dir, 'hall.sqlite'),
    logLevel: 'silent',
  });
  const url = (await host.app.listen({ host: '127.0.0.1', port: 0 })).replace('http', 'ws');
  let publishedAt = 0;
  host.bus.subscribe((event) => {
    if (event.type === 'ticket.issued') publishedAt = nowMs();
  });
  const screens = new Worker(new URL(import.meta.url), { workerData: { url, clients } satisfies ScreensData });
  const waiting = new Map<number, (lastAt: number) => void>();
  const ready = new Promise<void>((resolve, reject) => {
    screens.on('error', reject);
    screens.on('message', (m: FromScreens) => {
      if (m.kind === 'ready') resolve();
      else waiting.get(m.index)?.(m.lastAt);
    });
  });
  try {
    await ready;
    const latencies: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const heard = new Promise<number>((resolve) => waiting.set(i, resolve));
      host.queue.issue({ serviceCode: 'consulting', identity: null });
      const lastAt = await heard;
      if (i >= WARM_UP) latencies.push(lastAt - publishedAt);
    }
    return latencies;
  } finally {
    await screens.terminate();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) {
  const one = await fanOut(1);
  const hundred = await fanOut(100);
  report({
    name: 'ws fan-out to 100 screens p50 (last screen)',
    value: median(hundred),
    unit: 'ms',
    baseline: median(one),
    baselineName: '1 screen p50',
  });
  report({
    name: 'ws fan-out to 100 screens p95 (last screen)',
    value: percentile(hundred, 95),
    unit: 'ms',
    baseline: percentile(one, 95),
    baselineName: '1 screen p95',
    target: 50,
    targetKind: 'value<',
  });
} else {
  runScreens(workerData as ScreensData);
}
