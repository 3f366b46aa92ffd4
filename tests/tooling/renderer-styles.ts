import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The renderer's stylesheets checked as text. A CSS custom property read where nothing defines it,
 * or a class that no stylesheet styles any more, fails silently in the browser (the value falls
 * back to nothing, the element loses its look), so a rename that a parallel branch did not see
 * would ship unnoticed. These scans make both loud.
 */

/** The classes both staff consoles share under one name (renderer/ui/console/console.css) and the per-console names they replaced. */
export const RETIRED_CONSOLE_CLASSES: ReadonlyMap<string, string> = new Map([
  ['mgr-muted', 'console-muted'],
  ['tech-muted', 'console-muted'],
  ['mgr-notice', 'console-notice'],
  ['tech-notice', 'console-notice'],
  ['mgr-button', 'console-button'],
  ['tech-button', 'console-button'],
]);

function sourceFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(css|tsx?)$/.test(entry.name)) out.push(path);
    }
  };
  walk(join(root, folder));
  return out.sort();
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
const named = (root: string, path: string) => relative(root, path).split(sep).join('/');

/**
 * Every `var(--name)` without a fallback must have a definition somewhere under `folder`: a
 * declaration `--name:` in a stylesheet, or a `'--name':` key of an inline style in a component.
 */
export function undefinedCustomProperties(root: string, folder = 'renderer'): string[] {
  const files = sourceFiles(root, folder).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const defined = new Set<string>();
  for (const { text } of files)
    for (const m of text.matchAll(/(?:^|[\s;{'"])(--[\w-]+)['"]?\s*:/gm)) if (m[1] !== undefined) defined.add(m[1]);
  const findings: string[] = [];
  for (const { path, text } of files)
    for (const m of text.matchAll(/var\(\s*(--[\w-]+)\s*\)/g))
      if (m[1] !== undefined && !defined.has(m[1]))
        findings.push(`${named(root, path)}:${lineOf(text, m.index)}: ${m[1]} is defined nowhere`);
  return findings;
}

/** Each use of a retired console class under `folder`, with the shared name to use instead. */
export function retiredConsoleClasses(root: string, folder = 'renderer'): string[] {
  const findings: string[] = [];
  for (const path of sourceFiles(root, folder)) {
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/(?<![\w-])((?:mgr|tech)-(?:muted|notice|button))(?![\w-])/g)) {
      const instead = m[1] === undefined ? undefined : RETIRED_CONSOLE_CLASSES.get(m[1]);
      if (instead) findings.push(`${named(root, path)}:${lineOf(text, m.index)}: ${m[1]} is now ${instead}`);
    }
  }
  return findings;
}
