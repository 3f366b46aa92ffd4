import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A dependency's install script runs with the developer's (or CI's) rights at `npm ci`: a
 * compromised package anywhere in the tree would own the build machine and what it packages.
 * npm runs only the scripts `allowScripts` in package.json approves, but by default an
 * unreviewed package still runs its script "with a notice". This holds the list complete and
 * npm strict about it, so a new package with an install script fails the install until someone
 * decides.
 */
const repoRoot = join(import.meta.dirname, '../..');

/** Why each package denied in `allowScripts` may not run its install script (a denial needs one). */
const deniedBecause: Record<string, string> = {
  'electron-winstaller':
    'picks a 7-Zip binary for Squirrel.Windows installers; we package NSIS (build/electron-builder.mjs) and never call it',
  'es5-ext': 'its postinstall only prints a political message; the package works without it',
};

interface LockEntry {
  readonly hasInstallScript?: boolean;
  readonly version?: string;
}

function packagesWithInstallScripts(): string[] {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

function allowScripts(): Record<string, boolean> {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    allowScripts?: Record<string, boolean>;
  };
  return manifest.allowScripts ?? {};
}

/** A name-only entry or one pinned to a version (`pkg@1.2.3`) decides for that package. */
function decisionFor(name: string, list: Record<string, boolean>): boolean | undefined {
  for (const [key, allowed] of Object.entries(list)) {
    const at = key.lastIndexOf('@');
    const keyName = at > 0 ? key.slice(0, at) : key;
    if (keyName === name) return allowed;
  }
  return undefined;
}

function npmConfig(key: string): string {
  const result = spawnSync('npm', ['config', 'get', key], { cwd: repoRoot, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe('install scripts run only for the allow-list', () => {
  it('every package of the lockfile with an install script is allowed, or denied with a reason', () => {
    const list = allowScripts();
    const undecided = packagesWithInstallScripts().filter((name) => decisionFor(name, list) === undefined);
    expect(undecided).toEqual([]);
    const deniedWithoutReason = Object.entries(list)
      .filter(([name, allowed]) => !allowed && deniedBecause[name] === undefined)
      .map(([name]) => name);
    expect(deniedWithoutReason).toEqual([]);
  });

  it('allows the native and toolchain packages the build needs', () => {
    const list = allowScripts();
    for (const name of ['better-sqlite3', '@serialport/bindings-cpp', 'node-hid', 'esbuild', 'node']) {
      expect(decisionFor(name, list), name).toBe(true);
    }
  });

  it('makes npm fail an install on a package the list does not decide, instead of running it', () => {
    expect(npmConfig('strict-allow-scripts')).toBe('true');
    expect(npmConfig('dangerously-allow-all-scripts')).toBe('false');
    // An allow-list in .npmrc would bypass the reviewed one in package.json.
    expect(npmConfig('allow-scripts')).toBe('');
  });
});
