// Flat ESLint config: typescript-eslint's type-aware recommended rules (recommendedTypeChecked,
// through the TypeScript project service) on every .ts file, and the layering rules: the core
// imports neither VS Code nor Node, the webview does not import the core, src/features and
// src/editor do not import each other (both use the document service, src/documents).
// test/unit/eslint.test.ts checks that the layering rules bite.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** Node's built-in modules by their bare names (`fs`, `fs/promises`, ...): `node:*` is matched by a pattern. */
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

const noNode = (who) => nodeBuiltins.map((name) => ({ name, message: `${who} runs without Node: no Node built-in modules.` }));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-host/**', '.vscode-test/**', 'test-results/**', 'media/*.js', 'bench/.data/**', 'playground/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Build, test and bench scripts in JavaScript, and their type declarations: no type information.
    files: ['**/*.mjs', '**/*.cjs', '**/*.d.mts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The file-system interfaces of src/core/batch are promise-based (vscode.workspace.fs is);
      // their Node and in-memory implementations are synchronous underneath and return promises
      // by contract, which this rule would have them wrap by hand.
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'no-console': 'off',
      // Chinese text and comments hold the ideographic space U+3000 on purpose.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true, skipRegExps: true }],
    },
  },
  {
    // Tests and benchmarks read JSON (the CLI's output, fixtures) and run callbacks in the
    // browser (playwright's page.evaluate) whose DOM types the Node tsconfig lacks: their values
    // are `any` by nature, and the assertions are what checks them.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The core is shared by the extension, the CLI, the webview's host and the tests: it
    // depends on neither VS Code nor Node, nor on the layers above it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core must stay free of the vscode API.' }, ...noNode('src/core')],
          patterns: [
            { regex: '^node:', message: 'src/core runs without Node: no node:* modules.' },
            {
              regex: '^(\\.\\./)+(features|editor|documents|node|cli|config|extension)(/|$)',
              message: 'src/core is the bottom layer: it imports only itself and pure libraries.',
            },
          ],
        },
      ],
    },
  },
  {
    // The page runs in the webview: no VS Code API, no Node, and not the core (the host sends
    // it what it shows; it may share only the message types of src/editor/protocol.ts).
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview has no vscode API: talk to the host through messages.' }, ...noNode('The webview')],
          patterns: [
            { regex: '^node:', message: 'The webview runs in a browser: no node:* modules.' },
            { regex: '(^|/)src/core(/|$)', message: 'The webview may not import the core: the host sends it what it needs (src/editor/protocol.ts).' },
          ],
        },
      ],
    },
  },
  {
    // The features and the Article Editor do not import each other: both get the document
    // service (src/documents) from extension.ts, which alone knows both.
    files: ['src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+editor(/|$)',
              message: 'src/features may not import src/editor: take what you need from src/documents (ActiveArticleSource), which extension.ts passes in.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/editor/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+features(/|$)', message: 'src/editor may not import src/features: shared services live in src/documents.' }] },
      ],
    },
  },
  {
    // The document service sits between the core and the adapters that use it.
    files: ['src/documents/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(features|editor|extension)(/|$)', message: 'src/documents serves src/features and src/editor: it imports neither.' }] },
      ],
    },
  },
  {
    // Build, test and bench scripts run in Node.
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
