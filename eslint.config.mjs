// Lint rules for the plugin, its tests and tools. Two rules matter most for a guest in Flex:
// never import the Paste barrel (it bundles every component), never render raw HTML.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const PASTE_BARRELS = [
  { name: '@twilio-paste/core', message: 'Import one Paste package, e.g. @twilio-paste/core/badge: the barrel bundles every component.' },
  { name: '@twilio-paste/icons', message: 'Import one icon, e.g. @twilio-paste/icons/esm/InformationIcon.' },
];
const RELATIVE_PACKAGES = { group: ['**/packages/**'], message: 'Import a workspace package by its name (@polyai-context/model), never by a relative path.' };

export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', 'coverage/**', 'serverless/node_modules/**', 'serverless/dist/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    // no-implied-eval only recognises timers it knows to be globals: without these it never fires.
    languageOptions: {
      globals: { window: 'readonly', self: 'readonly', globalThis: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', execScript: 'readonly' },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: PASTE_BARRELS, patterns: [RELATIVE_PACKAGES] }],
      'no-restricted-properties': [
        'error',
        { property: 'dangerouslySetInnerHTML', message: 'Render values as text.' },
        // Security: every other way to turn a string into markup.
        { property: 'innerHTML', message: 'Render values as text: never inject HTML.' },
        { property: 'outerHTML', message: 'Render values as text: never inject HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render values as text: never inject HTML.' },
        { property: 'createContextualFragment', message: 'Render values as text: never inject HTML.' },
        { object: 'document', property: 'write', message: 'Render values as text: never inject HTML.' },
        { object: 'document', property: 'writeln', message: 'Render values as text: never inject HTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render values as text: never inject HTML.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error', // no-implied-eval also covers setTimeout/setInterval with a string
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // serverless/ is a package of its own: the model by its name, never the plugin's files by a relative path.
  {
    files: ['serverless/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../../*', '../../src/*', '**/packages/**'], message: 'Import the model by its name (@polyai-context/model): no relative import leaves serverless/.' }] },
      ],
    },
  },
  // Views are pure: plain props in, Paste out. Flex and the calls to the Functions belong to src/flex (the container).
  {
    files: ['src/views/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...PASTE_BARRELS, { name: '@twilio/flex-ui', message: 'Views take plain props: Flex is read in src/flex.' }],
          patterns: [RELATIVE_PACKAGES, { group: ['**/functionCalls/**', '**/flex/**'], message: 'Views make no requests and know no Flex: the container in src/flex/container does.' }],
        },
      ],
    },
  },
  // Shipped code never writes a `javascript:` URL (tests do: they are the XSS payloads).
  { files: ['src/**', 'packages/*/src/**'], rules: { 'no-script-url': 'error' } },
);
