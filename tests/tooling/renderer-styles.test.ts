import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { retiredConsoleClasses, undefinedCustomProperties } from './renderer-styles';
import { scratchTrees } from '../support/scratch-tree';

/**
 * The renderer's styles (tests/tooling/renderer-styles.ts): no custom property is read that
 * nothing defines, and the staff consoles' shared classes go by their one name.
 */
const repoRoot = join(import.meta.dirname, '../..');
const { tree, cleanup } = scratchTrees('renderer-styles-');
afterAll(cleanup);

describe('the renderer’s styles', () => {
  it('read no custom property that nothing defines', () => {
    expect(undefinedCustomProperties(repoRoot)).toEqual([]);
  });

  it('name the consoles’ shared look once (console-muted, console-notice, console-button)', () => {
    expect(retiredConsoleClasses(repoRoot)).toEqual([]);
  });

  it('fails on a variable read but never defined, naming the file and line; a fallback or an inline style defines it', () => {
    const root = tree({
      'renderer/a/a.css': '.a {\n  --a-line: #ccc;\n  border: 1px solid var(--a-line);\n  color: var(--mgr-bad);\n}\n',
      'renderer/b/B.tsx': "export const s = { '--cols': 48 };\n",
      'renderer/b/b.css': '.b {\n  width: calc(var(--cols) * 1em);\n  color: var(--maybe, red);\n}\n',
    });
    expect(undefinedCustomProperties(root)).toEqual(['renderer/a/a.css:4: --mgr-bad is defined nowhere']);
  });

  it('fails on a per-console name of a shared class, in a component or a stylesheet', () => {
    const root = tree({
      'renderer/manager/x/X.tsx': 'export const X = () => <p className="mgr-muted">x</p>;\n',
      'renderer/technician/t.css': '.tech .tech-button {\n}\n.tech-buttons {\n}\n',
    });
    expect(retiredConsoleClasses(root)).toEqual([
      'renderer/manager/x/X.tsx:1: mgr-muted is now console-muted',
      'renderer/technician/t.css:1: tech-button is now console-button',
    ]);
  });
});
