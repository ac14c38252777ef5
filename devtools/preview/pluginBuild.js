/**
 * The plugin the preview runs is the production bundle admins deploy: `build/plugin-polyai-context.js`
 * from `flex-plugin build`. It is rebuilt when missing or older than any file it is built from.
 */
const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');
const { promisify } = require('util');

const ROOT = path.join(__dirname, '..', '..');
const PLUGIN_NAME = require('../../package.json').name;
const PLUGIN_BUNDLE = path.join(ROOT, 'build', `${PLUGIN_NAME}.js`);
const SOURCES = ['src', 'package.json', 'webpack.config.js', 'tsconfig.json'];

function newestMtime(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function isPluginBuildFresh() {
  if (!fs.existsSync(PLUGIN_BUNDLE)) return false;
  const built = fs.statSync(PLUGIN_BUNDLE).mtimeMs;
  return SOURCES.every((source) => !fs.existsSync(path.join(ROOT, source)) || newestMtime(path.join(ROOT, source)) <= built);
}

/** Runs `flex-plugin build` (what `npm run build` runs); rejects with its output when it fails. */
async function buildPlugin() {
  const bin = path.join(path.dirname(require.resolve('@twilio/flex-plugin-scripts/package.json')), 'bin', 'flex-plugin');
  try {
    await promisify(execFile)(process.execPath, [bin, 'build'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`flex-plugin build failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

async function ensurePluginBuild({ log = () => undefined } = {}) {
  if (isPluginBuildFresh()) return PLUGIN_BUNDLE;
  log('Building the plugin with flex-plugin build (the bundle admins deploy)…');
  await buildPlugin();
  return PLUGIN_BUNDLE;
}

module.exports = { PLUGIN_NAME, PLUGIN_BUNDLE, SOURCES, buildPlugin, ensurePluginBuild, isPluginBuildFresh };
