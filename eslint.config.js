// ESLint flat config. Layer rules (what may import what) live in
// .dependency-cruiser.cjs; the import bans here give faster editor feedback.
import js from '@eslint/js';
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
    files: ['host/**', 'hardware/**', 'db/**', 'contracts/**', 'tools/**'],
    rules: { 'no-restricted-imports': ['error', reactBan] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
);
