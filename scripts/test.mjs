#!/usr/bin/env node
// `npm test`: lint, format, layers, Electron security, typecheck, unit + integration, renderer components, build,
// e2e, reliability — every step run even after a failure, then one summary line. The checks run first, in two
// lanes side by side (each check is one single-threaded process, and the machines have two cores); the test
// projects then run one after another, each using both cores itself.
import { spawn, spawnSync } from 'node:child_process';
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
/** Checks, each a single-threaded process: two lanes run side by side, each lane's checks in order. */
const checkLanes = [
  // tsc's checks of the three tsconfigs, then the type-aware lint rules on the same programs: the longest check.
  [['typecheck', process.execPath, [join(root, 'scripts/lint/typecheck.mjs')]]],
  [
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
  ],
];
const steps = [
  ['unit', ...vitest('unit')],
  // Components in happy-dom against a fake API client and event stream.
  ['renderer', ...vitest('renderer')],
  ['build', process.execPath, [join(root, 'scripts/build.mjs')]],
  ['e2e', ...vitest('e2e')],
  // kill -9, central API chaos, device faults over ptys, storage failure, a simulated hall day, fuzzing.
  ['reliability', ...vitest('reliability')],
];
const env = { ...process.env, FORCE_COLOR: '0' };

/** Runs a check with its output held, so two lanes' outputs do not interleave: printed whole when it ends. */
function runHeld(name, command, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const finish = (ok) => {
      process.stdout.write(`\n▶ ${name}\n`);
      process.stdout.write(Buffer.concat(output));
      resolve({ name, ok, seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
  });
}

async function runLane(lane) {
  const done = [];
  for (const [name, command, args] of lane) done.push(await runHeld(name, command, args));
  return done;
}

const results = (await Promise.all(checkLanes.map(runLane))).flat();
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', cwd: root, env });
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
