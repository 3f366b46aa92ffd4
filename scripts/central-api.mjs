#!/usr/bin/env node
// `npm run central-api -- [--port N] [--db FILE]`: the reference central API alone.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { assertNode22, ensureBuild, root } from './lib/ensure-build.mjs';

assertNode22();
ensureBuild();
const child = spawn(process.execPath, [join(root, 'dist/tools/central-api/main.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
