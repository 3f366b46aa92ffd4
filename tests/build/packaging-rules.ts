import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * What the packaging config must say (the root README's Packaging section), as one function that lists every point it
 * misses: the test applies it to build/electron-builder.mjs (no problems) and to mutated copies
 * (each mutation named in the problems), so a wrong config cannot pass unnoticed.
 */
export const repoRoot = join(import.meta.dirname, '../..');

/** electron-builder's own copies of ajv and minimatch (the ones that validate and match at packaging time). */
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const appBuilderLibDir = dirname(fromBuilder.resolve('app-builder-lib/package.json'));
export const fromAppBuilderLib = createRequire(join(appBuilderLibDir, 'package.json'));

export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
interface CompiledSchema {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
interface AjvInstance {
  compile(schema: object): CompiledSchema;
}
type AjvClass = new (options: Record<string, unknown>) => AjvInstance;
type Minimatch = (path: string, pattern: string, options: { dot: boolean }) => boolean;

const ajvModule = fromAppBuilderLib('ajv') as { default: AjvClass };
const { minimatch } = fromAppBuilderLib('minimatch') as { minimatch: Minimatch };
export const schemaPath = join(appBuilderLibDir, 'scheme.json');

let compiled: CompiledSchema | undefined;
/** Validates against app-builder-lib/scheme.json as electron-builder does, minus its type coercion. */
export function schemaErrors(config: unknown): SchemaError[] {
  // strict: false because the schema uses a `typeof` keyword of ajv-keywords (function-valued hooks).
  compiled ??= new ajvModule.default({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  return compiled(config) ? [] : (compiled.errors ?? []);
}

/** electron-builder matches `files` and `asarUnpack` with minimatch and `{ dot: true }` (fileMatcher.js). */
export const matches = (path: string, pattern: string): boolean => minimatch(path, pattern, { dot: true });

/** Included by a `files` list: some positive pattern matches and no `!` pattern does. */
export function packs(files: string[], path: string): boolean {
  const positive = files.filter((p) => !p.startsWith('!'));
  const negative = files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return positive.some((p) => matches(path, p)) && !negative.some((p) => matches(path, p));
}

/** Every `.node` file under the named packages, as paths relative to the project. */
export function nativeBinaries(packages: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.node')) found.push(relative(repoRoot, path));
    }
  };
  for (const name of packages) walk(join(repoRoot, 'node_modules', name));
  return found.sort();
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

/** The arches each target of a platform section builds, e.g. { AppImage: ['x64', 'arm64'] }. */
function targetArches(platform: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const targets = record(platform).target;
  for (const target of Array.isArray(targets) ? targets : []) {
    if (!isRecord(target) || typeof target.target !== 'string') continue;
    result[target.target] = typeof target.arch === 'string' ? [target.arch] : strings(target.arch);
  }
  return result;
}

/**
 * The fuses a kiosk needs, by @electron/fuses' FuseV1Options name: no way to run the binary as
 * plain Node or to pass it NODE_OPTIONS or --inspect, encrypted cookies, only the checked app.asar.
 */
export const REQUIRED_FUSES: Record<string, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

export interface PackagingFacts {
  /** `.node` files of the N-API modules, relative to the project. */
  nativeBinaries: string[];
  /** The afterPack hook's fuse config, keyed by FuseV1Options name (undefined: no hook module). */
  fuses: Record<string, unknown> | undefined;
}

/** Everything the config misses of the packaging points; empty when it meets them all. */
export function packagingProblems(config: unknown, facts: PackagingFacts): string[] {
  const problems: string[] = [];
  const c = record(config);
  const need = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };

  need(typeof c.appId === 'string' && /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(c.appId), 'appId: a reverse-DNS id');
  need(c.productName === 'Hall Kiosk', 'productName: "Hall Kiosk"');
  need(c.asar === true, 'asar: true');
  need(c.npmRebuild === false, 'npmRebuild: false (N-API prebuilds serve Node and Electron)');

  const linux = targetArches(c.linux);
  for (const target of ['AppImage', 'deb']) {
    for (const arch of ['x64', 'arm64']) need(linux[target]?.includes(arch) === true, `linux: ${target} for ${arch}`);
  }
  need(targetArches(c.win).nsis?.includes('x64') === true, 'win: nsis for x64');

  const unpack = strings(c.asarUnpack);
  need(facts.nativeBinaries.length > 0, 'native modules: no .node file found (is node_modules installed?)');
  for (const binary of facts.nativeBinaries) {
    need(
      unpack.some((pattern) => matches(binary, pattern)),
      `asarUnpack: ${binary} stays inside the asar`,
    );
  }

  const files = strings(c.files);
  for (const path of [
    'package.json',
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/host/main.js',
    'dist/renderer/index.html',
    'dist/db/migrations/001-queue.sql',
  ]) {
    need(packs(files, path), `files: ${path} is not packed`);
  }
  for (const path of [
    'electron/main.ts',
    'host/app.ts',
    'contracts/config.ts',
    'renderer/kiosk/KioskApp.tsx',
    'tests/build/packaging-rules.ts',
    'tests/e2e/electron-shell.test.ts',
    'dist/electron/main.cjs.map',
    'dist/platform/main.js',
    'build/electron-builder.mjs',
  ]) {
    need(!packs(files, path), `files: ${path} would be packed`);
  }

  const afterPack = c.afterPack;
  need(typeof afterPack === 'string' && existsSync(join(repoRoot, afterPack)), 'afterPack: a hook file in build/');
  if (facts.fuses === undefined) problems.push('afterPack: the hook exports no FUSES');
  else {
    need(facts.fuses.strictlyRequireAllFuses === true, 'fuses: strictlyRequireAllFuses');
    for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
      need(facts.fuses[fuse] === value, `fuses: ${fuse} ${value ? 'on' : 'off'}`);
    }
  }

  const publish = Array.isArray(c.publish) ? c.publish : [c.publish];
  need(
    publish.some((p) => isRecord(p) && p.provider === 'generic' && typeof p.url === 'string'),
    'publish: a generic provider (the technician sets the real URL at run time)',
  );

  const linuxIcon = record(c.linux).icon;
  need(
    typeof linuxIcon === 'string' && existsSync(join(repoRoot, linuxIcon, '256x256.png')),
    'linux.icon: a folder of NxN.png icons',
  );
  const winIcon = record(c.win).icon;
  need(typeof winIcon === 'string' && winIcon.endsWith('.ico') && existsSync(join(repoRoot, winIcon)), 'win.icon: an .ico file');
  return problems;
}
