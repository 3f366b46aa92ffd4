import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform, type Configuration } from 'electron-builder';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromAppBuilderLib, isRecord, nativeBinaries, REQUIRED_FUSES, repoRoot, schemaErrors } from '../build/packaging-rules';

/**
 * `npm run package` up to the step that needs Electron's zip: electron-builder packs the built
 * app (dist/) with build/electron-builder.mjs into Linux's unpacked form, using a stand-in
 * Electron distribution (these machines have no Electron binary or zip; the stand-in carries
 * the fuse wire a real binary has). What comes out is what a kiosk would run: the asar and what
 * it leaves out, the unpacked native modules, the update feed, the kiosk session files, the
 * locales and the flipped fuses.
 */
const { listPackage } = fromAppBuilderLib('@electron/asar') as {
  listPackage: (archive: string, options: { isPack: boolean }) => string[];
};

/** An unpacked Electron as electron-builder expects it, with a fuse wire of nine unset fuses. */
function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from([1, 9, ...new Array<number>(9).fill(FuseState.INHERIT)]);
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([Buffer.alloc(512), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), wire]),
    {
      mode: 0o755,
    },
  );
  for (const file of ['chrome-sandbox', 'LICENSE', 'LICENSES.chromium.html']) writeFileSync(join(dir, file), '');
  writeFileSync(join(dir, 'version'), '45.5.0');
  for (const locale of ['en-US', 'zh-CN', 'de', 'fr']) writeFileSync(join(dir, 'locales', `${locale}.pak`), '');
}

describe('packaging dry run (stand-in Electron distribution: no Electron zip on these machines)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'packaging-'));
  const appOut = join(scratch, 'release/linux-unpacked');
  const resources = join(appOut, 'resources');
  let nativeModules: string[] = [];
  let asarFiles: string[] = [];

  beforeAll(async () => {
    for (const built of ['dist/electron/main.cjs', 'dist/host/main.js', 'dist/renderer/index.html']) {
      if (!existsSync(join(repoRoot, built))) throw new Error(`${built} missing: run npm run build first`);
    }
    const module: unknown = await import(join(repoRoot, 'build/electron-builder.mjs'));
    if (!isRecord(module) || !isRecord(module.default)) throw new Error('build/electron-builder.mjs exports no config');
    expect(schemaErrors(module.default)).toEqual([]);
    nativeModules = module.NATIVE_MODULES as string[];
    const config = module.default as Configuration;
    standInElectron(join(scratch, 'electron'));
    await build({
      projectDir: repoRoot,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: {
        ...config,
        electronDist: join(scratch, 'electron'),
        directories: { ...config.directories, output: join(scratch, 'release') },
      },
    });
    asarFiles = listPackage(join(resources, 'app.asar'), { isPack: false });
  }, 180_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('packs the built app and nothing of the sources, tests, source maps or renderer-only packages', () => {
    for (const file of [
      '/package.json',
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/host/main.js',
      '/dist/renderer/index.html',
      '/dist/db/migrations/001-queue.sql',
    ]) {
      expect(asarFiles, file).toContain(file);
    }
    const own = asarFiles.filter((f) => !f.startsWith('/node_modules/'));
    expect(
      own.filter((f) => /^\/(electron|host|hardware|db|contracts|renderer|tools|platform|tests|scripts|build)\//.test(f)),
    ).toEqual([]);
    expect(own.filter((f) => f.startsWith('/dist/platform') || f.endsWith('.map'))).toEqual([]);
    expect(asarFiles.filter((f) => f.startsWith('/node_modules/@electric-sql/pglite/'))).toEqual([]);
    expect(asarFiles.filter((f) => /^\/node_modules\/(react|react-dom|@fontsource)\//.test(f))).toEqual([]);
    expect(asarFiles).toContain('/node_modules/electron-updater/package.json');
  });

  it('leaves every N-API binary outside the asar, where Electron can load it', () => {
    const binaries = nativeBinaries(nativeModules);
    expect(binaries.length).toBeGreaterThan(0);
    expect(binaries.filter((file) => !existsSync(join(resources, 'app.asar.unpacked', file)))).toEqual([]);
  });

  it('flips the fuses of the packaged binary (afterPack)', async () => {
    const wire = await getCurrentFuseWire(join(appOut, 'hall-kiosk'));
    const states = Object.fromEntries(
      Object.keys(REQUIRED_FUSES).map((name) => [name, wire[FuseV1Options[name as keyof typeof FuseV1Options]]]),
    );
    expect(states).toEqual(
      Object.fromEntries(Object.entries(REQUIRED_FUSES).map(([name, on]) => [name, on ? FuseState.ENABLE : FuseState.DISABLE])),
    );
  });

  it('ships the update feed, the kiosk session files and only the Chinese and English locales', () => {
    const feed = readFileSync(join(resources, 'app-update.yml'), 'utf8');
    expect(feed).toContain('provider: generic');
    expect(feed).toContain('url: https://updates.invalid/hall-kiosk');
    expect(readdirSync(join(resources, 'linux')).sort()).toEqual(['99-hall-kiosk.rules', 'README.md', 'hall-kiosk.service']);
    expect(readdirSync(join(appOut, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });
});
