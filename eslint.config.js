import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Data from Procore pages is hostile until rendered as text: no HTML sinks, no eval.
const noHtmlSinks = [
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render text, never HTML (innerHTML).' },
  { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Render text, never HTML (outerHTML).' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render text, never HTML (insertAdjacentHTML).' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name='write']", message: 'No document.write.' },
];

// Features are independent (features/<name>/): one never imports another, so a feature can be
// removed or broken alone. What two need lives in components/ or utils/; features/feature.ts is
// the shared contract.
const featureIsolation = {
  files: ['features/*/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^\\.\\./(?!feature$)[^./][^/]*(/|$)', message: 'A feature may not import another feature (or the registry): move what both need to components/ or utils/.' },
          { regex: '^(\\.\\./){2,}features/', message: 'A feature may not import another feature: import ../feature for the contract, ./ for its own files.' },
        ],
      },
    ],
  },
};

// utils/domain is pure: plain functions of their inputs, time passed in, testable without a
// browser. It may not reach anything that touches browser APIs or I/O, nor read the clock.
const BROWSER_BOUND = 'utils/domain is pure: no browser APIs, no I/O. Pass what it needs in as arguments.';
const domainPurity = {
  files: ['utils/domain/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^(wxt|@wxt-dev/.*)(/.*)?$', message: BROWSER_BOUND },
          { regex: '^idb(/.*)?$', message: BROWSER_BOUND },
          { regex: '^(\\.\\./)+(utils/)?(engine|store|procore|overlay)(/|$)', message: BROWSER_BOUND },
          { regex: '^(\\.\\./)+(components|entrypoints|features)(/|$)', message: BROWSER_BOUND },
        ],
      },
    ],
    'no-restricted-globals': ['error', ...['browser', 'chrome', 'window', 'document', 'indexedDB', 'fetch'].map((name) => ({ name, message: BROWSER_BOUND }))],
    'no-restricted-syntax': [
      'error',
      ...noHtmlSinks,
      { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'utils/domain takes the time as an argument: no Date.now().' },
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'utils/domain takes the time as an argument: no new Date() for now.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test/sim/public/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { react, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { react: { version: '19.3' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react/no-danger': 'error',
      'react/jsx-key': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...noHtmlSinks],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  featureIsolation,
  domainPurity,
);
