/**
 * Loads a TypeScript development tool from source: bundled for node by esbuild (the project's bundler) and
 * compiled from memory as the file itself (its __dirname, its node_modules; packages load from disk, except
 * the workspace's own packages, which are TypeScript source and are bundled).
 */
const esbuild = require('esbuild');
const Module = require('module');
const path = require('path');

const WORKSPACE_PACKAGE = /^@polyai-context\//;

/** Every bare import is an installed package loaded by node, except the workspace's TypeScript packages. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (WORKSPACE_PACKAGE.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

async function loadTs(filename) {
  const result = await esbuild.build({ entryPoints: [filename], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node18', plugins: [externalPackages], logLevel: 'silent' });
  const loaded = new Module(filename, module);
  loaded.filename = filename;
  loaded.paths = Module._nodeModulePaths(path.dirname(filename));
  loaded._compile(result.outputFiles[0].text, filename);
  return loaded.exports;
}

module.exports = { loadTs };
