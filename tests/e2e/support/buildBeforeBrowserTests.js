/**
 * jest globalSetup of the browser tests: builds what every preview serves once, before any browser test file
 * starts: the plugin (the production bundle, `flex-plugin build`) and the host page (real Flex, bundled by esbuild
 * and cached), so that no file's preview start includes a cold build. A failed or over-budget build stops the
 * browser run here, with the build's own output.
 */
const { ensurePluginBuild, isPluginBuildFresh } = require('../../../devtools/preview/pluginBuild');
const { hostBundle } = require('../../../devtools/preview/server');

module.exports = async function buildBeforeBrowserTests() {
  const started = Date.now();
  if (!isPluginBuildFresh()) process.stdout.write('\nBrowser tests: building the plugin once with flex-plugin build (a cold build takes 1–3 min on 2 cores)…\n');
  try {
    await Promise.all([ensurePluginBuild(), hostBundle()]);
  } catch (error) {
    throw new Error(`The browser tests need the plugin bundle and the preview's page, and building them failed: ${error.message}`);
  }
  process.stdout.write(`Browser tests: plugin and preview page ready in ${Math.round((Date.now() - started) / 1000)} s.\n`);
};
