// Lint: typescript-eslint (type-aware on the library), Lit and web-component rules, and a ban on
// the unsafe Lit directives (data from workflows is text, never markup).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/**', 'bench/.out/**', 'node_modules/**', 'storybook-static/**', 'coverage/**', 'docs/**', '.storybook/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'Workflow data is text: never unsafeHTML.' },
            { name: 'lit/directives/unsafe-svg.js', message: 'Workflow data is text: never unsafeSVG.' },
            { name: 'lit/static-html.js', message: 'No unsafeStatic on data.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never innerHTML: render through Lit templates.' },
        { property: 'outerHTML', message: 'Never outerHTML assignment.' },
        { property: 'insertAdjacentHTML', message: 'Never insertAdjacentHTML.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', fetch: 'readonly', window: 'readonly', document: 'readonly',
        Buffer: 'readonly', performance: 'readonly', AbortController: 'readonly', setInterval: 'readonly',
        clearInterval: 'readonly', structuredClone: 'readonly', TextEncoder: 'readonly',
      },
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.{mjs,ts}', 'dev-server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
