// The project's ESLint rules, in two halves:
// - `syntaxConfig`: rules that read one file at a time (fast; the `lint` step of `npm test`);
// - `typeAwareConfig(parserOptions)`: rules that need the TypeScript program. `npm test` runs them in its
//   `typecheck` step on the programs that step has just checked (scripts/lint/typecheck.mjs), so the types are
//   built once; editors and `npm run lint` get both halves through eslint.config.js.
// Layer rules (what may import what) live in .dependency-cruiser.cjs; the import bans here give faster editor
// feedback.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronBan = {
  paths: [{ name: 'electron', message: 'Only electron/ may import electron (docs/architecture.md, Layers).' }],
  patterns: [{ group: ['electron/*'], message: 'Only electron/ may import electron.' }],
};
const reactBan = {
  paths: [
    { name: 'electron', message: 'Only electron/ may import electron (docs/architecture.md, Layers).' },
    { name: 'react', message: 'Only renderer/ may import React.' },
    { name: 'react-dom', message: 'Only renderer/ may import React.' },
  ],
};

export const ignores = { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.cache/**'] };

/** TypeScript sources: the files the tsconfigs own, and so the files type-aware rules can read. */
const typeScriptFiles = ['**/*.{ts,tsx}'];
/** The scripts' hand-written declarations belong to no tsconfig. */
const untypedDeclarations = ['scripts/**/*.d.mts'];

export const syntaxConfig = tseslint.config(
  ignores,
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['host/**', 'hardware/**', 'db/**', 'contracts/**', 'platform/**'],
    rules: { 'no-restricted-imports': ['error', reactBan] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
  {
    // The Rules of Hooks. The plugin's React Compiler checks (its recommended set) compile every
    // component to lint it: 6 s of a 20 s lint step, for a compiler this app does not use.
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
);

/**
 * The rules that ask the type checker. `parserOptions` says where the types come from: `projectService` (each
 * file checked with the tsconfig that owns it) or `programs` already built.
 */
export function typeAwareConfig(parserOptions) {
  return tseslint.config(ignores, {
    files: typeScriptFiles,
    ignores: untypedDeclarations,
    languageOptions: { parser: tseslint.parser, parserOptions },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // A promise nobody awaits loses its error: await it, or say `void` where fire-and-forget is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a void callback is expected (an event handler, a listener): its rejection goes nowhere.
      '@typescript-eslint/no-misused-promises': 'error',
    },
  });
}
