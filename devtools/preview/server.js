/**
 * The offline preview server: serves real Flex (@twilio/flex-ui from node_modules, bundled with esbuild
 * into the page of preview/app) and the plugin's production bundle (`flex-plugin build`), which
 * Flex's own plugin manager loads, on 127.0.0.1. Next to it, the preview backend (backend.ts): the PolyAI stand-in and the
 * built Functions, so the transcript comes through the real `polyai-conversation` Function.
 * Development only: nothing in src/ or serverless/src/ imports devtools/.
 */
const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { promisify } = require('util');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..', '..');
const { anyJsonBody, createApp, listen } = require('../lib/http');
const { loadTs } = require('../lib/loadTs');
const { PLUGIN_BUNDLE, PLUGIN_NAME, ensurePluginBuild } = require('./pluginBuild');

/**
 * The four files the Flex UI library requests from Twilio's CDN when it loads. The preview serves local
 * stand-ins instead (and its Content-Security-Policy blocks any other origin), so it runs offline:
 * fonts fall back to the system's sans-serif, the phone-number country picker has no flags.
 */
const FLEX_CDN_FILES = {
  'https://assets.flex.twilio.com/assets/fonts/Inter/Inter_300-400-500-600-700.css?display=swap': ['inter-fonts.css', 'text/css; charset=utf-8', '/* Inter from Twilio\'s CDN: not loaded offline */\n'],
  'https://assets.twilio.com/public_assets/paste-fonts/1.5.1/fonts.css': ['paste-fonts.css', 'text/css; charset=utf-8', '/* Paste fonts from Twilio\'s CDN: not loaded offline */\n'],
  'https://assets.flex.twilio.com/assets/countries.json': ['countries.json', 'application/json', '[]'],
  'https://assets.flex.twilio.com/assets/flagPositions.json': ['flagPositions.json', 'application/json', '{}'],
  'https://media.twiliocdn.com/sdk/js/client/sounds/releases/1.0.0/incoming.mp3': ['incoming.mp3', 'audio/mpeg', ''],
};
const FLEX_ASSETS_PATH = '/__flex-assets/';

/** esbuild plugin: the Flex library with its CDN URLs pointing at the preview's local stand-ins. */
const localFlexAssets = {
  name: 'local-flex-assets',
  setup(build) {
    build.onLoad({ filter: /twilio-flex\.prod\.js$/ }, async (args) => {
      let contents = await fs.promises.readFile(args.path, 'utf8');
      for (const [url, [name]] of Object.entries(FLEX_CDN_FILES)) {
        if (!contents.includes(url)) throw new Error(`@twilio/flex-ui no longer requests ${url}: update devtools/preview/server.js`);
        contents = contents.split(url).join(FLEX_ASSETS_PATH + name);
      }
      return { contents, loader: 'js' };
    });
  },
};

/** Node globals some of Flex's dependencies read in the browser (webpack 4 used to provide them). */
const PROCESS_SHIM = 'var process = { env: { NODE_ENV: "production" }, browser: true, version: "", versions: {}, cwd: function () { return "/"; }, nextTick: function (fn) { var args = [].slice.call(arguments, 1); Promise.resolve().then(function () { fn.apply(null, args); }); } };';

/** Bundles the host page (real Flex from node_modules + the preview's switches); throws with esbuild's messages on error. */
async function bundle() {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'preview', 'app', 'main.tsx')],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    jsx: 'transform',
    minify: true,
    banner: { js: PROCESS_SHIM },
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    // The host shares Flex's own copy of redux (Flex's store, the `Redux` global plugins are built against).
    alias: { redux: path.dirname(require.resolve('redux/package.json', { paths: [path.dirname(require.resolve('@twilio/flex-ui/package.json'))] })) },
    plugins: [localFlexAssets],
    logLevel: 'silent',
    metafile: true,
  });
  // What it was built from (esbuild's inputs, without its virtual modules), for the cache below.
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes(':'));
  return { script: result.outputFiles[0].text, inputs };
}

