/**
 * Flex plugin build customisation (merged by flex-plugin-scripts). React, react-dom, redux and
 * react-redux are already externals, and `@twilio/flex-ui` resolves to `window.Twilio.Flex` at runtime.
 *
 * webpack's generic 244 KiB performance hint is replaced by this plugin's own reviewed budget
 * (bench/budget.json, also enforced by scripts/check-bundle-size.js): the build warns only when the
 * bundle outgrows it, instead of on every build.
 */
const budget = require('./bench/budget.json');

module.exports = (config) => ({
  ...config,
  performance: {
    ...config.performance,
    hints: 'warning',
    maxAssetSize: budget.maxRawBytes,
    maxEntrypointSize: budget.maxRawBytes,
    // Source maps are never sent to agents' browsers as code.
    assetFilter: (file) => !file.endsWith('.map'),
  },
});
