import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layer table of docs/architecture.md, enforced: each entry forbids the imports a layer may not make,
 * with the reason shown in the lint message.
 */
const layer = (name, forbidden, why) => ({
  files: [`src/${name}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((other) => ({
            group: [`**/${other}`, `**/${other}/**`],
            message: `src/${name} may not import src/${other}: ${why}`,
          })),
          ...(name === 'ui' || name === 'runtime'
            ? []
            : [
                {
                  group: ['comlink'],
                  message: `src/${name} must not talk to workers: only src/runtime owns them.`,
                },
              ]),
          ...(name === 'ui'
            ? []
            : [
                {
                  group: [
                    'react',
                    'react-dom',
                    'react-dom/*',
                    'recharts',
                    'monaco-editor',
                    'monaco-editor/*',
                  ],
                  message: `src/${name} knows nothing of React or the DOM: the UI renders what it produces (docs/architecture.md).`,
                },
              ]),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(
    'sync',
    ['trace', 'runtime', 'demos', 'lab', 'share', 'ui'],
    'the primitives stand alone and run in Node worker_threads too.',
  ),
  layer(
    'trace',
    ['runtime', 'demos', 'lab', 'share', 'ui'],
    'trace is pure analysis over events; it may only use sync types.',
  ),
  layer(
    'runtime',
    ['lab', 'share', 'ui'],
    'the runtime runs programs; the UI and the lab build on it, not the other way round.',
  ),
  layer(
    'demos',
    ['lab', 'share', 'ui'],
    'demos are data; they describe programs and never drive the UI.',
  ),
  layer('lab', ['share', 'ui'], 'the lab measures; the UI charts what it measures.'),
  layer(
    'share',
    ['lab', 'ui', 'sync', 'trace'],
    'share encodes state; it depends only on demo and runtime types.',
  ),
  layer('ui', [], ''),
);
