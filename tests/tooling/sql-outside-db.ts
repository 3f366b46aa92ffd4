import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * "Only db/ holds SQL": statements live in db/repositories/ and the schema in db/migrations/, so a
 * change of a table is a change under db/ and nowhere else. dependency-cruiser sees imports, not
 * strings, so this scan stands in for a rule: it parses each source file of the scanned folders
 * and reports a string literal that reads as SQL, and a `.prepare(` / `.exec(` / `.pragma(` call
 * on something named like a database.
 */

/** The folders that must hold no SQL (db/ holds it; contracts/, hardware/ and renderer/ never reach a database). */
export const SCANNED_FOLDERS = ['host', 'electron', 'platform'] as const;

/**
 * Where SQL may live outside db/: paths (a folder ends in `/`), each with the reason. The district
 * platform (platform/) is another program, on PostgreSQL, with its own migrations: its SQL lives
 * in platform/db/ (the adapters and the migration runner) and platform/store/ (one file per table
 * group), and nowhere else of it (its services, routes and server hold none). The hall's
 * db/repositories must not serve it, nor it them.
 */
export const ALLOWED: ReadonlyMap<string, string> = new Map([
  ['platform/db/', 'the platform’s database adapters and migrations'],
  ['platform/store/', 'the platform’s stores: its SQL, one file per table group'],
]);

/**
 * SQL as this project writes it: keywords in capitals (every statement under db/ is), so English
 * prose ("select a window from the list") is not taken for a query. A lower-case query still has
 * to reach the database through one of the calls below.
 */
const SQL_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'SELECT … FROM', pattern: /\bSELECT\b[\s\S]*?\bFROM\b/ },
  { name: 'INSERT INTO', pattern: /\b(?:INSERT|REPLACE)\s+(?:OR\s+[A-Z]+\s+)?INTO\b/ },
  { name: 'UPDATE … SET', pattern: /\bUPDATE\s+(?:OR\s+[A-Z]+\s+)?[\w"]+\s+SET\b/ },
  { name: 'DELETE FROM', pattern: /\bDELETE\s+FROM\b/ },
  {
    name: 'CREATE/DROP/ALTER',
    pattern: /\b(?:CREATE|DROP|ALTER)\s+(?:TEMP\s+|TEMPORARY\s+|UNIQUE\s+|VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\b/,
  },
  { name: 'PRAGMA', pattern: /\bPRAGMA\s+\w+/ },
];

/** better-sqlite3's methods that run SQL text. */
const SQL_METHODS = new Set(['prepare', 'exec', 'pragma']);

/** A receiver that is a database: `db`, `this.o.db`, `hallDb`, `database` (a RegExp's `.exec` is not). */
const DATABASE_NAME = /^(?:db|database|sqlite)$|(?:Db|Database)$/;

const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;

function scriptKind(file: string): ts.ScriptKind {
  switch (extname(file)) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

/** The text of a string or template literal (`${…}` as `?`), or null for any other node. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `?${s.literal.text}`).join('');
  return null;
}

/** The last name of a receiver: `this.o.db` → `db`, `db` → `db`; null for anything else (a regex literal, a call). */
function receiverName(expression: ts.Expression): string | null {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression)) return receiverName(expression.expression);
  return null;
}

/** What reads as SQL in one file's text, as `line: what` findings (1-based lines). */
export function sqlFindings(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const findings: string[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    const literal = literalText(node);
    if (literal !== null) {
      const match = SQL_PATTERNS.find((p) => p.pattern.test(literal));
      if (match) findings.push(`${lineOf(node)}: ${match.name} in a string`);
      // A template's parts are visited through it: do not report them again.
      if (ts.isTemplateExpression(node)) {
        node.templateSpans.forEach((span) => visit(span.expression));
        return;
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const receiver = receiverName(node.expression.expression);
      if (SQL_METHODS.has(method) && receiver !== null && DATABASE_NAME.test(receiver))
        findings.push(`${lineOf(node)}: ${receiver}.${method}() on a database`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

function walk(dir: string, onFile: (file: string) => void): void {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, onFile);
    else onFile(path);
  }
}

/**
 * Every file of `folders` under `root` that holds SQL and is not allowed, as `path:line: what`;
 * and every allowed path that is gone.
 */
export function sqlOutsideDb(
  root: string,
  folders: readonly string[] = SCANNED_FOLDERS,
  allowed: ReadonlyMap<string, string> = ALLOWED,
): string[] {
  const problems: string[] = [];
  for (const folder of folders) {
    if (!existsSync(join(root, folder))) continue;
    walk(join(root, folder), (file) => {
      if (!SOURCE.test(file)) return;
      const shown = relative(root, file).split(sep).join('/');
      if ([...allowed.keys()].some((path) => (path.endsWith('/') ? shown.startsWith(path) : shown === path))) return;
      for (const finding of sqlFindings(file, readFileSync(file, 'utf8'))) problems.push(`${shown}:${finding}`);
    });
  }
  // An allowance must not outlive its path (checked for the folders scanned).
  for (const path of allowed.keys()) {
    if (folders.some((f) => path.startsWith(`${f}/`)) && !existsSync(join(root, path)))
      problems.push(`${path} is allowed SQL but is gone`);
  }
  return problems;
}
