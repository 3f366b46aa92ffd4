#!/usr/bin/env node
// `npm run bench [-- name-filter]`: bundles each tests/bench/*.bench.ts with
// esbuild and runs it in its own Node process, one after another (benchmarks
// must not share the two cores). Each bench prints its own baseline, its
// measurements and their ratio; nothing here asserts on time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleNodeScript } from './lib/bundle-ts.mjs';
import { assertNode22, root } from './lib/ensure-build.mjs';

assertNode22();
const filter = process.argv[2] ?? '';
const benchDir = join(root, 'tests/bench');
const outDir = join(root, '.cache/bench');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const benches = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches "${filter}"`);
  process.exit(1);
}
let failed = 0;
for (const file of benches) {
  const out = join(outDir, file.replace(/\.ts$/, '.mjs'));
  await bundleNodeScript(root, join(benchDir, file), out);
  console.log(`\n▶ ${file}`);
  const run = spawnSync(process.execPath, ['--expose-gc', out], { stdio: 'inherit', cwd: root });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
