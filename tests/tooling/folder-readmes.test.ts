import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  claimedLayers,
  folderMapProblems,
  folderTableRows,
  mayImportCellProblems,
  readLayerRule,
  readmeProblems,
} from './folder-readmes';
import { scratchTrees } from '../support/scratch-tree';

/**
 * Folder READMEs say what a folder may import; this keeps them true to the layer rule of
 * `.dependency-cruiser.cjs` and to the code, and makes every folder of host/ and renderer/ have
 * one. The cases below lay out small trees to show each check fails where it should.
 */
const repoRoot = join(import.meta.dirname, '../..');
const rule = readLayerRule(join(repoRoot, '.dependency-cruiser.cjs'));
const { tree, cleanup } = scratchTrees('folder-readmes-');
afterAll(cleanup);

/** A small tree that passes: each case below breaks one thing of it. */
const good: Record<string, string> = {
  'host/README.md': '# host/\n\nThe host.\n\nMay import: `hardware/`, `db/`, `contracts/`. Never `electron`.\n',
  'host/clock/README.md': '# host/clock/\n\nThe clock.\n\nMay import: nothing of ours.\n',
  'host/clock/clock.ts': 'export const now = () => new Date();\n',
  'host/queue/README.md': '# host/queue/\n\nTickets.\n\nMay import: `contracts/`, `db/` and other `host/` folders.\n',
  'host/queue/queue.ts': "import { now } from '../clock/clock';\nimport { t } from '../../db/t';\nexport const q = [now, t];\n",
  'renderer/README.md': '# renderer/\n\nMay import: `contracts/`.\n',
  'db/README.md': '# db/\n\nMay import: `contracts/`.\n',
  'db/t.ts': 'export const t = 1;\n',
};

describe('folder READMEs and the layer rule', () => {
  it('reads the layer rule from .dependency-cruiser.cjs', () => {
    expect(rule.allowed.get('host')).toEqual(new Set(['hardware', 'db', 'contracts']));
    expect(rule.allowed.get('contracts')).toEqual(new Set());
    expect(rule.layers).toContain('renderer');
  });

  it('takes the claim from the first sentence of the "May import:" line only', () => {
    expect(claimedLayers('May import: `contracts/` (types only), `serialport`. Never `host/`.\n', rule.layers)).toEqual(
      new Set(['contracts']),
    );
    expect(claimedLayers('May import: `zod` only.\n', rule.layers)).toEqual(new Set());
    expect(claimedLayers('# no line\n', rule.layers)).toBeNull();
  });

  it('finds nothing wrong with this repository', () => {
    expect(readmeProblems(repoRoot, rule)).toEqual([]);
  });

  it('finds nothing wrong with a tree that keeps the rules', () => {
    expect(readmeProblems(tree(good), rule)).toEqual([]);
  });

  it('fails when a README claims an import the layer rule forbids', () => {
    const problems = readmeProblems(
      tree({ ...good, 'host/README.md': '# host/\n\nMay import: `hardware/`, `db/`, `contracts/`, `renderer/`.\n' }),
      rule,
    );
    expect(problems).toEqual(['host/README.md says it may import renderer/, which .dependency-cruiser.cjs forbids for host/']);
  });

  it('fails when a folder of host/ or renderer/ has no README, or one without the line', () => {
    const withoutReadme = { ...good };
    delete withoutReadme['host/clock/README.md'];
    expect(readmeProblems(tree(withoutReadme), rule)).toEqual(['host/clock/README.md is missing']);
    expect(
      readmeProblems(
        tree({ ...good, 'renderer/kiosk/Kiosk.tsx': 'export {};\n', 'renderer/kiosk/README.md': '# kiosk\n' }),
        rule,
      ),
    ).toEqual(['renderer/kiosk/README.md has no "May import:" line']);
  });

  it('fails when the code imports a layer its README leaves out', () => {
    const problems = readmeProblems(
      tree({ ...good, 'host/clock/clock.ts': "import { t } from '../../db/t';\nexport const now = () => t;\n" }),
      rule,
    );
    expect(problems).toEqual(['host/clock/README.md does not list db/, which host/clock/ imports']);
  });
});

describe("the root README's folder map", () => {
  /** Top-level folders git tracks (a build output or a scratch folder is not part of the tree). */
  const tracked = [
    ...new Set(
      spawnSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' })
        .stdout.split('\n')
        .filter((path) => path.includes('/'))
        .map((path) => path.split('/')[0] ?? path),
    ),
  ].sort();
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

  it('lists every folder of the tree, and each layer with what its rule allows', () => {
    expect(tracked).toContain('host');
    expect(folderMapProblems(readme, tracked, rule)).toEqual([]);
  });

  it('fails on a folder left out, a folder that is gone, and an import the rule does not allow', () => {
    const map = (rows: string) =>
      `# x\n\n## Folder map\n\n| folder | holds | may import |\n| --- | --- | --- |\n${rows}\n## Next\n`;
    const host = '| `host/` | the host | hardware, db, contracts |\n';
    expect(folderMapProblems(map(host), ['host', 'docs'], rule)).toEqual(['the folder map leaves out docs/']);
    expect(folderMapProblems(map(`${host}| \`gone/\` | old | — |\n`), ['host'], rule)).toEqual([
      'the folder map lists gone/, which is not in the tree',
    ]);
    expect(folderMapProblems(map('| `host/` | the host | hardware, db, contracts, renderer |\n'), ['host'], rule)).toEqual([
      'the folder map says host/ may import [hardware, db, contracts, renderer]; the rule says [hardware, db, contracts]',
    ]);
  });
});

describe("docs/architecture.md's layer table", () => {
  it('states what each layer may import exactly as the rule does', () => {
    const rows = folderTableRows(readFileSync(join(repoRoot, 'docs/architecture.md'), 'utf8'), 'Layers');
    expect(rows.map((r) => r.folder)).toEqual(expect.arrayContaining([...rule.allowed.keys()]));
    expect(mayImportCellProblems(rows, rule, 'docs/architecture.md')).toEqual([]);
  });
});
