#!/usr/bin/env node
// Builds everything without the Electron binary: the renderer (Vite), the host
// and the reference central API (esbuild, Node ESM), Electron main/preload
// (esbuild, CJS), and copies the SQL migrations next to their bundles.
import { build as esbuild } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const started = Date.now();

rmSync(join(dist, 'host'), { recursive: true, force: true });
rmSync(join(dist, 'tools'), { recursive: true, force: true });
rmSync(join(dist, 'electron'), { recursive: true, force: true });
// The migrations are copied afresh: a renamed or renumbered one left behind stops every start.
rmSync(join(dist, 'db'), { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * The host is bundled with its pure-JS packages (Fastify, zod, ajv, pino, …): resolving and
 * loading a few hundred files from node_modules was ~250 ms of the host's start on these
 * machines (tests/bench/host-start.bench.ts measures start to ready). Native modules stay in node_modules, loaded by
 * `require` from the bundle; so do the optional natives `ws` probes for.
 */
const HOST_EXTERNAL = [
  'better-sqlite3',
  'serialport',
  '@serialport/*',
  'node-hid',
  'usb',
  'bufferutil',
  'utf-8-validate',
  // The reports' Excel export imports it at the first export (host/reports/report-workbook.ts):
  // bundled, its ~1 MB would be parsed at every start of every kiosk for a manager's download.
  'exceljs',
];

await Promise.all([
  esbuild({
    ...node,
    format: 'esm',
    packages: undefined,
    external: HOST_EXTERNAL,
    // CommonJS packages inside an ES module bundle call require(): give them Node's.
    banner: {
      js: "import { createRequire as hallCreateRequire } from 'node:module'; const require = hallCreateRequire(import.meta.url);",
    },
    // The demo's history generator (npm run demo-data) is built beside the host: scripts run built output.
    entryPoints: { 'host/main': 'host/main.ts', 'host/demo-data': 'host/demo/main.ts' },
    outdir: dist,
  }),
  esbuild({
    ...node,
    format: 'esm',
    entryPoints: { 'tools/central-api/main': 'tools/central-api/main.ts' },
    outdir: dist,
  }),
  esbuild({
    ...node,
    format: 'cjs',
    external: ['electron'],
    entryPoints: { 'electron/main': 'electron/main.ts', 'electron/preload': 'electron/preload.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
  }),
]);

mkdirSync(join(dist, 'db'), { recursive: true });
cpSync(join(root, 'db/migrations'), join(dist, 'db/migrations'), { recursive: true });
cpSync(join(root, 'tools/central-api/migrations'), join(dist, 'tools/central-api/migrations'), { recursive: true });

await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });

writeFileSync(join(dist, '.build-stamp'), new Date().toISOString());
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → ${dist}`);
