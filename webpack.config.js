/**
 * Flex plugin build customisation (merged by flex-plugin-scripts). React, react-dom, redux and
 * react-redux are already externals, and `@twilio/flex-ui` resolves to `window.Twilio.Flex` at runtime.
 *
 * The workspace packages (packages/*, e.g. `@polyai-context/model`) ship TypeScript sources: Babel compiles
 * them like src/, which is the only folder flex-plugin-scripts compiles by default, and for the browsers of
 * package.json's browserslist without rewriting what they all run (below).
 *
 * webpack's generic 244 KiB performance hint is replaced by this plugin's own reviewed budget
 * (bundle-budget.json, also enforced by scripts/check-bundle-size.js and reported by the bench): the build
 * warns only when the bundle outgrows it, instead of on every build.
 */
const path = require('path');
const budget = require('./bundle-budget.json');

const PACKAGES = path.join(__dirname, 'packages');

/**
 * babel-preset-react-app, with preset-env's `bugfixes` on and Babel's `noDocumentAll` assumption, for the same
 * browsers (package.json's browserslist). Without `bugfixes`, one engine bug in a target (Safari before 13, 14.1
 * and 16.3 for tagged template caching, rest destructuring and parameter scope) made preset-env rewrite every
 * template literal, destructuring and default parameter into ES5 and Babel helpers; with it, only the affected
 * pattern is rewritten. `noDocumentAll`: `a?.b` and `a ?? b` compile to `== null` tests, as nothing here is
 * `document.all`.
 */
function withBugfixes(reactAppPreset) {
  const preset = require(reactAppPreset);
  const presetEnv = require(require.resolve('@babel/preset-env', { paths: [path.dirname(reactAppPreset)] })).default;
  return (api, options) => {
    const config = preset(api, options);
    const presets = config.presets.map((entry) => (Array.isArray(entry) && entry[0] === presetEnv ? [presetEnv, { ...entry[1], bugfixes: true }] : entry));
    // A preset that no longer lists preset-env as read here must fail the build, not quietly compile as before.
    if (!presets.some((entry) => Array.isArray(entry) && entry[1]?.bugfixes === true)) throw new Error(`${reactAppPreset}: @babel/preset-env not found`);
    return { ...config, presets };
  };
}

/** The Babel rule compiles src/ only (`include: srcDir`): add the workspace packages, and the options above. */
function compilePackages(rule) {
  if (Array.isArray(rule.oneOf)) return { ...rule, oneOf: rule.oneOf.map(compilePackages) };
  const babel = typeof rule.loader === 'string' && rule.loader.includes('babel-loader') && rule.include !== undefined;
  if (!babel) return rule;
  const reactApp = (entry) => typeof entry === 'string' && entry.includes('babel-preset-react-app');
  if (!rule.options?.presets?.some(reactApp)) throw new Error('webpack.config.js: the Babel rule no longer uses babel-preset-react-app');
  const presets = rule.options.presets.map((entry) => (reactApp(entry) ? withBugfixes(entry) : entry));
  return { ...rule, include: [rule.include, PACKAGES].flat(), options: { ...rule.options, presets, assumptions: { noDocumentAll: true } } };
}

const TerserPlugin = require(require.resolve('terser-webpack-plugin', { paths: [require.resolve('@twilio/flex-plugin-webpack')] }));

/**
 * flex-plugin-scripts' Terser with every option it sets kept but two:
 * - a second compress pass, which finds what the first pass's output makes removable;
 * - function names kept only where they are capitalised, as components' are: React's component stacks, which the
 *   tab's fault reports name, read them; other functions' names (helpers, hooks) are shortened like any other
 *   name. flex-plugin-scripts keeps every function's name; class names stay kept (`keep_classnames`).
 * bench/fixtures/paste-floor-plugin/webpack.config.js minifies the bench's Paste floor with the same.
 */
const KEPT_FUNCTION_NAMES = /^[A-Z]/;

function minifiedAsPlugin(optimization) {
  const minimizer = optimization.minimizer.map((plugin) => {
    if (!(plugin instanceof TerserPlugin)) return plugin;
    const { terserOptions, ...options } = plugin.options;
    const set = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
    const compress = { ...terserOptions.compress, passes: 2 };
    return new TerserPlugin({ ...set, terserOptions: { ...terserOptions, compress, keep_fnames: KEPT_FUNCTION_NAMES } });
  });
  // A build that no longer minifies with this Terser must say so, not quietly minify less.
  if (optimization.minimize && !minimizer.some((plugin) => plugin.options?.terserOptions?.compress?.passes === 2)) throw new Error('webpack.config.js: flex-plugin-scripts no longer minifies with terser-webpack-plugin');
  return { ...optimization, minimizer };
}

module.exports = (config) => ({
  ...config,
  module: { ...config.module, rules: config.module.rules.map(compilePackages) },
  optimization: minifiedAsPlugin(config.optimization),
  performance: {
    ...config.performance,
    hints: 'warning',
    maxAssetSize: budget.maxRawBytes,
    maxEntrypointSize: budget.maxRawBytes,
    // Source maps are never sent to agents' browsers as code.
    assetFilter: (file) => !file.endsWith('.map'),
  },
});

module.exports.minifiedAsPlugin = minifiedAsPlugin;
