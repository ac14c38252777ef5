/**
 * jest globalSetup of the browser tests: builds the plugin (the production bundle the preview serves) once,
 * before any browser test file starts, so that no file's preview start includes a cold `flex-plugin build`.
 * A failed or over-budget build stops the browser run here, with the build's own output.
 */
const { ensurePluginBuild, isPluginBuildFresh } = require('../../../devtools/preview/pluginBuild');

module.exports = async function buildPluginOnce() {
  if (isPluginBuildFresh()) return;
  const started = Date.now();
  process.stdout.write('\nBrowser tests: building the plugin once with flex-plugin build (a cold build takes 1–3 min on 2 cores)…\n');
  try {
    await ensurePluginBuild();
  } catch (error) {
    throw new Error(`The browser tests need the plugin bundle, and building it failed: ${error.message}`);
  }
  process.stdout.write(`Browser tests: plugin built in ${Math.round((Date.now() - started) / 1000)} s.\n`);
};
