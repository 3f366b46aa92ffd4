/**
 * Queue benchmark: issue and call-next latency with 10,000 waiting tickets and 200
 * windows, as ratios to a raw SQLite insert + fsync. The baseline is the honest floor of a
 * durable ticket: one single-row INSERT through better-sqlite3 on the same connection (so the
 * same file, disk and pragmas: WAL, synchronous=FULL), interleaved with the measured calls so
 * disk noise hits them alike. Target: p95 ≤ 3× the raw p95 (a durable ticket may cost a few fsyncs' worth, no more).
 *
 * The 10,000 waiting tickets are written in one transaction by the repository functions the
 * service's issue() uses (counter, then row), so rows, indexes, triggers and counters are those
 * the service makes; issuing them one by one would cost 10,000 commits for nothing measured.
 * The connection is then reopened with synchronous=FULL, as the host runs it, and every
 * measured call goes through the service. 3,000 samples of each, so a p95 rests on 150 values and moves less with the disk's mood.
 *
 * Issuing records each number in the numbering guard's file before the commit, as the host does
 * (host/queue/number-high-water.ts: one 32-byte write and fdatasync); the same issue without the
 * guard, interleaved, shows what that record costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostConfig } from '../../contracts/config';
import { openDatabase } from '../../db/open';
import * as tickets from '../../db/repositories/tickets';
import { EventBus } from '../../host/events/event-bus';
import { NumberHighWater } from '../../host/queue/number-high-water';
import { QueueService } from '../../host/queue/queue-service';
import { median, nowMs, percentile, report } from './harness';

const migrationsDir = join(process.cwd(), 'db/migrations');
const allDay = [{ from: '00:00', to: '24:00' }];
const hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };
const WAITING = 10_000;
const WINDOWS = 200;
const SAMPLES = 3_000;

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
    const day = queue.businessDay();
    const issuedAt = clock.now().toISOString();
    db.transaction(() => {
      for (let i = 0; i < WAITING; i++) {
        const service = config.services[i % config.services.length]!;
        const seq = tickets.nextSeq(db, day, service.code);
        const number = `${service.prefix}${String(service.numberStart + seq - 1).padStart(3, '0')}`;
        tickets.insertTicket(db, {
          businessDay: day,
          serviceCode: service.code,
          seq,
          number,
          priorityClass: 'normal',
          issuedAt,
          identityKey: null,
        });
      }
    })();
    db.close();

    db = openDatabase(file, { migrationsDir, synchronous: 'FULL' });
    const numbers = NumberHighWater.open(join(dir, 'ticket-numbers'), { keepFrom: day });
    const rules = { bus: new EventBus(), clock, timeZone: config.timeZone, hours: config.hours, policy: config.queue };
    queue = new QueueService({ db, ...rules, numbers });
    const unguarded = new QueueService({ db, ...rules });
    db.exec('CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, at TEXT NOT NULL)');
    const raw = db.prepare('INSERT INTO bench_raw (at) VALUES (?)');
    const rawTimes: number[] = [];
    const issueTimes: number[] = [];
    const unguardedTimes: number[] = [];
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
      unguarded.issue({ serviceCode: codes[(i + 1) % codes.length]!, identity: null });
      unguardedTimes.push(nowMs() - t);
      t = nowMs();
      queue.callNext(windowIds[(i * 37) % windowIds.length]!, { staffId: null });
      callTimes.push(nowMs() - t);
    }
    const waiting = (db.prepare("SELECT count(*) AS n FROM tickets WHERE status = 'waiting'").get() as { n: number }).n;
    console.log(`queue: ${waiting} waiting, ${WINDOWS} windows, ${SAMPLES} samples each, synchronous=FULL`);
    const baseline50 = median(rawTimes);
    const baseline95 = percentile(rawTimes, 95);
    report({
      name: 'queue issue p50',
      value: median(issueTimes),
      unit: 'ms',
      baseline: baseline50,
      baselineName: 'raw insert+fsync p50',
    });
    report({
      name: 'queue issue p95',
      value: percentile(issueTimes, 95),
      unit: 'ms',
      baseline: baseline95,
      baselineName: 'raw insert+fsync p95',
      target: 3,
    });
    report({
      name: 'queue issue p95 without the numbering guard',
      value: percentile(unguardedTimes, 95),
      unit: 'ms',
      baseline: baseline95,
      baselineName: 'raw insert+fsync p95',
    });
    report({
      name: 'queue call-next p50',
      value: median(callTimes),
      unit: 'ms',
      baseline: baseline50,
      baselineName: 'raw insert+fsync p50',
    });
    report({
      name: 'queue call-next p95',
      value: percentile(callTimes, 95),
      unit: 'ms',
      baseline: baseline95,
      baselineName: 'raw insert+fsync p95',
      target: 3,
    });
    numbers.close();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await queueLatency();
