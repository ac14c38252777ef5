/**
 * Loads a TypeScript development tool from source: bundled for node by esbuild (the project's bundler) and
 * compiled from memory as the file itself (its __dirname, its node_modules; packages load from disk).
 */
const esbuild = require('esbuild');
const Module = require('module');
const path = require('path');

async function loadTs(filename) {
  const result = await esbuild.build({ entryPoints: [filename], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node18', packages: 'external', logLevel: 'silent' });
  const loaded = new Module(filename, module);
  loaded.filename = filename;
  loaded.paths = Module._nodeModulePaths(path.dirname(filename));
  loaded._compile(result.outputFiles[0].text, filename);
  return loaded.exports;
}

module.exports = { loadTs };
