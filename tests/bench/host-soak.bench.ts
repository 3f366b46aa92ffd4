/**
 * Host memory after a 100,000-operation soak. Target: RSS grows < 10% (a kiosk runs for months
 * between restarts; a leak of a few bytes per visit would show here).
 *
 * A real host (createHost: FULL-sync SQLite, event bus, identity sessions, sync engine, logger at
 * info into its masked ring) takes a citizen's visit at a time, ten operations each, through the
 * same API the kiosk, counter and display use (app.inject: routing, zod validation and
 * serialisation, not the socket layer): read the services; a card read (identity.begin, the call
 * the reader's `card` event makes: the serial path is the idcard bench's); read the identity;
 * issue a ticket with it; end the card session; call the next ticket at a window; read the
 * window (counter); finish; evaluate (好差评, each level in turn); read the ticket's progress;
 * and every 100th visit a display reloading reads the recent calls. Every event also fans out
 * over real WebSockets to three screens, which run in a child process so their memory is not
 * the host's. The central API is unreachable (a closed port), as a kiosk must expect:
 * evaluations pile up in the outbox, which is in the database, not in memory.
 *
 * The clock is injected and moves 250 ms per operation, so the soak is one business day (09:00
 * to about 17:20) with realistic waits and service times rather than 120,000 operations in the
 * same minute. The database sits on /dev/shm when there is one: memory is under test, not the
 * disk, and some 50,000 fsyncs would make the run minutes long (tmpfs pages are not process RSS).
 *
 * Baseline, same run: RSS after a warm-up of 20,000 operations (JIT, SQLite page cache, the
 * event bus's 2,000-event replay buffer and the log ring full), after a forced GC; the value is
 * RSS after the 100,000 operations that follow, after a forced GC. Heap used is reported beside.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { EvaluationLevel } from '../../contracts/central-api';
import { HostConfig } from '../../contracts/config';
import { computeCheckDigit } from '../../hardware/idcard/id-number';
import { createHost, type Host } from '../../host/app';
import type { CitizenCard } from '../../host/identity/identity-sessions';
import { TEST_PIN, testStaffSeeds } from '../support/staff';
import { collectGarbage, nowMs, report } from './harness';
import { freePort } from '../support/free-port';

const WARM_UP_OPS = 20_000;
const SOAK_OPS = 100_000;
const TREND_EVERY = 20_000;
const BACKLOG = 100;
const DISPLAY_RELOAD_EVERY = 100;
const SCREENS = 3;
const STEP_MS = 250;
const MB = 1024 * 1024;

/** Screen side (a child process of this same file): counts the events it hears. */
function runScreens(url: string): void {
  let heard = 0;
  let open = 0;
  for (let i = 0; i < SCREENS; i++) {
    const socket = new WebSocket(`${url}/api/v1/events`);
    socket.onopen = () => {
      open += 1;
      if (open === SCREENS) process.send?.({ ready: true });
    };
    socket.onmessage = () => (heard += 1);
  }
  process.on('message', () => process.send?.({ heard }));
}

class SteppingClock {
  private ms = Date.parse('2026-11-27T01:00:00Z'); // a Friday, 09:00 in Asia/Shanghai
  now(): Date {
    return new Date(this.ms);
  }
  step(): void {
    this.ms += STEP_MS;
  }
}

/** 500 invented residents (valid check digits), so one card is never twice in the queue at once. */
const cards: CitizenCard[] = Array.from({ length: 500 }, (_, i) => {
  const first17 = `11010519850315${String(i).padStart(3, '0')}`;
  return {
    kind: 'resident',
    name: `测试${i}`,
    idNumber: `${first17}${computeCheckDigit(first17) ?? '0'}`,
    birthDate: '1985-03-15',
    gender: '男',
    address: '示例省示例市和平区幸福路100号',
  };
});
const levels: EvaluationLevel[] = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'];

interface Memory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  /** RSS by kind from /proc (Linux): anonymous (heaps, malloc), file-backed, shared memory. */
  kinds: string;
}

function rssKinds(): string {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
    return `anon ${kb('RssAnon').toFixed(1)}, file ${kb('RssFile').toFixed(1)}, shmem ${kb('RssShmem').toFixed(1)}`;
  } catch {
    return 'no /proc';
  }
}

async function settledMemory(): Promise<Memory> {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 50));
  }
  const m = process.memoryUsage();
  return {
    rss: m.rss / MB,
    heapTotal: m.heapTotal / MB,
    heapUsed: m.heapUsed / MB,
    external: m.external / MB,
    kinds: rssKinds(),
  };
}

const describe = (m: Memory) =>
  `RSS ${m.rss.toFixed(1)} (${m.kinds}), heap ${m.heapUsed.toFixed(1)} used of ${m.heapTotal.toFixed(1)}, external ${m.external.toFixed(1)} MB`;

