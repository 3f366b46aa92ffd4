/**
 * What TLS on the hall LAN costs (issue 18: at most +20% on host start and on the queue's p95
 * over the LAN listener).
 *
 * 1. Host start: the built host (`node dist/host/main.js`) spawned → its first 200 from
 *    /api/v1/health, with the LAN on (ready = the HTTPS LAN listener answers, verified against
 *    the hall CA) versus the LAN off (the plain loopback listener answers). Fresh data dir (the
 *    first boot creates the hall CA and the server certificate) and restart (both read back).
 *    Median of 5, interleaved.
 * 2. Issuing a ticket (POST /api/v1/tickets, synchronous=FULL) through one in-process host, over
 *    the HTTPS LAN listener versus the plain-http listener of the same app, each with a
 *    keep-alive connection as a browser holds one; batches interleaved so disk noise hits both.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostConfig } from '../../contracts/config';
import { createHost } from '../../host/app';
import { freePort } from '../support/free-port';
import { median, nowMs, percentile, report } from './harness';

const RUNS = 5;
const TIMEOUT_MS = 30_000;
const ISSUES = 1_500;
const BATCH = 50;
const root = process.cwd();
const hostMain = join(root, 'dist/host/main.js');
const allDay = [{ from: '00:00', to: '24:00' }];
const hours = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };

type Send = (options: { method: string; path: string; body?: string }) => Promise<{ status: number; body: string }>;

function sender(base: string, agent: HttpAgent | HttpsAgent): Send {
  const url = new URL(base);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return ({ method, path, body }) =>
    new Promise((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path, method, agent, headers: body ? { 'content-type': 'application/json' } : {} },
        (res: IncomingMessage) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.setTimeout(2_000, () => req.destroy(new Error('timeout')));
      req.end(body);
    });
}

/** Spawns the host; ms from spawn to the first 200 of `probe`; stops it. */
async function timeToReady(args: string[], probe: () => Promise<boolean>): Promise<number> {
  const t0 = nowMs();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`host exited (${child.exitCode}) before ready:\n${stderr}`);
      if (await probe().catch(() => false)) return nowMs() - t0;
      if (nowMs() - t0 > TIMEOUT_MS) throw new Error(`not ready within ${TIMEOUT_MS} ms:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function hostStart(work: string): Promise<void> {
  const central = `http://127.0.0.1:${await freePort()}`;
  const times = {
    plainFresh: [] as number[],
    plainRestart: [] as number[],
    tlsFresh: [] as number[],
    tlsRestart: [] as number[],
  };
  for (let i = 0; i < RUNS; i++) {
    for (const tls of [false, true]) {
      const port = await freePort();
      const lanPort = await freePort();
      const configFile = join(work, `hall-${i}-${tls ? 'tls' : 'plain'}.json`);
      const dataDir = join(work, `data-${i}-${tls ? 'tls' : 'plain'}`);
      const config = {
        centralApi: { url: central },
        ...(tls ? { lan: { enabled: true, host: '127.0.0.1', port: lanPort } } : {}),
      };
      writeFileSync(configFile, JSON.stringify(config));
      const args = [hostMain, '--env', 'test', '--config', configFile, '--port', String(port), '--data-dir', dataDir];
      const probe = async () => {
        // A fresh agent each probe: the bill includes the TLS handshake, verified against the hall CA.
        const agent = tls
          ? new HttpsAgent({ keepAlive: false, ca: readFileSync(join(dataDir, 'lan-tls', 'ca.pem'), 'utf8') })
          : new HttpAgent({ keepAlive: false });
        const base = tls ? `https://127.0.0.1:${lanPort}` : `http://127.0.0.1:${port}`;
        return (await sender(base, agent)({ method: 'GET', path: '/api/v1/health' })).status === 200;
      };
      const fresh = await timeToReady(args, probe);
      const restart = await timeToReady(args, probe);
      (tls ? times.tlsFresh : times.plainFresh).push(fresh);
      (tls ? times.tlsRestart : times.plainRestart).push(restart);
    }
  }
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`spawn → first 200, ms: LAN off fresh ${list(times.plainFresh)}; restart ${list(times.plainRestart)}`);
  console.log(`  LAN on (https) fresh ${list(times.tlsFresh)}; restart ${list(times.tlsRestart)}`);
  report({
    name: 'host start with the LAN on (https, CA created), fresh data dir (median)',
    value: median(times.tlsFresh),
    unit: 'ms',
    baseline: median(times.plainFresh),
    baselineName: 'the same start with the LAN off',
    target: 1.2,
    targetKind: 'ratio≤',
  });
  report({
    name: 'host restart with the LAN on (https), existing data (median)',
    value: median(times.tlsRestart),
    unit: 'ms',
    baseline: median(times.plainRestart),
    baselineName: 'the same restart with the LAN off',
    target: 1.2,
    targetKind: 'ratio≤',
  });
}

