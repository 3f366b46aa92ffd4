#!/usr/bin/env node
// Builds everything without the Electron binary: the renderer (Vite), the host
// and the district platform (esbuild, Node ESM), Electron main/preload
// (esbuild, CJS), and copies the SQL migrations next to their bundles.
import { build as esbuild } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const started = Date.now();

rmSync(join(dist, 'host'), { recursive: true, force: true });
rmSync(join(dist, 'platform'), { recursive: true, force: true });
// The reference central API's bundle of earlier builds (tools/, replaced by the platform).
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
  // The district platform, bundled with its pure-JS packages like the host (Fastify, zod, …:
  // faster to load). PGlite stays in node_modules: it loads its WebAssembly and data files from
  // beside its own module. So does node-postgres (and the native binding it may probe for).
  esbuild({
    ...node,
    format: 'esm',
    packages: undefined,
    external: ['@electric-sql/pglite', 'pg', 'pg-native'],
    banner: {
      js: "import { createRequire as platformCreateRequire } from 'node:module'; const require = platformCreateRequire(import.meta.url);",
    },
    entryPoints: { 'platform/main': 'platform/main.ts' },
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
// platform/db/migrate.ts finds them next to its module: in the bundle, dist/platform/main.js.
cpSync(join(root, 'platform/db/migrations'), join(dist, 'platform/migrations'), { recursive: true });
preparePlatformData();

await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
// The district console's page, after the hall's build (which empties dist/renderer): a build of
// its own, so it shares no chunk with the hall's screens (vite.district.config.ts says why).
await viteBuild({ configFile: join(root, 'vite.district.config.ts'), logLevel: 'warn' });
// The public complaint form's page (/complaint on the platform), a build of its own for the same reason.
await viteBuild({ configFile: join(root, 'vite.complaint.config.ts'), logLevel: 'warn' });

writeFileSync(join(dist, '.build-stamp'), new Date().toISOString());

/**
 * The platform's first boot on PGlite loads a migrated, empty database instead of running an
 * initdb and the migrations (~1 s instead of ~4 s of CPU here; platform/main.ts). Made by the
 * built platform itself, only when the migrations or PGlite changed: kept in .cache/ under
 * their digest, copied to dist/platform/prepared-data.tar.gz (~4 MB).
 */
function preparePlatformData() {
  const hash = createHash('sha256');
  const migrations = join(root, 'platform/db/migrations');
  for (const name of readdirSync(migrations).sort()) hash.update(name).update(readFileSync(join(migrations, name)));
  hash.update(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json')));
  const cacheDir = join(root, '.cache/platform-prepared');
  const cached = join(cacheDir, `${hash.digest('hex').slice(0, 16)}.tar.gz`);
  if (!existsSync(cached)) {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}.partial`;
    const made = spawnSync(process.execPath, [join(dist, 'platform/main.js'), '--write-prepared-data', partial], {
      stdio: 'inherit',
    });
    if (made.status !== 0) throw new Error('build: the platform could not prepare its first-boot database');
    renameSync(partial, cached);
  }
  cpSync(cached, join(dist, 'platform/prepared-data.tar.gz'));
}
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s → ${dist}`);
