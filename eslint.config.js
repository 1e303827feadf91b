// Layering: src-shared is the platform-neutral core. It may import only its own files,
// templates/ data and its npm libraries — never src-main, src-renderer, Node built-ins,
// the DOM-bound UI libraries or Electron. Inside src-shared and src-renderer the folders have an
// order (README, "Layout of the code"): a folder imports its own rank or lower. No import cycles
// anywhere in the sources. A wrong import fails `npm run lint` (and CI).
import js from '@eslint/js';
import layers from './scripts/eslint-layers.js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** src-shared, lowest first: a folder may import the folders before it, never after. */
export const SHARED_ORDER = [
  'profile', 'expr', 'model', 'grid', 'clipboard', 'propose', 'selfeval', 'validate', 'layout', 'export', 'import', 'library',
  'commands', 'find', 'audit', 'cycle', 'ipc', 'keymap',
];
/** src-renderer, lowest first; app (state, actions) and dialogs use each other. */
export const RENDERER_ORDER = ['host', ['app', 'dialogs'], 'grid', 'views', 'App', 'main'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist*/**', 'artifacts/**', 'tests/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-shared/**/*.ts', 'src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { layers },
    rules: { 'layers/no-cycle': 'error' },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts'],
    plugins: { layers },
    languageOptions: { globals: {} },
    rules: {
      'layers/order': ['error', { base: 'src-shared', order: SHARED_ORDER }],
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'zustand', 'ag-grid-community', 'ag-grid-react']
          .map((name) => ({ name, message: 'src-shared must stay platform-neutral (no Node, DOM, Electron or UI imports).' })),
        patterns: [{ group: ['**/src-main/**', '**/src-renderer/**', '../../src-main*', '../../src-renderer*'], message: 'src-shared must not import from src-main or src-renderer.' }],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['src-main/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bin/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/**/*.test.ts'],
    plugins: { layers },
    rules: { 'layers/order': ['error', { base: 'src-renderer', order: RENDERER_ORDER }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
