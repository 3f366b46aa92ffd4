#!/usr/bin/env node
// `npm run typecheck` and the `typecheck` step of `npm test`: builds the program of each tsconfig once, reports
// its type errors as tsc would, then runs the type-aware lint rules (scripts/lint/config.mjs) on those same
// programs: the type checker's work is done once, not again by ESLint.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import ts from 'typescript';
import { root } from '../lib/ensure-build.mjs';
import { typeAwareConfig } from './config.mjs';
import { lintAndReport } from './report.mjs';

/** The tsconfigs that together own every TypeScript file (tsconfig.json's references). */
const projects = ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json'];

const host = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => root,
  getNewLine: () => ts.sys.newLine,
};

function buildProgram(project) {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, project),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.formatDiagnostic(diagnostic, host));
      },
    },
  );
  if (parsed.errors.length > 0) return { program: undefined, diagnostics: parsed.errors };
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: { ...parsed.options, noEmit: true },
    projectReferences: parsed.projectReferences,
  });
  return { program, diagnostics: ts.getPreEmitDiagnostics(program) };
}

let typeErrors = 0;
const programs = [];
for (const project of projects) {
  const started = Date.now();
  const { program, diagnostics } = buildProgram(project);
  if (diagnostics.length > 0) process.stdout.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  typeErrors += diagnostics.length;
  if (program) programs.push(program);
  console.log(`${project}: ${diagnostics.length} type error(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: typeAwareConfig({ programs }) });
const files = programs
  .flatMap((program) => program.getRootFileNames())
  .filter((file) => !file.includes('/node_modules/') && /\.tsx?$/.test(file));
const lintErrors = await lintAndReport(eslint, [...new Set(files)], 'type-aware lint');

process.exitCode = typeErrors > 0 || lintErrors > 0 ? 1 : 0;
