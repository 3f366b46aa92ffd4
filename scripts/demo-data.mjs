#!/usr/bin/env node
// `npm run demo-data [-- --seed TEXT --workdays N --per-day N --config FILE]`: writes a year of
// invented hall history (tickets, ratings and their 差评 follow-ups, cases) into the demo's
// database, for the manager's reports and charts. Run it with the demo stopped (it refuses a
// database a running host has open), or use `npm start -- --demo-data`, which runs it first.
// It refuses a production hall's data folder. The generator is host code (host/demo/), run built.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { defaultDataDir } from '../db/data-folder.ts';
import { assertNode22, ensureBuild, root } from './lib/ensure-build.mjs';

assertNode22();
ensureBuild();
const args = process.argv.slice(2);
const withDataDir = args.includes('--data-dir') ? args : ['--data-dir', defaultDataDir(), ...args];
const result = spawnSync(process.execPath, [join(root, 'dist/host/demo-data.js'), ...withDataDir], { stdio: 'inherit' });
process.exit(result.status ?? 1);
