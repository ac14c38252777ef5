/**
 * Flex plugin build customisation (merged by flex-plugin-scripts). React, react-dom, redux and
 * react-redux are already externals, and `@twilio/flex-ui` resolves to `window.Twilio.Flex` at runtime.
 *
 * The workspace packages (packages/*, e.g. `@polyai-context/model`) ship TypeScript sources: Babel compiles
 * them like src/, which is the only folder flex-plugin-scripts compiles by default.
 *
 * webpack's generic 244 KiB performance hint is replaced by this plugin's own reviewed budget
 * (bundle-budget.json, also enforced by scripts/check-bundle-size.js and reported by the bench): the build
 * warns only when the bundle outgrows it, instead of on every build.
 */
const path = require('path');
const budget = require('./bundle-budget.json');

const PACKAGES = path.join(__dirname, 'packages');

/** The Babel rule compiles src/ only (`include: srcDir`): add the workspace packages. */
function compilePackages(rule) {
  if (Array.isArray(rule.oneOf)) return { ...rule, oneOf: rule.oneOf.map(compilePackages) };
  const babel = typeof rule.loader === 'string' && rule.loader.includes('babel-loader') && rule.include !== undefined;
  return babel ? { ...rule, include: [rule.include, PACKAGES].flat() } : rule;
}

module.exports = (config) => ({
  ...config,
  module: { ...config.module, rules: config.module.rules.map(compilePackages) },
  performance: {
    ...config.performance,
    hints: 'warning',
    maxAssetSize: budget.maxRawBytes,
    maxEntrypointSize: budget.maxRawBytes,
    // Source maps are never sent to agents' browsers as code.
    assetFilter: (file) => !file.endsWith('.map'),
  },
});
