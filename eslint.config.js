import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** A module-level zustand store is a page singleton; design state lives in the app state instance. */
const NO_MODULE_STORE = {
  name: 'zustand',
  importNames: ['create'],
  message: 'A module-level store is a singleton: make it part of the app state (src/state/app-state.ts).',
};

/** The core imports no UI, state, CLI or I/O (every core folder's rule starts with these). */
const CORE_IS_PURE = [
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
];

/** A call that makes an app store (module level is refused: stores are instances). */
const MAKE_STORE = 'CallExpression[callee.name=/^create(AppState|DesignStore|WorkbenchStore)$/]';

/** Components read the app state through context, never from a store module. */
const STORES_BY_CONTEXT = {
  group: ['**/state/design-store', '**/state/workbench-store', '**/state/app-state', '**/state/parity-status'],
  allowTypeImports: true,
  message: 'Read the app state with the hooks of state/app-state-context (useDesignStore, useDesignApi, …).',
};

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
            ...CORE_IS_PURE,
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
            ...CORE_IS_PURE,
          ],
        },
      ],
    },
  },
  {
    // No line over 120 columns, strings and comments included (Prettier wraps code, not those):
    // split long strings with `+` or template pieces, wrap comments. Regular expressions and URLs
    // are left whole: a split would hide them.
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    ignores: ['src/core/kube/schema/k8s-strict.validate.js'],
    rules: { 'max-len': ['error', { code: 120, tabWidth: 2, ignoreUrls: true, ignoreRegExpLiterals: true }] },
  },
  {
    // Tests inspect free-form YAML and JSON; typing every probe of it would only add noise.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // One write path per piece of state: the design changes through the design store's actions
    // (setEdits, move, …), never by replacing its state from outside (tests may set up state).
    // Stores are instances: the page's one app state is made in main.tsx, never at module level.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/state/design-store.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='setState'][callee.object.name=/^(designStore|design)$/]",
          message: 'Write the design through its store actions (setEdits, move, replaceDoc, …), not setState.',
        },
        {
          selector: [
            `Program > VariableDeclaration > VariableDeclarator > ${MAKE_STORE}`,
            `Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > ${MAKE_STORE}`,
          ].join(', '),
          message: 'No module-level app store: main.tsx makes the page instance and <AppStateProvider> hands it down.',
        },
      ],
    },
  },
  {
    // Components reach the app state through context (src/state/app-state-context.tsx), so two
    // providers are two independent apps; importing a store module's values would bypass that.
    // Module-level zustand stores (`create`) are for page-wide UI matters only (the files listed
    // in the next block); what belongs to a design lives in the app state instance.
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_MODULE_STORE], patterns: [STORES_BY_CONTEXT] }] },
  },
  {
    // The page-wide UI stores: theme, the canvas's edge routes, the import report, the delete dialog.
    files: [
      'src/ui/theme/theme.ts',
      'src/ui/canvas/routes.ts',
      'src/ui/io/import-report.ts',
      'src/ui/canvas/delete-request.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [STORES_BY_CONTEXT] }] },
  },
  {
    files: ['src/state/**/*.ts', 'src/state/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_MODULE_STORE],
          patterns: [{ group: ['**/ui/**', '**/cli/**'], message: 'state imports core only.' }],
        },
      ],
    },
  },
  {
    // The secret-value preference is the browser's (localStorage), not a design's: one per page.
    files: ['src/state/secret-policy.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/**', '**/cli/**'], message: 'state imports core only.' }] },
      ],
    },
  },
);
