import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isRecord,
  nativeBinaries,
  packagingProblems,
  REQUIRED_FUSES,
  repoRoot,
  schemaErrors,
  type PackagingFacts,
} from './packaging-rules';

/**
 * The CI check of the packaging config (build/electron-builder.mjs): valid against
 * electron-builder's own schema, and meeting the points of the root README's Packaging section. Packaging itself needs the
 * Electron zip, which these machines do not have; every negative case mutates a copy to show
 * the check fails where the config would be wrong.
 */

/** The module as electron-builder loads it; typed only as far as the test checks it. */
async function load(path: string): Promise<Record<string, unknown>> {
  const module: unknown = await import(join(repoRoot, path));
  if (!isRecord(module)) throw new Error(`${path} is not a module`);
  return module;
}

/** FUSES keyed by FuseV1Options name instead of wire index (version and options pass through). */
function fusesByName(fuses: unknown): Record<string, unknown> | undefined {
  if (!isRecord(fuses)) return undefined;
  return Object.fromEntries(
    Object.entries(fuses).map(([key, value]) => [/^\d+$/.test(key) ? (FuseV1Options[Number(key)] ?? key) : key, value]),
  );
}

const clone = <T>(value: T): T => structuredClone(value);
let config: Record<string, unknown>;
let facts: PackagingFacts;
let afterPack: (context: unknown) => Promise<void>;
let nativeModules: string[];
let rendererOnlyModules: string[];
const scratch: string[] = [];

beforeAll(async () => {
  const configModule = await load('build/electron-builder.mjs');
  const hook = await load('build/after-pack.mjs');
  if (!isRecord(configModule.default)) throw new Error('build/electron-builder.mjs exports no config object');
  if (typeof hook.afterPack !== 'function') throw new Error('build/after-pack.mjs exports no afterPack');
  config = configModule.default;
  afterPack = hook.afterPack as (context: unknown) => Promise<void>;
  nativeModules = configModule.NATIVE_MODULES as string[];
  rendererOnlyModules = configModule.RENDERER_ONLY_MODULES as string[];
  facts = { nativeBinaries: nativeBinaries(nativeModules), fuses: fusesByName(hook.FUSES) };
});
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('electron-builder config: schema', () => {
  it('is valid against app-builder-lib/scheme.json, checked by the ajv electron-builder itself uses', () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('fails the schema on a mutated copy: an unknown option, a wrong type, an unknown arch', () => {
    const unknownOption = { ...clone(config), asarUnpak: ['**/*.node'] };
    expect(schemaErrors(unknownOption)).toContainEqual(
      expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'asarUnpak' } }),
    );

    // electron-builder would coerce "false" to false; this check does not, so a typo'd value shows.
    const wrongType = { ...clone(config), npmRebuild: 'false' };
    expect(schemaErrors(wrongType)).toContainEqual(expect.objectContaining({ instancePath: '/npmRebuild', keyword: 'type' }));

    const unknownArch = clone(config);
    unknownArch.win = { ...(unknownArch.win as object), target: [{ target: 'nsis', arch: ['x86'] }] };
    expect(schemaErrors(unknownArch).some((e) => e.instancePath.startsWith('/win/target'))).toBe(true);
  });
});