/** Where the host page's bundle is kept between starts: bundling real Flex is the slowest part of a start. */
const HOST_BUNDLE_CACHE = path.join(ROOT, 'node_modules', '.cache', 'polyai-preview', 'host-bundle.json');

/** The cached bundle, unless a file it was built from is gone or has changed since its build started. */
function cachedHostBundle() {
  try {
    const { script, inputs, startedAt } = JSON.parse(fs.readFileSync(HOST_BUNDLE_CACHE, 'utf8'));
    return inputs.every((input) => fs.statSync(path.join(ROOT, input)).mtimeMs < startedAt) ? script : undefined;
  } catch {
    return undefined; // no cache yet, or a file it was built from is gone
  }
}

/** The host page's script: from the cache when fresh, else bundled and cached (written whole, then renamed). */
async function hostBundle() {
  const cached = cachedHostBundle();
  if (cached !== undefined) return cached;
  const startedAt = Date.now();
  const built = await bundle();
  fs.mkdirSync(path.dirname(HOST_BUNDLE_CACHE), { recursive: true });
  const partial = `${HOST_BUNDLE_CACHE}.${process.pid}`;
  fs.writeFileSync(partial, JSON.stringify({ ...built, startedAt }));
  fs.renameSync(partial, HOST_BUNDLE_CACHE);
  return built.script;
}



/**
 * Builds the Functions with serverless/'s own build (what `twilio serverless:deploy` uploads) into a fresh
 * temporary folder, so previews running side by side never overwrite each other's files.
 */
async function buildFunctions() {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-preview-functions-'));
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'serverless', 'scripts', 'build.mjs'), `--outdir=${outdir}`]);
  return outdir;
}

/**
 * An admin's labels for the samples' PolyAI keys and values in the tab's other languages (config `labels`), so
 * the preview shows a Spanish, French or German agent PolyAI's words in their language.
 */
const SAMPLE_LABELS = require('../fixtures/preview-labels.json');

/** What Flex reads from public/appConfig.js: the plugin fetches transcripts from the local Functions. */
function appConfig({ functionsBaseUrl }) {
  // As an admin's ui_attributes would have it; auto_select_tab stays off unless the page's switch turns it on.
  // The samples are UK calls: amounts in pounds unless PolyAI's data names a currency.
  const polyaiContext = { enabled: true, always_show: false, tab_sort_order: 10, auto_select_tab: false, functions_base_url: functionsBaseUrl, labels: SAMPLE_LABELS, currency: 'GBP' };
  // Flex's CRM panel (an empty "connect a CRM" placeholder offline) is hidden, as many contact centres do.
  return { logLevel: 'warn', componentProps: { AgentDesktopView: { showPanel2: false } }, custom_data: { polyai_context: polyaiContext } };
}

/** What the page needs from the server: the development Flex token and the PolyAI switch's state. */
function previewSession(backend, modes) {
  return { flexToken: backend.flexToken, polyaiMode: backend.polyaiMode(), polyaiModes: modes, pluginUrl: PLUGIN_URL, pluginVersion: require('../../package.json').version };
}

const PLUGIN_URL = `/plugins/${PLUGIN_NAME}.js`;

