#!/usr/bin/env node
// `npm start`: the embedded default on this machine. Builds if needed, starts the
// district platform (the central API, on embedded PostgreSQL: PGlite, its data under the user
// data folder), then opens the kiosk: in Electron when its binary is installed
// (the shell boots the host itself, as a packaged kiosk does), else the host on loopback
// (SQLite under the user data folder, simulated devices) in Chromium's app mode, else (no
// display) the host alone, printing the URLs. Extra arguments go to the host (e.g.
// --config FILE); under Electron only --config is passed on (HALL_KIOSK_CONFIG).
// `--demo-data` first writes a year of invented history into the demo's database (npm run
// demo-data), before any host opens it; without it, a demo with no history says so in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
// The data folder is named in one place (Node strips the file's types).
import { defaultDataDir } from '../db/data-folder.ts';
import { assertNode22, ensureBuild, root } from './lib/ensure-build.mjs';
import { rolePageLines } from './lib/role-pages.mjs';

assertNode22();
ensureBuild();

const dataDir = defaultDataDir();
mkdirSync(dataDir, { recursive: true });
const hostPort = Number(process.env.HALL_KIOSK_PORT ?? 7300);
const centralPort = Number(process.env.HALL_CENTRAL_PORT ?? 7310);
const hostUrl = `http://127.0.0.1:${hostPort}`;
const children = [];
const hostArgs = process.argv.slice(2).filter((arg) => arg !== '--demo-data');
demoHistory(process.argv.includes('--demo-data'));

function run(name, args, extraEnv = {}) {
  const child = spawn(args[0], args.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...extraEnv } });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (shuttingDown) return;
    console.error(`${name} exited (${signal ?? code}); stopping.`);
    shutdown(code ?? 1);
  });
  return child;
}

let shuttingDown = false;
function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

async function waitForHealth(url, name) {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  console.error(`${name} did not come up at ${url}`);
  shutdown(1);
}

run('platform', [
  process.execPath,
  join(root, 'dist/platform/main.js'),
  '--port',
  String(centralPort),
  '--data-dir',
  join(dataDir, 'platform'),
  '--quiet',
  // The district console's demo account (admin / district-demo) at /district on the platform.
  '--demo-admin',
]);
await waitForHealth(`http://127.0.0.1:${centralPort}/v1/health`, 'platform');
console.log(`District console (区级平台): http://127.0.0.1:${centralPort}/district  (demo account admin / district-demo)`);
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
// Electron ≥42 fetches its binary on first run; we only look for an installed
// one and never start its downloader.
const electronBinary = join(root, 'node_modules/electron/dist/electron');
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
// Chromium (and Electron) refuse to start as root with their sandbox; a kiosk user account
// should never be root, but a developer's container often is.
const asRoot = process.getuid?.() === 0;
const rootWarning = 'Running as root: the browser starts without its sandbox. Use a normal user account on a kiosk.';

if (hasDisplay && existsSync(electronBinary)) {
  // The shell forks the host in a utility process on the same data folder and port
  // (electron/main.ts): starting one here too would put two hosts on one SQLite file.
  const args = hostArgs;
  const configAt = args.indexOf('--config');
  const configFile = configAt >= 0 ? args[configAt + 1] : undefined;
  if (asRoot) console.warn(rootWarning);
  run('electron', [electronBinary, ...(asRoot ? ['--no-sandbox'] : []), join(root, 'dist/electron/main.cjs')], {
    HALL_KIOSK_PORT: String(hostPort),
    ...(configFile ? { HALL_KIOSK_CONFIG: resolve(configFile) } : {}),
  });
} else {
  run('host', [
    process.execPath,
    join(root, 'dist/host/main.js'),
    // The demo: simulated devices, the district platform and its dev token, readable log lines.
    '--env',
    'demo',
    '--port',
    String(hostPort),
    '--data-dir',
    dataDir,
    ...hostArgs,
  ]);
  await waitForHealth(`${hostUrl}/api/v1/health`, 'host');
  openWithoutElectron();
}

/**
 * The demo's history (host/demo, built to dist/host/demo-data.js): written now when asked, before
 * any host opens the database; otherwise a one-line hint when the demo has none yet.
 */
function demoHistory(write) {
  const configAt = hostArgs.indexOf('--config');
  const config = configAt >= 0 && hostArgs[configAt + 1] ? ['--config', hostArgs[configAt + 1]] : [];
  const generator = [join(root, 'dist/host/demo-data.js'), '--data-dir', dataDir, ...config];
  const result = spawnSync(process.execPath, write ? generator : [...generator, '--hint'], { stdio: 'inherit' });
  if (write && result.status !== 0) process.exit(result.status ?? 1);
}

function openWithoutElectron() {
  const kioskUrl = `${hostUrl}/kiosk`;
  if (!hasDisplay) {
    console.log('No display found: serving headless. Open these in a browser:');
    for (const line of rolePageLines(hostUrl)) console.log(line);
  } else if (chromium) {
    // The one line that says there is no Electron here and what runs instead.
    console.log(`Electron binary not installed: opening the kiosk in Chromium app mode (${kioskUrl}).`);
    if (asRoot) console.warn(rootWarning);
    run('chromium', [
      chromium,
      ...(asRoot ? ['--no-sandbox'] : []),
      `--app=${kioskUrl}`,
      `--user-data-dir=${join(dataDir, 'chromium')}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate',
      // A kiosk or hall screen speaks without a tap first (voice guidance, call announcements).
      '--autoplay-policy=no-user-gesture-required',
      '--window-size=1920,1080',
      '--window-position=0,0',
      '--disable-gpu',
    ]);
  } else {
    console.log(`Neither Electron nor Chromium is installed; open ${kioskUrl} in a browser.`);
  }
}
