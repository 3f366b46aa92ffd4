/**
 * Queue benchmark (issue 4): issue and call-next latency with 10,000 waiting
 * tickets and 200 windows, as ratios to a raw SQLite insert + fsync measured on
 * the same disk in the same run; and WebSocket fan-out of one call to 100 screens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostConfig } from '../../contracts/config';
import { openDatabase } from '../../db/open';
import { createHost } from '../../host/app';
import { EventBus } from '../../host/events/event-bus';
import { QueueService } from '../../host/queue/queue-service';
import { median, nowMs, percentile, report } from './harness';

const migrationsDir = join(process.cwd(), 'db/migrations');
const allDay = [{ from: '00:00', to: '24:00' }];
const hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
const WAITING = 10_000;
const WINDOWS = 200;
const SAMPLES = 300;

function benchConfig() {
  const base = HostConfig.parse({});
  const services = base.services.map((s) => ({ ...s, numberEnd: 9999, dailyLimit: 9999 }));
  const windows = Array.from({ length: WINDOWS }, (_, i) => ({
    number: i + 1,
    name: `窗口 ${i + 1}`,
    services: [services[i % services.length]!.code, services[(i + 1) % services.length]!.code],
  }));
  return HostConfig.parse({ hours, services, windows, devices: [] });
}

async function queueLatency(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-queue-'));
  const file = join(dir, 'hall.sqlite');
  const config = benchConfig();
  const clock = { now: () => new Date() };
  try {
    // Fill the queue quickly (NORMAL sync), then measure on a FULL-sync connection.
    let db = openDatabase(file, { migrationsDir, synchronous: 'NORMAL' });
    let queue = new QueueService({
      db,
      bus: new EventBus(),
      clock,
      timeZone: config.timeZone,
      hours: config.hours,
      policy: config.queue,
    });
    queue.seed(config.services, config.windows);
    const codes = config.services.map((s) => s.code);
    db.transaction(() => {
      for (let i = 0; i < WAITING; i++) queue.issue({ serviceCode: codes[i % codes.length]!, identity: null });
    })();
    db.close();

    db = openDatabase(file, { migrationsDir, synchronous: 'FULL' });
    queue = new QueueService({
      db,
      bus: new EventBus(),
      clock,
      timeZone: config.timeZone,
      hours: config.hours,
      policy: config.queue,
    });
    db.exec('CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, at TEXT NOT NULL)');
    const raw = db.prepare('INSERT INTO bench_raw (at) VALUES (?)');
    const rawTimes: number[] = [];
    const issueTimes: number[] = [];
    const callTimes: number[] = [];
    const windowIds = queue.windows().map((w) => w.id);
    // Interleave the three so disk noise hits them alike.
    for (let i = 0; i < SAMPLES; i++) {
      let t = nowMs();
      raw.run(new Date().toISOString());
      rawTimes.push(nowMs() - t);
      t = nowMs();
      queue.issue({ serviceCode: codes[i % codes.length]!, identity: null });
      issueTimes.push(nowMs() - t);
      t = nowMs();
      queue.callNext(windowIds[(i * 37) % windowIds.length]!, { staffId: null });
      callTimes.push(nowMs() - t);
    }
    const waiting = (db.prepare("SELECT count(*) AS n FROM tickets WHERE status = 'waiting'").get() as { n: number }).n;
    console.log(`queue: ${waiting} waiting, ${WINDOWS} windows, ${SAMPLES} samples each, synchronous=FULL`);
    const baseline50 = median(rawTimes);
    const baseline95 = percentile(rawTimes, 95);
    report({
      name: 'issue p50',
      value: median(issueTimes),
      unit: 'ms',
      baseline: baseline50,
      baselineName: 'raw insert+fsync p50',
    });
    report({
      name: 'issue p95',
      value: percentile(issueTimes, 95),
      unit: 'ms',
      baseline: baseline95,
      baselineName: 'raw insert+fsync p95',
    });
    report({
      name: 'call-next p50',
      value: median(callTimes),
      unit: 'ms',
      baseline: baseline50,
      baselineName: 'raw insert+fsync p50',
    });
    report({
      name: 'call-next p95',
      value: percentile(callTimes, 95),
      unit: 'ms',
      baseline: baseline95,
      baselineName: 'raw insert+fsync p95',
    });
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fanOut(clients: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ws-'));
  const host = await createHost({
    config: HostConfig.parse({ hours, devices: [] }),
    migrationsDir,
    dbFile: join(dir, 'hall.sqlite'),
    logLevel: 'silent',
  });
  try {
    const url = (await host.app.listen({ host: '127.0.0.1', port: 0 })).replace('http', 'ws');
    const received: number[][] = [];
    const sockets = await Promise.all(
      Array.from({ length: clients }, (_, c) => {
        received[c] = [];
        return new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(`${url}/api/v1/events`);
          socket.onmessage = (m) => {
            if (String(m.data).includes('"ticket.issued"')) received[c]!.push(nowMs());
          };
          socket.onopen = () => resolve(socket);
          socket.onerror = () => reject(new Error('socket failed'));
        });
      }),
    );
    const latencies: number[] = [];
    for (let i = 0; i < 50; i++) {
      const sent = nowMs();
      host.queue.issue({ serviceCode: 'consulting', identity: null });
      while (received.some((r) => r.length <= i)) await new Promise((r) => setTimeout(r, 1));
      // The screen that heard last decides when the whole hall has seen the call.
      latencies.push(Math.max(...received.map((r) => r[i]!)) - sent);
    }
    sockets.forEach((s) => s.close());
    return latencies;
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await queueLatency();
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
});