describe('electron-builder config: the packaging points', () => {
  it('targets, npmRebuild, asar + asarUnpack of every N-API binary, files, fuses, publish, icons', () => {
    expect(packagingProblems(config, facts)).toEqual([]);
    // The three N-API modules ship prebuilds for several platforms; all of them are covered.
    for (const name of nativeModules) {
      expect(facts.nativeBinaries.filter((file) => file.startsWith(`node_modules/${name}/`)).length, name).toBeGreaterThan(0);
    }
  });

  const mutations: [string, (c: Record<string, unknown>, f: PackagingFacts) => void, string][] = [
    [
      'the deb without arm64',
      (c) => {
        c.linux = {
          ...(c.linux as object),
          target: [
            { target: 'AppImage', arch: ['x64', 'arm64'] },
            { target: 'deb', arch: ['x64'] },
          ],
        };
      },
      'linux: deb for arm64',
    ],
    ['no Windows installer', (c) => void (c.win = { icon: 'build/icon.ico' }), 'win: nsis for x64'],
    ['npmRebuild on', (c) => void (c.npmRebuild = true), 'npmRebuild: false'],
    ['asar off', (c) => void (c.asar = false), 'asar: true'],
    [
      'node-hid left out of asarUnpack',
      (c) => void (c.asarUnpack = ['node_modules/better-sqlite3/**/*.node', 'node_modules/@serialport/bindings-cpp/**/*.node']),
      'asarUnpack: node_modules/node-hid/',
    ],
    ['the whole project in files', (c) => void (c.files = ['**/*']), 'files: tests/e2e/electron-shell.test.ts would be packed'],
    [
      'source maps packed',
      (c) => void (c.files = ['package.json', 'dist/**']),
      'files: dist/electron/main.cjs.map would be packed',
    ],
    ['no afterPack hook', (c) => void delete c.afterPack, 'afterPack: a hook file in build/'],
    ['RunAsNode left on', (_c, f) => void (f.fuses = { ...f.fuses, RunAsNode: true }), 'fuses: RunAsNode off'],
    [
      'OnlyLoadAppFromAsar left off',
      (_c, f) => void (f.fuses = { ...f.fuses, OnlyLoadAppFromAsar: false }),
      'fuses: OnlyLoadAppFromAsar on',
    ],
    ['a GitHub provider', (c) => void (c.publish = [{ provider: 'github' }]), 'publish: a generic provider'],
  ];
  it.each(mutations)('fails on a mutated copy: %s', (_name, mutate, problem) => {
    const c = clone(config);
    const f = clone(facts);
    mutate(c, f);
    expect(packagingProblems(c, f).join('\n')).toContain(problem);
  });

  it('keeps out of the asar only packages that the packaged code never imports', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name)) {
          const text = readFileSync(path, 'utf8');
          for (const name of rendererOnlyModules) {
            const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
            // A value import (not `import type`), a dynamic import or a require of the package or a subpath.
            const value = new RegExp(`(^import (?!type )[^;]*?from |import\\(|require\\()'${escaped}(/[^']*)?'`, 'm');
            if (value.test(text)) offenders.push(`${path.slice(repoRoot.length + 1)} imports ${name}`);
          }
        }
      }
    };
    for (const dir of ['electron', 'host', 'hardware', 'db', 'contracts']) walk(join(repoRoot, dir));
    expect(offenders).toEqual([]);
  });

  it('keeps no package in the asar that depends on one it leaves out (package-lock.json)', () => {
    const lock: unknown = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));
    const packages = isRecord(lock) && isRecord(lock.packages) ? lock.packages : {};
    const excludedPaths = rendererOnlyModules.map((name) => `node_modules/${name}/`);
    const dependents: string[] = [];
    for (const [path, info] of Object.entries(packages)) {
      if (!path.startsWith('node_modules/') || !isRecord(info) || info.dev === true) continue;
      if (excludedPaths.some((excluded) => `${path}/`.startsWith(excluded))) continue;
      const needs = Object.keys({
        ...(isRecord(info.dependencies) ? info.dependencies : {}),
        ...(isRecord(info.optionalDependencies) ? info.optionalDependencies : {}),
      });
      for (const name of needs.filter((n) => rendererOnlyModules.includes(n))) dependents.push(`${path} needs ${name}`);
    }
    expect(dependents).toEqual([]);
  });
});

describe('afterPack hook (build/after-pack.mjs)', () => {
  /** A stand-in for the Electron binary (none on these machines): the fuse sentinel and a wire of `length` unset fuses. */
  function standInBinary(dir: string, name: string, length: number): string {
    const path = join(dir, name);
    const wire = Buffer.from([1, length, ...new Array<number>(length).fill(FuseState.INHERIT)]);
    writeFileSync(
      path,
      Buffer.concat([Buffer.alloc(1024, 0x7f), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), wire, Buffer.alloc(1024, 0x7f)]),
    );
    return path;
  }
  const context = (appOutDir: string, electronPlatformName: string) => ({
    appOutDir,
    electronPlatformName,
    packager: { executableName: 'hall-kiosk', appInfo: { productFilename: 'Hall Kiosk' } },
  });
  const expected = { ...REQUIRED_FUSES, WasmTrapHandlers: true };

  it.each([
    ['linux', 'hall-kiosk'],
    ['win32', 'Hall Kiosk.exe'],
  ])('flips and reads back every fuse in a stand-in Electron binary (%s: %s)', async (platform, file) => {
    const dir = mkdtempSync(join(tmpdir(), 'after-pack-'));
    scratch.push(dir);
    const binary = standInBinary(dir, file, 9);
    await afterPack(context(dir, platform));
    const wire = await getCurrentFuseWire(binary);
    const states = Object.fromEntries(
      Object.keys(expected).map((name) => [name, wire[FuseV1Options[name as keyof typeof FuseV1Options]]]),
    );
    expect(states).toEqual(
      Object.fromEntries(Object.entries(expected).map(([name, on]) => [name, on ? FuseState.ENABLE : FuseState.DISABLE])),
    );
  });

  it('fails the packaging when the binary has a fuse the hook does not decide (strictlyRequireAllFuses)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'after-pack-'));
    scratch.push(dir);
    standInBinary(dir, 'hall-kiosk', 10);
    await expect(afterPack(context(dir, 'linux'))).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('refuses a platform it has no binary path for', async () => {
    await expect(afterPack(context(tmpdir(), 'darwin'))).rejects.toThrow(/no fuse handling for platform darwin/);
  });
});

describe('icons (build/make-icons.mjs output)', () => {
  const pngSize = (path: string) => {
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  };

  it('the Linux icon set: each build/icons/NxN.png is a PNG of N×N, up to 512', () => {
    const files = readdirSync(join(repoRoot, 'build/icons'));
    expect(files).toContain('512x512.png');
    for (const file of files) {
      const [, w, h] = /^(\d+)x(\d+)\.png$/.exec(file) ?? [];
      expect(pngSize(join(repoRoot, 'build/icons', file)), file).toEqual([Number(w), Number(h)]);
    }
  });

  it('the Windows icon: an .ico with a 256 px image (NSIS and the .exe need it)', () => {
    const bytes = readFileSync(join(repoRoot, 'build/icon.ico'));
    expect(bytes.readUInt16LE(2)).toBe(1); // type: icon
    const count = bytes.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => bytes[6 + 16 * i] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});
