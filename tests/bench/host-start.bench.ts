/**
 * Host cold start: the built host (`node dist/host/main.js`) spawned on a free port →
 * its first 200 from GET /api/v1/health. Target: < 1.5 s (the shell restarts a crashed host; a
 * kiosk should be back before the citizen gives up).
 *
 * Two starts: a fresh data dir (first boot: migrations, install secret, first supervisor) and a
 * restart on the data the first left (what a kiosk does every morning). Both run the embedded
 * default configuration (simulated devices), with the central API pointed at a closed port so
 * no one else's server on the default port is touched.
 *
 * Baseline, same run: a bare `node` process that imports Fastify, registers the same route and
 * listens — the floor of any Node + Fastify service on this machine, so the ratio is what the
 * host's own start adds. The clock runs from spawn() to the 200 in every case; the probe polls
 * every 5 ms with node:http (no client warm-up billed to the first start). Median of 5,
 * interleaved so machine noise hits all three alike.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { median, nowMs, report } from './harness';

const RUNS = 5;
const TIMEOUT_MS = 30_000;
const root = process.cwd();
const hostMain = join(root, 'dist/host/main.js');

const BARE_FASTIFY = `
import Fastify from 'fastify';
const app = Fastify();
app.get('/api/v1/health', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT) });
`;

function health(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/api/v1/health', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on('error', () => resolve(null));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(null);
    });
  });
}

/**
 * CPU ms (user + system) a live process has used, from /proc (Linux; NaN elsewhere). Printed
 * next to the wall times: on a busy machine it shows how much of a slow start was waiting.
 */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return Number.NaN;
  }
}

interface Start {
  wallMs: number;
  cpuMs: number;
}

/** Spawns `args`; ms from spawn to the first 200 of /api/v1/health (and its CPU by then); stops it. */
async function timeToReady(args: string[], port: number, env: NodeJS.ProcessEnv = {}): Promise<Start> {
  const t0 = nowMs();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ready:\n${stderr}`);
      if ((await health(port)) === 200) return { wallMs: nowMs() - t0, cpuMs: cpuOf(child.pid) };
      if (nowMs() - t0 > TIMEOUT_MS) throw new Error(`not ready within ${TIMEOUT_MS} ms:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const work = mkdtempSync(join(tmpdir(), 'bench-host-start-'));
try {
  const configFile = join(work, 'hall.json');
  writeFileSync(configFile, JSON.stringify({ centralApi: { url: `http://127.0.0.1:${await freePort()}` } }));
  const bare: Start[] = [];
  const fresh: Start[] = [];
  const restart: Start[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = join(work, `data-${i}`);
    const host = (port: number) => [
      hostMain,
      '--env',
      'test',
      '--config',
      configFile,
      '--port',
      String(port),
      '--data-dir',
      dataDir,
    ];
    let port = await freePort();
    bare.push(await timeToReady(['--input-type=module', '-e', BARE_FASTIFY], port, { BENCH_PORT: String(port) }));
    port = await freePort();
    fresh.push(await timeToReady(host(port), port));
    port = await freePort();
    restart.push(await timeToReady(host(port), port));
  }
  const show = (xs: Start[]) =>
    `${xs.map((x) => x.wallMs.toFixed(0)).join(', ')} (CPU ${xs.map((x) => x.cpuMs.toFixed(0)).join(', ')})`;
  console.log(`spawn → first 200, ms: bare Fastify ${show(bare)}`);
  console.log(`  host, fresh data dir ${show(fresh)}`);
  console.log(`  host, restart ${show(restart)}`);
  const baseline = median(bare.map((x) => x.wallMs));
  report({
    name: 'host cold start to ready, fresh data dir (median)',
    value: median(fresh.map((x) => x.wallMs)),
    unit: 'ms',
    baseline,
    baselineName: 'bare node + Fastify listening',
    target: 1500,
    targetKind: 'value<',
  });
  report({
    name: 'host restart to ready, existing data (median)',
    value: median(restart.map((x) => x.wallMs)),
    unit: 'ms',
    baseline,
    baselineName: 'bare node + Fastify listening',
    target: 1500,
    targetKind: 'value<',
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
