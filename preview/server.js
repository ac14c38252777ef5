/**
 * The offline preview server: bundles the real plugin entry (src/index.ts) with esbuild, aliasing
 * `@twilio/flex-ui` to the local Flex implementation in preview/flex, and serves a Flex-like agent
 * desktop on 127.0.0.1. Development only: nothing in src/ imports preview/.
 */
const http = require('http');
const path = require('path');
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

/** What Flex reads from public/appConfig.js; `functionsBaseUrl` is the seam for the local Functions. */
function appConfig({ functionsBaseUrl }) {
  const polyaiContext = { enabled: true, always_show: false, tab_sort_order: 10 };
  if (functionsBaseUrl) polyaiContext.functions_base_url = functionsBaseUrl;
  return { custom_data: { polyai_context: polyaiContext } };
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
</head>
<body>
<div id="root"></div>
<script src="/preview.js"></script>
</body>
</html>
`;

/**
 * Starts the preview. Resolves with `{ url, close }` once it listens; rejects with a readable error if
 * the bundle fails or the port is taken (`error.code === 'EADDRINUSE'`). Port 0 picks a free port.
 */
async function startPreviewServer({ port = 4173, host = '127.0.0.1', functionsBaseUrl = '' } = {}) {
  const script = await bundle();
  const config = `var appConfig = ${JSON.stringify(appConfig({ functionsBaseUrl }), null, 2)};\n`;
  const routes = {
    '/': ['text/html; charset=utf-8', page],
    '/appConfig.js': ['text/javascript; charset=utf-8', config],
    '/preview.js': ['text/javascript; charset=utf-8', script],
  };
  const server = http.createServer((request, response) => {
    const route = request.method === 'GET' ? routes[new URL(request.url, 'http://localhost').pathname] : undefined;
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': route[0], 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    response.end(route[1]);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

module.exports = { startPreviewServer };
