#!/usr/bin/env node
// `npm run platform -- [--port N] [--data-dir DIR | --database-url postgres://…] [--token T]…`:
// the district platform alone (platform/main.ts, built to dist/platform/main.js). Without
// --data-dir or --database-url (or HALL_KIOSK_DATABASE_URL) it runs on PGlite in the user data
// folder, where `npm start` keeps it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
// The data folder is named in one place (Node strips the file's types).
import { defaultDataDir } from '../db/data-folder.ts';
import { assertNode22, ensureBuild, root } from './lib/ensure-build.mjs';

assertNode22();
ensureBuild();
const args = process.argv.slice(2);
const chosen = args.includes('--data-dir') || args.includes('--database-url') || Boolean(process.env.HALL_KIOSK_DATABASE_URL);
const database = chosen ? [] : ['--data-dir', join(defaultDataDir(), 'platform')];
const child = spawn(process.execPath, [join(root, 'dist/platform/main.js'), ...database, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
