import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.cache', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The core is pure: no UI, state, CLI or Node I/O. The three faces import it, never the reverse.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/ui/**',
                '**/state/**',
                '**/cli/**',
                'react',
                'react-dom',
                '@xyflow/*',
                'zustand',
                'zundo',
                'monaco-editor',
                'monaco-yaml',
              ],
              message: 'src/core is pure: it imports no UI, state or CLI code.',
            },
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'src/core does no I/O.' },
            {
              group: ['kubernetes-models', 'kubernetes-models/*', 'ajv', 'ajv/*'],
              message:
                'Shipping code imports no devDependency: the strict validator is generated, self-contained code.',
            },
          ],
        },
      ],
    },
  },
  {
    // The JSON toolkit (parser with positions, field readers, diagnostic scopes) is a leaf that
    // model and aspire both import; it may name the Diagnostic shape, nothing else of the core.
    files: ['src/core/json/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*', '!../model'], message: 'src/core/json is a leaf: it imports nothing else of the core.' },
            {
              group: ['../model/*', '!../model/diagnostics'],
              message: 'src/core/json is a leaf: only the Diagnostic type.',
            },
            { group: ['node:*', 'fs', 'path'], message: 'src/core does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    // The model sits below the importers: it never reaches into aspire/ (that was a folder cycle).
    files: ['src/core/model/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/aspire/**', '**/kube/**', '**/parity/**', '**/bundle/**'],
              message: 'src/core/model is below the importers, generator and parity: it imports json/ and itself only.',
            },
            {
              group: [
                '**/ui/**',
                '**/state/**',
                '**/cli/**',
                'react',
                'react-dom',
                '@xyflow/*',
                'zustand',
                'zundo',
                'monaco-editor',
                'monaco-yaml',
              ],
              message: 'src/core is pure: it imports no UI, state or CLI code.',
            },
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'src/core does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    // Tests inspect free-form YAML and JSON; typing every probe of it would only add noise.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // One write path per piece of state: the design changes through the design store's actions
    // (setEdits, move, …), never by replacing its state from outside (tests may set up state).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/state/design-store.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='setState'][callee.object.name=/^(designStore|design)$/]",
          message: 'Write the design through its store actions (setEdits, move, replaceDoc, …), not setState.',
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/**', '**/cli/**'], message: 'state imports core only.' }] },
      ],
    },
  },
);
