#!/usr/bin/env node
// `npm test`: lint, format, layers, Electron security, typecheck, unit + integration, renderer components, build,
// e2e, reliability — in that order, every step run even after a failure, then one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertNode22, root } from './lib/ensure-build.mjs';

assertNode22();
const bin = (name) => join(root, 'node_modules/.bin', name);
const reports = join(root, '.cache/test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** What Prettier formats (`npm run format`) and this run checks. */
const formatted = ['electron', 'host', 'hardware', 'db', 'contracts', 'renderer', 'platform', 'tests', 'scripts', 'build'];
const vitest = (project) => [
  bin('vitest'),
  ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${project}.json`)}`],
];
/** The vitest projects, whose JSON reports the summary counts. */
const testProjects = ['unit', 'renderer', 'e2e', 'reliability'];
const steps = [
  // The rules that read one file at a time; the type-aware ones run in `typecheck`, on the programs it builds.
  ['lint', process.execPath, [join(root, 'scripts/lint/syntax.mjs')]],
  // Formatting is checked, never rewritten here: `npm run format` writes it.
  ['format', bin('prettier'), ['--check', ...formatted]],
  [
    'layers',
    bin('depcruise'),
    ['--config', '.dependency-cruiser.cjs', 'electron', 'host', 'hardware', 'db', 'contracts', 'renderer', 'platform', 'tests'],
  ],
  // Electronegativity on electron/: fails on any HIGH finding (scripts/electronegativity-check.mjs).
  ['electron-security', process.execPath, [join(root, 'scripts/electronegativity-check.mjs')]],
  // tsc's checks of the three tsconfigs, then the type-aware lint rules on the same programs.
  ['typecheck', process.execPath, [join(root, 'scripts/lint/typecheck.mjs')]],
  ['unit', ...vitest('unit')],
  // Components in happy-dom against a fake API client and event stream.
  ['renderer', ...vitest('renderer')],
  ['build', process.execPath, [join(root, 'scripts/build.mjs')]],
  ['e2e', ...vitest('e2e')],
  // kill -9, central API chaos, device faults over ptys, storage failure, a simulated hall day, fuzzing.
  ['reliability', ...vitest('reliability')],
];

const results = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
  results.push({ name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const project of testProjects) {
  const file = join(reports, `${project}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
// A failed check step (lint, types, build) counts as one failed test.
failed += results.filter((r) => !r.ok && !testProjects.includes(r.name)).length;

console.log('\nsteps:');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(1)} s)`);
console.log(`\nsummary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
