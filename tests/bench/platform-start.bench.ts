/**
 * The district platform's embedded start, as `npm start` runs it: the built platform
 * (`node dist/platform/main.js --data-dir DIR`, PGlite) spawned on a free port → its first 200
 * from GET /v1/health. Targets from issue 20: a restart on existing data ≤ 2 s; a first boot
 * (without data: the build's prepared, migrated database loaded, the catalog seeded) ≤ 5 s.
 *
 * Baseline, same run: a bare `node` process that imports Fastify, registers the route and
 * listens, so the ratio is what the platform's own start adds (the embedded PostgreSQL above
 * all). The clock runs from spawn() to the 200; the probe polls every 5 ms with node:http.
 * Median of 3, interleaved so machine noise hits all three alike.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { median, nowMs, report } from './harness';

const RUNS = 3;
const TIMEOUT_MS = 60_000;
const root = process.cwd();
const platformMain = join(root, 'dist/platform/main.js');

const BARE_FASTIFY = `
import Fastify from 'fastify';
const app = Fastify();
app.get('/v1/health', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT) });
`;

function health(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/v1/health', agent: false }, (res) => {
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

/** CPU ms (user + system) a live process has used, from /proc (Linux; NaN elsewhere). */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Start {
  wallMs: number;
  cpuMs: number;
}

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
    // SIGTERM: the platform closes PGlite cleanly, as a restart the next morning finds it.
    child.kill('SIGTERM');
    await exited;
  }
}

const work = mkdtempSync(join(tmpdir(), 'bench-platform-start-'));
try {
  const bare: Start[] = [];
  const fresh: Start[] = [];
  const restart: Start[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = join(work, `data-${i}`);
    const platform = (port: number) => [platformMain, '--quiet', '--port', String(port), '--data-dir', dataDir];
    let port = await freePort();
    bare.push(await timeToReady(['--input-type=module', '-e', BARE_FASTIFY], port, { BENCH_PORT: String(port) }));
    port = await freePort();
    fresh.push(await timeToReady(platform(port), port));
    port = await freePort();
    restart.push(await timeToReady(platform(port), port));
  }
  const show = (xs: Start[]) =>
    `${xs.map((x) => x.wallMs.toFixed(0)).join(', ')} (CPU ${xs.map((x) => x.cpuMs.toFixed(0)).join(', ')})`;
  console.log(`spawn → first 200, ms: bare Fastify ${show(bare)}`);
  console.log(`  platform on PGlite, first boot ${show(fresh)}`);
  console.log(`  platform on PGlite, restart ${show(restart)}`);
  const baseline = median(bare.map((x) => x.wallMs));
  report({
    name: "platform (PGlite) first boot to ready, from the build's prepared database (median)",
    value: median(fresh.map((x) => x.wallMs)),
    unit: 'ms',
    baseline,
    baselineName: 'bare node + Fastify listening',
    target: 5000,
    targetKind: 'value≤',
  });
  report({
    name: 'platform (PGlite) restart to ready, existing data (median)',
    value: median(restart.map((x) => x.wallMs)),
    unit: 'ms',
    baseline,
    baselineName: 'bare node + Fastify listening',
    target: 2000,
    targetKind: 'value≤',
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
