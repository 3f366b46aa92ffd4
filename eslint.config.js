// ESLint flat config. Layer rules (what may import what) live in
// .dependency-cruiser.cjs; the import bans here give faster editor feedback.
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

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      // Type-aware rules: each file is checked with the tsconfig that owns it (tsconfig.json's references).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error: await it, or say `void` where fire-and-forget is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a void callback is expected (an event handler, a listener): its rejection goes nowhere.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['host/**', 'hardware/**', 'db/**', 'contracts/**', 'tools/**'],
    rules: { 'no-restricted-imports': ['error', reactBan] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
  { files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
  // Plain JavaScript (scripts, build hooks, configs) and the scripts' hand-written declarations belong to no
  // tsconfig: no type information to check them with.
  { files: ['**/*.{js,mjs,cjs}', 'scripts/**/*.d.mts'], ...tseslint.configs.disableTypeChecked },
);
