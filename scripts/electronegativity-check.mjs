#!/usr/bin/env node
// `npm run electron-security` (a step of `npm test`): Electronegativity, Doyensec's checker of
// the Electron security checklist, on the shell's sources (electron/, the only code that
// touches Electron's API). Prints every finding, writes them to
// .cache/test-reports/electronegativity.json, and fails on any HIGH finding or on a file it
// could not parse (a file it cannot read is a file it did not check). Not on dist/electron:
// Electronegativity 1.10 reads only .js/.ts/.html files, so it would skip the .cjs bundles and
// report every global check as missing.
//
// Excluded, and only this: AvailableSecurityFixesGlobalCheck, the online check. It downloads
// Electron's release list from GitHub to compare the installed version against security
// releases; CI has no internet, and the Electron version is pinned by package-lock.json and
// reviewed with `npm audit` instead.
//
// Usage: node scripts/electronegativity-check.mjs [DIR...] [--report FILE]
// (other folders and report file: tests/build/electronegativity-check.test.ts uses them).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { root } from './lib/ensure-build.mjs';

const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const require = createRequire(import.meta.url);
// English messages whatever the machine's LANG (the tool looks its translations up by LANG;
// with no internet its attempt to fetch them fails in a second and it says so, harmlessly).
process.env.LANG = 'en-US';
const run = require('@doyensec/electronegativity');

const args = process.argv.slice(2);
const reportAt = args.indexOf('--report');
const reportFile = reportAt >= 0 ? resolve(args[reportAt + 1] ?? '') : join(root, '.cache/test-reports/electronegativity.json');
const named = args.filter((_, i) => reportAt < 0 || (i !== reportAt && i !== reportAt + 1));
const inputs = (named.length > 0 ? named : ['electron']).map((dir) => resolve(root, dir));
const shown = (path) => relative(root, path) || '.';

// A scan of nothing would report every global check as missing: make sure there is something.
for (const input of inputs) {
  if (!existsSync(input) || !readdirSync(input).some((f) => /\.(ts|js)$/.test(f))) {
    console.error(`electronegativity: no TypeScript or JavaScript sources in ${shown(input)}/`);
    process.exit(1);
  }
}

/** The installed Electron's version: the version-dependent checks then know its defaults. */
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const findings = [];
const unparsed = [];
for (const input of inputs) {
  const result = await run({
    input,
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersionOverride: electronVersion,
    isRelative: false,
    parserPlugins: [],
  });
  for (const issue of result.issues) {
    findings.push({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      manualReview: issue.manualReview,
      // Global checks that find something missing name no file ("N/A").
      file: issue.file === 'N/A' ? `${shown(input)}/ (global)` : shown(issue.file),
      line: issue.location.line,
      column: issue.location.column,
      description: issue.description,
      sample: issue.sample,
      url: issue.shortenedURL,
    });
  }
  for (const error of result.errors) {
    if (!error.tolerable) unparsed.push({ file: shown(error.file), message: error.message });
  }
}

const order = { HIGH: 0, MEDIUM: 1, LOW: 2, INFORMATIONAL: 3 };
findings.sort((a, b) => order[a.severity] - order[b.severity] || a.file.localeCompare(b.file) || a.line - b.line);
mkdirSync(dirname(reportFile), { recursive: true });
const report = { electronVersion, inputs: inputs.map(shown), excluded: EXCLUDED_CHECKS, findings, unparsed };
writeFileSync(reportFile, JSON.stringify(report, null, 2));

const scanned = inputs.map((i) => `${shown(i)}/`).join(', ');
console.log(`electronegativity: Electron ${electronVersion}, scanned ${scanned}, excluded ${EXCLUDED_CHECKS.join(', ')}`);
for (const f of findings) {
  const review = f.manualReview ? ' (review)' : '';
  const where = f.line > 0 ? `${f.file}:${f.line}:${f.column}` : f.file;
  console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id}${review}  ${where}  ${f.description}`);
}
for (const u of unparsed) console.log(`  UNPARSED      ${u.file}: ${u.message}`);

const high = findings.filter((f) => f.severity === 'HIGH');
const counts = Object.keys(order)
  .map((s) => `${findings.filter((f) => f.severity === s).length} ${s}`)
  .join(', ');
console.log(`electronegativity: ${counts}; ${unparsed.length} unparsed file(s) → ${shown(reportFile)}`);
if (high.length > 0 || unparsed.length > 0) {
  console.log(`electronegativity: FAILED (${high.length} HIGH finding(s), ${unparsed.length} unparsed file(s))`);
  process.exit(1);
}
console.log('electronegativity: passed (no HIGH finding)');
