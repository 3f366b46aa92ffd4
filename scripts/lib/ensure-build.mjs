// "Build if needed": rebuild when dist is missing or any source is newer than it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_DIRS = ['electron', 'host', 'hardware', 'db', 'contracts', 'renderer', 'platform'];
const SOURCE_FILES = [
  'package.json',
  'vite.config.ts',
  'vite.district.config.ts',
  'vite.complaint.config.ts',
  'scripts/build.mjs',
];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function assertNode22() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    console.error(
      `hall-kiosk needs Node >= 22 (this is ${process.version}). Run it through npm (npm start), which uses the node@22 devDependency.`,
    );
    process.exit(1);
  }
}

export function ensureBuild() {
  const stamp = join(root, 'dist/.build-stamp');
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => join(root, p)).filter(existsSync);
  const stale = !existsSync(stamp) || Math.max(...sources.map(newestMtime)) > statSync(stamp).mtimeMs;
  if (!stale) return;
  console.log('build: sources changed, building…');
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
