/**
 * The offline preview server: bundles the real plugin entry (src/index.ts) with esbuild, aliasing
 * `@twilio/flex-ui` to the local Flex implementation in preview/flex, and serves a Flex-like agent
 * desktop on 127.0.0.1. Next to it, the preview backend (preview/backend): the PolyAI stand-in and the
 * built Functions, so the transcript comes through the real `polyai-conversation` Function.
 * Development only: nothing in src/ or serverless/src/ imports preview/.
 */
const { execFile } = require('child_process');
const fs = require('fs');
const http = require('http');
const Module = require('module');
const os = require('os');
const path = require('path');
const { promisify } = require('util');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const pkg = require('../package.json');

// `@twilio/flex-plugin` reads these build-time constants (flex-plugin-scripts defines them with webpack).
const pluginBuildConstants = {
  __FPB_PLUGIN_UNIQUE_NAME: pkg.name,
  __FPB_PLUGIN_VERSION: pkg.version,
  __FPB_FLEX_PLUGIN_SCRIPTS_VERSION: require('@twilio/flex-plugin-scripts/package.json').version,
  __FPB_FLEX_PLUGIN_VERSION: require('@twilio/flex-plugin/package.json').version,
  __FPB_FLEX_UI_VERSION: require('@twilio/flex-ui/package.json').version,
  __FPB_REACT_VERSION: require('react/package.json').version,
  __FPB_REACT_DOM_VERSION: require('react-dom/package.json').version,
};

/** Bundles the desktop and the plugin into one script; throws with esbuild's messages on error. */
async function bundle() {
  const define = { 'process.env.NODE_ENV': '"development"' };
  for (const [name, value] of Object.entries(pluginBuildConstants)) define[name] = JSON.stringify(value);
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, 'app', 'main.tsx')],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    jsx: 'transform',
    alias: { '@twilio/flex-ui': path.join(__dirname, 'flex', 'index.tsx') },
    define,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
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

/** preview/backend is TypeScript importing serverless/dev: bundled for node and loaded from memory. */
async function loadBackendModule() {
  const filename = path.join(__dirname, 'backend', 'previewBackend.ts');
  const result = await esbuild.build({ entryPoints: [filename], absWorkingDir: ROOT, bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node18', logLevel: 'silent' });
  const backendModule = new Module(filename, module);
  backendModule.filename = filename;
  backendModule.paths = Module._nodeModulePaths(path.dirname(filename));
  backendModule._compile(result.outputFiles[0].text, filename);
  return backendModule.exports;
}

/** What Flex reads from public/appConfig.js: the plugin fetches transcripts from the local Functions. */
function appConfig({ functionsBaseUrl }) {
  const polyaiContext = { enabled: true, always_show: false, tab_sort_order: 10, auto_select_tab: true, functions_base_url: functionsBaseUrl };
  return { custom_data: { polyai_context: polyaiContext } };
}

/** What the page needs from the server: the development Flex token and the PolyAI switch's state. */
function previewSession(backend, modes) {
  return { flexToken: backend.flexToken, polyaiMode: backend.polyaiMode(), polyaiModes: modes };
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

/** Reads a small JSON request body (the PolyAI switch); null when it is not JSON. */
function readJson(request) {
  return new Promise((resolve) => {
    let raw = '';
    request.on('data', (chunk) => {
      raw += chunk;
      if (raw.length > 1024) request.destroy();
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(raw));
      } catch {
        resolve(null);
      }
    });
  });
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Starts the preview and its backend. Resolves with `{ url, functionsUrl, standinUrl, close }` once all
 * listen; rejects with a readable error if a bundle fails or the port is taken (`error.code ===
 * 'EADDRINUSE'`). Port 0 picks a free port; the backend always picks free ports.
 */
async function startPreviewServer({ port = 4173, host = '127.0.0.1' } = {}) {
  const [script, backendModule, functionsDir] = await Promise.all([bundle(), loadBackendModule(), buildFunctions()]);
  const removeBuild = () => fs.rmSync(functionsDir, { recursive: true, force: true });
  const { startPreviewBackend, isPreviewPolyaiMode, PREVIEW_POLYAI_MODES } = backendModule;
  let backend;
  const send = (response, status, type, body) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    response.end(body);
  };
  const server = http.createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (!backend) return send(response, 503, 'text/plain; charset=utf-8', 'Starting, try again in a moment.');
    // The PolyAI switch: same origin as the page, so no CORS; only the preview's modes.
    if (pathname === '/__preview/polyai-mode' && request.method === 'POST') {
      const body = await readJson(request);
      if (!isPreviewPolyaiMode(body?.mode)) return send(response, 400, 'application/json', JSON.stringify({ error: `mode must be one of ${PREVIEW_POLYAI_MODES.join(', ')}` }));
      backend.setPolyaiMode(body.mode);
      console.log(`PolyAI stand-in now answers: ${body.mode}`);
      return send(response, 200, 'application/json', JSON.stringify({ mode: backend.polyaiMode() }));
    }
    const routes = {
      '/': ['text/html; charset=utf-8', () => page],
      '/appConfig.js': ['text/javascript; charset=utf-8', () => `var appConfig = ${JSON.stringify(appConfig({ functionsBaseUrl: backend.functionsUrl }), null, 2)};\n`],
      '/preview-session.js': ['text/javascript; charset=utf-8', () => `var previewSession = ${JSON.stringify(previewSession(backend, PREVIEW_POLYAI_MODES))};\n`],
      '/preview.js': ['text/javascript; charset=utf-8', () => script],
    };
    const route = request.method === 'GET' ? routes[pathname] : undefined;
    if (!route) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    send(response, 200, route[0], route[1]());
  });
  try {
    await listen(server, port, host);
  } catch (error) {
    removeBuild();
    throw error;
  }
  const url = `http://${host}:${server.address().port}/`;
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
      await Promise.all([
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
        backend.close(),
      ]);
      removeBuild();
    },
  };
}

module.exports = { startPreviewServer };
