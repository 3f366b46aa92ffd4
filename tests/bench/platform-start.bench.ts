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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import { median, report } from './harness';
import { bareFastify, timeToReady, type Start } from './process-start';

const RUNS = 3;
const TIMEOUT_MS = 60_000;
const root = process.cwd();
const probe = (port: number) => ({ port, healthPath: '/v1/health', timeoutMs: TIMEOUT_MS });
const platformMain = join(root, 'dist/platform/main.js');

const BARE_FASTIFY = bareFastify('/v1/health');

const work = mkdtempSync(join(tmpdir(), 'bench-platform-start-'));
try {
  const bare: Start[] = [];
  const fresh: Start[] = [];
  const restart: Start[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = join(work, `data-${i}`);
    const platform = (port: number) => [platformMain, '--quiet', '--port', String(port), '--data-dir', dataDir];
    let port = await freePort();
    bare.push(
      await timeToReady(['--input-type=module', '-e', BARE_FASTIFY], { ...probe(port), env: { BENCH_PORT: String(port) } }),
    );
    port = await freePort();
    fresh.push(await timeToReady(platform(port), probe(port)));
    port = await freePort();
    restart.push(await timeToReady(platform(port), probe(port)));
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
