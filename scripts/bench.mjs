#!/usr/bin/env node
// `npm run bench [-- name-filter]`: bundles each tests/bench/*.bench.ts with esbuild and runs it
// in its own Node process, one after another (benchmarks must not share the two cores). Each
// bench prints its lines and appends its records (tests/bench/harness.ts `report()`) to a JSONL
// file named by BENCH_RESULTS_FILE; then one table of them all is printed and written to
// bench-results/latest.json (a filtered run writes bench-results/filtered.json instead).
// Nothing here asserts on time: a missed target says NOT met in the table, and only a bench that
// crashed makes the exit code non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundleNodeScript } from './lib/bundle-ts.mjs';
import { formatTable, machineFacts } from './lib/bench-report.mjs';
import { assertNode22, ensureBuild, root } from './lib/ensure-build.mjs';

assertNode22();
const filter = process.argv[2] ?? '';
const benchDir = join(root, 'tests/bench');
const outDir = join(root, '.cache/bench');
const resultsDir = join(root, 'bench-results');
/** Benches that run the built host or renderer (dist/). */
const NEEDS_BUILD = new Set([
  'host-start.bench.ts',
  'kiosk-paint.bench.ts',
  'kiosk-visit.bench.ts',
  'lan-tls.bench.ts',
  'platform-start.bench.ts',
]);

const benches = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches "${filter}"`);
  process.exit(1);
}
const facts = machineFacts(root);
if (benches.some((f) => NEEDS_BUILD.has(f))) ensureBuild();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const started = Date.now();
const runs = [];
const records = [];
for (const file of benches) {
  const name = file.replace(/\.bench\.ts$/, '');
  const out = join(outDir, `${name}.bench.mjs`);
  const resultsFile = join(outDir, `${name}.jsonl`);
  await bundleNodeScript(root, join(benchDir, file), out);
  console.log(`\n▶ ${file}`);
  const t0 = Date.now();
  const run = spawnSync(process.execPath, ['--expose-gc', out], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, BENCH_RESULTS_FILE: resultsFile },
  });
  const seconds = (Date.now() - t0) / 1000;
  runs.push({ file, exitCode: run.status ?? (run.signal ? `signal ${run.signal}` : 'unknown'), seconds });
  console.log(`  (${seconds.toFixed(1)} s)`);
  if (!existsSync(resultsFile)) continue;
  for (const line of readFileSync(resultsFile, 'utf8').split('\n')) {
    if (line.trim() !== '') records.push({ bench: name, ...JSON.parse(line) });
  }
}
const totalSeconds = (Date.now() - started) / 1000;

console.log(`\n${formatTable(records, runs)}\n`);
const crashed = runs.filter((r) => r.exitCode !== 0);
const missed = records.filter((r) => r.met === false).length;
mkdirSync(resultsDir, { recursive: true });
const target = join(resultsDir, filter === '' ? 'latest.json' : 'filtered.json');
const summary = {
  date: new Date().toISOString(),
  filter: filter === '' ? null : filter,
  totalSeconds: Number(totalSeconds.toFixed(1)),
  ...facts,
  benches: runs,
  results: records,
};
writeFileSync(target, `${JSON.stringify(summary, null, 2)}\n`);
console.log(
  `${records.length} figures from ${runs.length} benches in ${totalSeconds.toFixed(0)} s: ` +
    `${missed} target(s) NOT met, ${crashed.length} bench(es) crashed → ${relative(root, target)}`,
);
process.exit(crashed.length === 0 ? 0 : 1);
