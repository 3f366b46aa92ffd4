#!/usr/bin/env node
// `npm run screenshots`: builds the renderer if sources changed, then drives the real host
// (simulated devices, the district platform on PGlite) in Chromium through the main screens and writes
// PNGs to docs/screenshots/. Committed so the README shows the product as it is.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleNodeScript } from './lib/bundle-ts.mjs';
import { assertNode22, ensureBuild, root } from './lib/ensure-build.mjs';

assertNode22();
ensureBuild();
const outDir = join(root, '.cache/screenshots');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'take-screenshots.mjs');
await bundleNodeScript(root, join(root, 'tests/screenshots/take-screenshots.ts'), out);
// The platform finds its migrations next to its module, as in dist/: exactly today's, never a
// file left from an older tree (the runner refuses a gap or a duplicate number).
rmSync(join(outDir, 'migrations'), { recursive: true, force: true });
cpSync(join(root, 'platform/db/migrations'), join(outDir, 'migrations'), { recursive: true });
const run = spawnSync(process.execPath, [out], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
