/**
 * Loads a TypeScript development tool from source: bundled for node by esbuild (the project's bundler) and
 * compiled from memory as the file itself (its __dirname, its node_modules).
 */
const esbuild = require('esbuild');
const Module = require('module');
const path = require('path');

/** npm packages load from disk; the workspace's own packages (packages/, TypeScript) are bundled. */
const npmPackagesExternal = {
  name: 'npm-packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@polyai-context/') ? undefined : { external: true }));
  },
};

async function loadTs(filename) {
  const result = await esbuild.build({ entryPoints: [filename], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node18', plugins: [npmPackagesExternal], logLevel: 'silent' });
  const loaded = new Module(filename, module);
  loaded.filename = filename;
  loaded.paths = Module._nodeModulePaths(path.dirname(filename));
  loaded._compile(result.outputFiles[0].text, filename);
  return loaded.exports;
}

module.exports = { loadTs };