/** Nothing leaves the machine: scripts, styles, fonts and media from the page's origin, data to the local Functions. */
function contentSecurityPolicy(functionsUrl) {
  return [
    "default-src 'self'",
    // Flex compiles its Handlebars string templates at run time.
    "script-src 'self' 'unsafe-eval'",
    // Flex, Paste and emotion inject <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src 'self' ${new URL(functionsUrl).origin}`,
  ].join('; ');
}

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>PolyAI Context · Flex offline preview</title>
<style>html, body { margin: 0; height: 100%; } #root { height: 100%; }</style>
<script src="/appConfig.js"></script>
<script src="/preview-session.js"></script>
</head>
<body>
<div id="root"></div>
<script src="/preview.js"></script>
</body>
</html>
`;

/**
 * Starts the preview and its backend. Resolves with `{ url, functionsUrl, standinUrl, close }` once all
 * listen; rejects with a readable error if a bundle fails or the port is taken (`error.code ===
 * 'EADDRINUSE'`). Port 0 picks a free port; the backend always picks free ports.
 */
async function startPreviewServer({ port = 4173, host = '127.0.0.1' } = {}) {
  const [script, backendModule, functionsDir] = await Promise.all([hostBundle(), loadTs(path.join(__dirname, 'backend.ts')), buildFunctions(), ensurePluginBuild({ log: console.log })]);
  const removeBuild = () => fs.rmSync(functionsDir, { recursive: true, force: true });
  const { startPreviewBackend, isPreviewPolyaiMode, PREVIEW_POLYAI_MODES } = backendModule;
  let backend;
  const send = (response, status, type, body) => {
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) headers['content-security-policy'] = contentSecurityPolicy(backend.functionsUrl);
    response.writeHead(status, headers);
    response.end(body);
  };
  const app = createApp();
  app.use((_request, response, next) => (backend ? next() : send(response, 503, 'text/plain; charset=utf-8', 'Starting, try again in a moment.')));
  // The PolyAI switch: same origin as the page, so no CORS; only the preview's modes.
  app.post('/__preview/polyai-mode', anyJsonBody('1kb'), (request, response) => {
    const { mode } = request.body;
    if (!isPreviewPolyaiMode(mode)) return send(response, 400, 'application/json', JSON.stringify({ error: `mode must be one of ${PREVIEW_POLYAI_MODES.join(', ')}` }));
    backend.setPolyaiMode(mode);
    console.log(`PolyAI stand-in now answers: ${mode}`);
    send(response, 200, 'application/json', JSON.stringify({ mode: backend.polyaiMode() }));
  });
  // The attributes panel: a pasted task becomes one the preview's agent holds (its transcript and verdict work).
  app.post('/__preview/tasks', anyJsonBody('64kb'), (request, response) => {
    const { taskSid, attributes } = request.body;
    if (!backend.holdTask(taskSid, attributes)) return send(response, 400, 'application/json', JSON.stringify({ error: 'taskSid must be a task SID (WT…) other than a sample\'s, and attributes an object' }));
    send(response, 201, 'application/json', JSON.stringify({ taskSid }));
  });
  const routes = {
    '/': ['text/html; charset=utf-8', () => page],
    '/appConfig.js': ['text/javascript; charset=utf-8', () => `var appConfig = ${JSON.stringify(appConfig({ functionsBaseUrl: backend.functionsUrl }), null, 2)};\n`],
    '/preview-session.js': ['text/javascript; charset=utf-8', () => `var previewSession = ${JSON.stringify(previewSession(backend, PREVIEW_POLYAI_MODES))};\n`],
    '/preview.js': ['text/javascript; charset=utf-8', () => script],
    // Read on each request: `npm run build` (or the watch mode) is picked up by a reload.
    [PLUGIN_URL]: ['text/javascript; charset=utf-8', () => fs.readFileSync(PLUGIN_BUNDLE)],
  };
  for (const [name, type, body] of Object.values(FLEX_CDN_FILES)) routes[FLEX_ASSETS_PATH + name] = [type, () => body];
  for (const [route, [type, body]] of Object.entries(routes)) app.get(route, (_request, response) => send(response, 200, type, body()));
  app.use((_request, response) => send(response, 404, 'text/plain; charset=utf-8', 'Not found'));
  let server;
  try {
    server = await listen(app, { port, host });
  } catch (error) {
    removeBuild();
    throw error;
  }
  const url = `${server.url}/`;
  try {
    backend = await startPreviewBackend({ functionsDir: path.join(functionsDir, 'functions'), previewOrigin: new URL(url).origin });
  } catch (error) {
    server.close();
    removeBuild();
    throw error;
  }
  return {
    url,
    functionsUrl: backend.functionsUrl,
    standinUrl: backend.standinUrl,
    close: async () => {
      await Promise.all([server.close(), backend.close()]);
      removeBuild();
    },
  };
}

module.exports = { hostBundle, startPreviewServer };
