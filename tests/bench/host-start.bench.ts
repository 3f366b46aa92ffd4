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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { median, report } from './harness';
import { bareFastify, timeToReady, type Start } from './process-start';

const RUNS = 5;
const TIMEOUT_MS = 30_000;
const root = process.cwd();
const probe = (port: number) => ({ port, healthPath: '/api/v1/health', timeoutMs: TIMEOUT_MS });
const hostMain = join(root, 'dist/host/main.js');

const BARE_FASTIFY = bareFastify('/api/v1/health');

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
    bare.push(
      await timeToReady(['--input-type=module', '-e', BARE_FASTIFY], { ...probe(port), env: { BENCH_PORT: String(port) } }),
    );
    port = await freePort();
    fresh.push(await timeToReady(host(port), probe(port)));
    port = await freePort();
    restart.push(await timeToReady(host(port), probe(port)));
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
