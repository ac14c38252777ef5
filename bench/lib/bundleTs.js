/** Bundles a bench entry (TypeScript, the real src/ code) with esbuild, as the browser or Node will run it. */
const esbuild = require('esbuild');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');

/** Production React, as Flex runs it: dev-mode checks would distort every timing. */
async function bundle(entry, outfile, platform) {
  await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform,
    format: platform === 'node' ? 'cjs' : 'iife',
    target: platform === 'node' ? 'node20' : 'chrome110',
    minify: true,
    sourcemap: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return outfile;
}

module.exports = { bundle, ROOT };
