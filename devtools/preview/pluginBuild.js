/**
 * The plugin the preview runs is the production bundle admins deploy: `build/plugin-polyai-context.js`
 * from `flex-plugin build`. It is rebuilt when missing or older than any file it is built from.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');
const PLUGIN_NAME = require('../../package.json').name;
const PLUGIN_BUNDLE = path.join(ROOT, 'build', `${PLUGIN_NAME}.js`);
// Everything the bundle is built from, the model package included (the plugin imports it by name).
const SOURCES = ['src', 'packages/model/src', 'package.json', 'webpack.config.js', 'tsconfig.json'];
/** A cold `flex-plugin build` takes 1–2 min on an idle 2-core machine and several times that on a busy one. */
const BUILD_BUDGET_MS = 15 * 60_000;

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

/**
 * Runs `flex-plugin build` (what `npm run build` runs) in its own process group, so that a build past its budget
 * is stopped with everything it started; rejects with its output when it fails or runs out of time.
 */
function buildPlugin({ budgetMs = BUILD_BUDGET_MS } = {}) {
  const bin = path.join(path.dirname(require.resolve('@twilio/flex-plugin-scripts/package.json')), 'bin', 'flex-plugin');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-64 * 1024);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      killGroup(child.pid);
      reject(new Error(`flex-plugin build did not finish within ${budgetMs / 60_000} min and was stopped. Its output so far:\n${output}`));
    }, budgetMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`flex-plugin build could not start: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid); // anything the build left behind
      if (code === 0) resolve();
      else reject(new Error(`flex-plugin build failed (${signal ?? `exit code ${code}`}):\n${output}`));
    });
  });
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group has already gone.
  }
}

async function ensurePluginBuild({ log = () => undefined, budgetMs } = {}) {
  if (isPluginBuildFresh()) return PLUGIN_BUNDLE;
  log('Building the plugin with flex-plugin build (the bundle admins deploy)…');
  await buildPlugin({ budgetMs });
  return PLUGIN_BUNDLE;
}

module.exports = { PLUGIN_NAME, PLUGIN_BUNDLE, SOURCES, buildPlugin, ensurePluginBuild, isPluginBuildFresh };
