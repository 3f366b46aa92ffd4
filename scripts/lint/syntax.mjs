#!/usr/bin/env node
// The `lint` step of `npm test`: the rules that read one file at a time (scripts/lint/config.mjs). The
// type-aware rules run in the `typecheck` step, on the programs that step builds anyway.
import { ESLint } from 'eslint';
import { root } from '../lib/ensure-build.mjs';
import { syntaxConfig } from './config.mjs';
import { lintAndReport } from './report.mjs';

const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: syntaxConfig });
const errors = await lintAndReport(eslint, ['.'], 'lint');
process.exitCode = errors > 0 ? 1 : 0;