async function soak(): Promise<void> {
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'bench-soak-'));
  const clock = new SteppingClock();
  const allDay = [{ from: '00:00', to: '24:00' }];
  const base = HostConfig.parse({});
  const services = base.services.map((s) => ({ ...s, numberEnd: 9999, dailyLimit: 9999 }));
  const config = HostConfig.parse({
    hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    services,
    // One window per service (the steward's desk aside): each queue is first in, first out, so
    // the backlog stays the same size in every queue and no card meets its own open ticket.
    windows: services
      .filter((s) => s.code !== 'steward')
      .map((s, i) => ({ number: i + 1, name: `${s.name}窗口`, services: [s.code] })),
    devices: [],
    staff: await testStaffSeeds(),
    // Nothing listens there: the soak runs with the central API unreachable, as a hall often does.
    centralApi: { url: `http://127.0.0.1:${await freePort()}` },
  });
  const host: Host = await createHost({
    environment: 'test',
    config,
    migrationsDir: join(process.cwd(), 'db/migrations'),
    dbFile: join(dir, 'hall.sqlite'),
    secretFile: join(dir, 'install-secret'),
    clock,
    logLevel: 'info',
    logStream: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });
  let screens: ChildProcess | undefined;
  try {
    const url = (await host.app.listen({ host: '127.0.0.1', port: 0 })).replace('http', 'ws');
    screens = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, SOAK_SCREENS_URL: url } });
    const child = screens;
    await new Promise<void>((resolve) => child.once('message', () => resolve()));

    let ops = 0;
    const call = async (method: 'GET' | 'POST', url: string, expect: number, payload?: object, auth?: string) => {
      clock.step();
      ops += 1;
      const res = await host.app.inject({
        method,
        url: `/api/v1${url}`,
        ...(payload === undefined ? {} : { payload }),
        ...(auth === undefined ? {} : { headers: { authorization: auth } }),
      });
      if (res.statusCode !== expect) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res;
    };

    const signIn = await call('POST', '/auth/sign-in', 200, { staffNo: '9001', pin: TEST_PIN });
    const auth = `Bearer ${(signIn.json() as { token: string }).token}`;
    const windows = ((await call('GET', '/windows', 200)).json() as { windows: { id: number; services: string[] }[] }).windows;
    for (let i = 0; i < BACKLOG; i++) {
      const w = windows[i % windows.length]!;
      await call('POST', '/tickets', 201, { serviceCode: w.services[0], withIdentity: false });
    }

    const visit = async (v: number) => {
      const w = windows[v % windows.length]!;
      const serviceCode = w.services[0]!;
      await call('GET', '/services', 200);
      clock.step();
      ops += 1;
      host.identity.begin(cards[v % cards.length]!);
      await call('GET', '/identity', 200);
      const issued = (await call('POST', '/tickets', 201, { serviceCode, withIdentity: true })).json() as {
        ticket: { id: number };
        progressUrl: string;
      };
      await call('POST', '/identity/end', 200);
      const called = (await call('POST', `/windows/${w.id}/call-next`, 200, {}, auth)).json() as { call: { ticketId: number } };
      await call('GET', `/windows/${w.id}`, 200);
      await call('POST', `/windows/${w.id}/finish`, 200, { outcome: 'done' }, auth);
      const level = levels[v % levels.length]!;
      // A rating carries the key of the ticket's QR (the citizen's paper): the ticket issued above.
      const k = new URL(issued.progressUrl).searchParams.get('k') ?? '';
      if (called.call.ticketId === issued.ticket.id)
        await call('POST', '/evaluations', 201, {
          level,
          ticketId: issued.ticket.id,
          ticketKey: k,
          ...(level === 'dissatisfied' || level === 'very_dissatisfied' ? { reason: '等候时间长' } : {}),
        });
      await call('GET', `/tickets/${issued.ticket.id}/progress?k=${encodeURIComponent(k)}`, 200);
      // A display (re)connecting reads the recent calls; live calls reach it over its socket.
      if (v % DISPLAY_RELOAD_EVERY === 0) await call('GET', '/calls/recent?limit=6', 200);
    };

    let v = 0;
    while (ops < WARM_UP_OPS) await visit(v++);
    const warm = await settledMemory();
    const warmOps = ops;
    const started = nowMs();
    const trend: string[] = [];
    while (ops - warmOps < SOAK_OPS) {
      await visit(v++);
      if (ops - warmOps >= (trend.length + 1) * TREND_EVERY) trend.push((process.memoryUsage().rss / MB).toFixed(0));
    }
    const seconds = (nowMs() - started) / 1000;
    const soaked = await settledMemory();
    const soakOps = ops - warmOps;
    const heard = await new Promise<number>((resolve) => {
      child.once('message', (m: { heard: number }) => resolve(m.heard));
      child.send('count');
    });
    console.log(
      `soak: ${warmOps} warm-up + ${soakOps} operations in ${seconds.toFixed(1)} s (${(soakOps / seconds).toFixed(0)} ops/s), ` +
        `${SCREENS} screens heard ${heard} events, ended at ${clock.now().toISOString()}`,
    );
    console.log(`  after warm-up and GC: ${describe(warm)}; after the soak and GC: ${describe(soaked)}`);
    console.log(`  RSS every ${TREND_EVERY.toLocaleString('en')} operations of the soak (no forced GC): ${trend.join(', ')} MB`);
    report({
      name: `host RSS after a ${SOAK_OPS.toLocaleString('en')}-operation soak`,
      value: soaked.rss,
      unit: 'MB',
      baseline: warm.rss,
      baselineName: `RSS after a ${WARM_UP_OPS.toLocaleString('en')}-op warm-up`,
      target: 1.1,
      targetKind: 'ratio<',
    });
    report({
      name: `host heap used after a ${SOAK_OPS.toLocaleString('en')}-operation soak`,
      value: soaked.heapUsed,
      unit: 'MB',
      baseline: warm.heapUsed,
      baselineName: 'heap used after warm-up',
    });
  } finally {
    screens?.kill();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const screensUrl = process.env.SOAK_SCREENS_URL;
if (screensUrl) runScreens(screensUrl);
else await soak();
