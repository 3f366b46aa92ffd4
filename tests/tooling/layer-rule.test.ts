import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Proves the layer rule bites: each case lays out a tiny tree with the
 * project's folder names in a temp dir, runs dependency-cruiser with the
 * project's own config on it, and expects the named rule to fail (or pass).
 */
const repoRoot = join(import.meta.dirname, '../..');
const depcruise = join(repoRoot, 'node_modules/.bin/depcruise');
const config = join(repoRoot, '.dependency-cruiser.cjs');
const scratch: string[] = [];

function cruise(files: Record<string, string>): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'layer-rule-'));
  scratch.push(dir);
  // A stand-in `electron` package so the import resolves as it would in the project.
  const all = {
    'node_modules/electron/package.json': '{"name":"electron","main":"index.js"}',
    'node_modules/electron/index.js': 'module.exports = {};',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const roots = [...new Set(Object.keys(files).map((f) => f.split('/')[0] ?? f))];
  const run = spawnSync(depcruise, ['--config', config, '--output-type', 'err', ...roots], { cwd: dir, encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('layer rule (.dependency-cruiser.cjs)', () => {
  it('accepts imports that point down the table', () => {
    const result = cruise({
      'host/queue.ts': "import { t } from '../hardware/reader';\nexport const q = t;\n",
      'hardware/reader.ts': "import { c } from '../contracts/x';\nexport const t = c;\n",
      'contracts/x.ts': 'export const c = 1;\n',
    });
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
  });

  it('fails when hardware/ imports host/ (upward)', () => {
    const result = cruise({
      'hardware/reader.ts': "import { q } from '../host/queue';\nexport const t = q;\n",
      'host/queue.ts': 'export const q = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('layer-hardware');
  });

  it('fails when the renderer imports the host', () => {
    const result = cruise({
      'renderer/page.ts': "import { q } from '../host/queue';\nexport const p = q;\n",
      'host/queue.ts': 'export const q = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('layer-renderer');
  });

  it("fails when the platform imports the hall's db/ or the host: it shares only the contracts", () => {
    const result = cruise({
      'platform/store/cases.ts':
        "import { o } from '../../db/open';\nimport { c } from '../../contracts/x';\nexport const s = [o, c];\n",
      'db/open.ts': 'export const o = 1;\n',
      'contracts/x.ts': 'export const c = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('layer-platform');
    expect(result.output).toContain('db/open.ts');
    expect(result.output).not.toContain('contracts/x.ts');
  });

  it('fails when anything outside electron/ imports electron', () => {
    const result = cruise({ 'host/window.ts': "import electron from 'electron';\nexport const w = electron;\n" });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('electron-only-in-electron');
  });

  it('lets electron/ import electron', () => {
    const result = cruise({ 'electron/main.ts': "import electron from 'electron';\nexport const w = electron;\n" });
    expect(result.output).not.toContain('electron-only-in-electron');
    expect(result.ok).toBe(true);
  });

  it('fails when db/ reaches for HTTP', () => {
    const result = cruise({ 'db/repo.ts': "import http from 'node:http';\nexport const h = http;\n" });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('no-http-in-hardware-or-db');
  });

  it('fails when a host/api/ handler imports db/ (even a type), and lets a service there do it', () => {
    const result = cruise({
      'host/api/routes-x.ts':
        "import type { Db } from '../../db/open';\nimport { s } from '../x/service';\nexport const r = (db: Db) => [db, s];\n",
      'host/x/service.ts': "import { open } from '../../db/open';\nexport const s = open;\n",
      'db/open.ts': 'export type Db = object;\nexport const open = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('no-db-in-host-api');
    expect(result.output).toContain('host/api/routes-x.ts');
    expect(result.output).not.toContain('host/x/service.ts');
  });
});
