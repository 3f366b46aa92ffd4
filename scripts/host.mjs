#!/usr/bin/env node
// `npm run host -- --config FILE`: the host alone, headless (a hall server, or a
// terminal without a screen). Builds first if the sources changed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { assertNode22, ensureBuild, root } from './lib/ensure-build.mjs';

assertNode22();
ensureBuild();
const child = spawn(process.execPath, [join(root, 'dist/host/main.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
