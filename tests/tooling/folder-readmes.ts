import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { z } from 'zod';

/**
 * The folder READMEs against the layer rule. Each layer's README (and each README of a folder
 * below `host/` and `renderer/`) says what the folder may import, in a line of its own:
 *
 *   May import: `contracts/`, `db/` and other `host/` folders.
 *
 * The layers named in that line's first sentence are its claim. A claim must be allowed by the
 * `layer-<name>` rule of `.dependency-cruiser.cjs` (the folder's own layer always is), and the
 * folder's code must import no layer outside its claim, so the line can neither promise more than
 * the rule allows nor say less than the code does. Every folder of `host/` and `renderer/` needs a
 * README with such a line.
 */

const DepcruiseRule = z.object({
  name: z.string(),
  from: z.object({ path: z.string().optional() }).loose(),
  to: z.object({ path: z.string().optional(), pathNot: z.union([z.string(), z.array(z.string())]).optional() }).loose(),
});
const DepcruiseConfig = z.object({ forbidden: z.array(DepcruiseRule.loose()) }).loose();

export interface LayerRule {
  /** Every layer the rule knows (the folders of `to.path`). */
  layers: readonly string[];
  /** Layer → the other layers it may import (from its `layer-<name>` rule's `pathNot`). */
  allowed: ReadonlyMap<string, ReadonlySet<string>>;
}

/** `^host/` → `host`; anything else is not a folder anchor. */
const anchoredFolder = (pattern: string): string | null => /^\^([a-z-]+)\/$/.exec(pattern)?.[1] ?? null;

/** The layers and what each may import, read from the dependency-cruiser config's `layer-*` rules. */
export function readLayerRule(configFile: string): LayerRule {
  const config = DepcruiseConfig.parse(createRequire(import.meta.url)(configFile));
  const layers = new Set<string>();
  const allowed = new Map<string, ReadonlySet<string>>();
  for (const rule of config.forbidden) {
    if (!rule.name.startsWith('layer-')) continue;
    const layer = rule.name.slice('layer-'.length);
    const universe = /^\^\(([a-z|-]+)\)\/$/.exec(rule.to.path ?? '')?.[1];
    if (universe === undefined) throw new Error(`${rule.name}: to.path is not a list of folders`);
    for (const name of universe.split('|')) layers.add(name);
    const pathNot = rule.to.pathNot === undefined ? [] : [rule.to.pathNot].flat();
    const others = pathNot.map(anchoredFolder).filter((f): f is string => f !== null && f !== layer);
    allowed.set(layer, new Set(others));
  }
  return { layers: [...layers].sort(), allowed };
}

/** The layers a README's `May import:` line claims, or null without such a line. */
export function claimedLayers(readme: string, layers: readonly string[]): Set<string> | null {
  const line = /^May import:(.*)$/m.exec(readme)?.[1];
  if (line === undefined) return null;
  // Only the first sentence: what follows ("Never `electron`, …") names what is NOT imported.
  const sentence = line.split(/\.(?:\s|$)/)[0] ?? '';
  const claimed = new Set<string>();
  for (const match of sentence.matchAll(/\b([a-z-]+)\//g)) {
    const name = match[1];
    if (name !== undefined && layers.includes(name)) claimed.add(name);
  }
  return claimed;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SPECIFIERS = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(?\s*['"]([^'"]+)['"]/g, /\brequire\(\s*['"]([^'"]+)['"]/g];

function walk(dir: string, onFile: (file: string) => void): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, onFile);
    else onFile(path);
  }
}

/** Project folders (repo-relative) the code under `folder` imports by relative path, outside `folder` itself. */
function importedFolders(root: string, folder: string): Set<string> {
  const found = new Set<string>();
  walk(join(root, folder), (file) => {
    if (!SOURCE.test(file)) return;
    const text = readFileSync(file, 'utf8');
    for (const pattern of SPECIFIERS) {
      for (const match of text.matchAll(pattern)) {
        const specifier = match[1];
        if (specifier === undefined || !specifier.startsWith('.')) continue;
        const target = relative(root, normalize(join(dirname(file), specifier)));
        if (target.startsWith('..') || target === folder || target.startsWith(`${folder}${sep}`)) continue;
        found.add(target);
      }
    }
  });
  return found;
}