async function queueOverLan(work: string): Promise<void> {
  const base = HostConfig.parse({});
  const services = base.services.map((s) => ({ ...s, numberEnd: 9999, dailyLimit: 9999 }));
  const host = await createHost({
    environment: 'test',
    config: HostConfig.parse({
      hours,
      services,
      devices: [],
      centralApi: { url: `http://127.0.0.1:${await freePort()}` },
      lan: { enabled: true, host: '127.0.0.1', port: 0 },
    }),
    migrationsDir: join(root, 'db/migrations'),
    dbFile: join(work, 'queue', 'hall.sqlite'),
    secretFile: join(work, 'queue', 'install-secret'),
    logLevel: 'silent',
  });
  try {
    if (host.lan === null) throw new Error('no LAN listener');
    const plainBase = await host.app.listen({ host: '127.0.0.1', port: 0 });
    const lanBase = await host.lan.listen();
    const ca = readFileSync(join(work, 'queue', 'lan-tls', 'ca.pem'), 'utf8');
    const plain = sender(plainBase, new HttpAgent({ keepAlive: true, maxSockets: 1 }));
    const lan = sender(lanBase, new HttpsAgent({ keepAlive: true, maxSockets: 1, ca }));
    const codes = services.map((s) => s.code);
    const issue = async (send: Send, i: number) => {
      const t0 = nowMs();
      const res = await send({
        method: 'POST',
        path: '/api/v1/tickets',
        body: JSON.stringify({ serviceCode: codes[i % codes.length], withIdentity: false }),
      });
      if (res.status !== 201) throw new Error(`issue: HTTP ${res.status} ${res.body}`);
      return nowMs() - t0;
    };
    // Warm both paths (JIT, the TLS session) before anything is counted.
    for (let i = 0; i < 50; i++) {
      await issue(plain, i);
      await issue(lan, i);
    }
    const plainMs: number[] = [];
    const lanMs: number[] = [];
    for (let done = 0; done < ISSUES; done += BATCH) {
      for (let i = 0; i < BATCH; i++) plainMs.push(await issue(plain, done + i));
      for (let i = 0; i < BATCH; i++) lanMs.push(await issue(lan, done + i));
    }
    console.log(
      `issue over http: p50 ${median(plainMs).toFixed(2)} p95 ${percentile(plainMs, 95).toFixed(2)} ms; ` +
        `over the https LAN listener: p50 ${median(lanMs).toFixed(2)} p95 ${percentile(lanMs, 95).toFixed(2)} ms`,
    );
    report({
      name: 'issue a ticket over the https LAN listener (p95)',
      value: percentile(lanMs, 95),
      unit: 'ms',
      baseline: percentile(plainMs, 95),
      baselineName: 'the same issue over plain http (same app, same run)',
      target: 1.2,
      targetKind: 'ratio≤',
    });
  } finally {
    await host.close();
  }
}

const work = mkdtempSync(join(tmpdir(), 'bench-lan-tls-'));
try {
  await hostStart(work);
  await queueOverLan(work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