/** Every folder at and below `folder` (repo-relative), `folder` first. */
function foldersUnder(root: string, folder: string): string[] {
  const out = [folder];
  for (const name of readdirSync(join(root, folder)).sort()) {
    if (name === 'node_modules') continue;
    if (statSync(join(root, folder, name)).isDirectory()) out.push(...foldersUnder(root, join(folder, name)));
  }
  return out;
}

/** What is wrong with the folder READMEs of the tree at `root`; empty when nothing is. */
export function readmeProblems(root: string, rule: LayerRule): string[] {
  const problems: string[] = [];
  const required = new Set<string>();
  const checked: string[] = [];
  for (const layer of rule.allowed.keys()) {
    if (!existsSync(join(root, layer))) continue;
    const below = foldersUnder(root, layer);
    required.add(layer);
    // host/ and renderer/ hold many folders with one job each: every one of them says what it holds.
    if (layer === 'host' || layer === 'renderer') for (const folder of below) required.add(folder);
    checked.push(...below);
  }
  for (const folder of checked) {
    const readmeFile = join(root, folder, 'README.md');
    const shown = join(folder, 'README.md').split(sep).join('/');
    if (!existsSync(readmeFile)) {
      if (required.has(folder)) problems.push(`${shown} is missing`);
      continue;
    }
    const claimed = claimedLayers(readFileSync(readmeFile, 'utf8'), rule.layers);
    if (claimed === null) {
      if (required.has(folder)) problems.push(`${shown} has no "May import:" line`);
      continue;
    }
    const layer = folder.split(sep)[0] ?? folder;
    const allowed = rule.allowed.get(layer) ?? new Set<string>();
    for (const name of claimed) {
      if (name !== layer && !allowed.has(name))
        problems.push(`${shown} says it may import ${name}/, which .dependency-cruiser.cjs forbids for ${layer}/`);
    }
    const reached = new Set([...importedFolders(root, folder)].map((target) => target.split(sep)[0] ?? target));
    for (const name of reached) {
      if (rule.layers.includes(name) && !claimed.has(name))
        problems.push(`${shown} does not list ${name}/, which ${folder.split(sep).join('/')}/ imports`);
    }
  }
  return problems;
}

/** The rows of the first table under `## <heading>`: the folder's first segment and its "may import" cell. */
export function folderTableRows(markdown: string, heading: string): { folder: string; mayImport: string }[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return [];
  const rest = markdown.slice(start + heading.length + 5);
  const section = rest.slice(0, rest.search(/^## /m) >= 0 ? rest.search(/^## /m) : undefined);
  const rows: { folder: string; mayImport: string }[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | `host/` | holds | may import |  →  ['', '`host/`', 'holds', 'may import', '']
    const folder = /^`([^`/]+)\/[^`]*`$/.exec(cells[1] ?? '')?.[1];
    if (folder !== undefined) rows.push({ folder, mayImport: cells[3] ?? '' });
  }
  return rows;
}

/** Rows whose layer's "may import" cell names other layers than its rule allows. */
export function mayImportCellProblems(
  rows: readonly { folder: string; mayImport: string }[],
  rule: LayerRule,
  where: string,
): string[] {
  const problems: string[] = [];
  for (const { folder, mayImport } of rows) {
    const allowed = rule.allowed.get(folder);
    if (allowed === undefined) continue;
    const said = new Set(mayImport.split(/[^a-z-]+/).filter((word) => rule.layers.includes(word)));
    const same = said.size === allowed.size && [...said].every((l) => allowed.has(l));
    if (!same)
      problems.push(`${where} says ${folder}/ may import [${[...said].join(', ')}]; the rule says [${[...allowed].join(', ')}]`);
  }
  return problems;
}

/**
 * What is wrong with the root README's folder map: a tracked top-level folder it leaves out, a
 * row for a folder that does not exist, or a layer whose "may import" differs from its rule.
 */
export function folderMapProblems(readme: string, topFolders: readonly string[], rule: LayerRule): string[] {
  const problems: string[] = [];
  const rows = folderTableRows(readme, 'Folder map');
  const listed = new Set(rows.map((r) => r.folder));
  for (const folder of topFolders) if (!listed.has(folder)) problems.push(`the folder map leaves out ${folder}/`);
  for (const { folder } of rows) {
    if (!topFolders.includes(folder)) problems.push(`the folder map lists ${folder}/, which is not in the tree`);
  }
  return [...problems, ...mayImportCellProblems(rows, rule, 'the folder map')];
}
