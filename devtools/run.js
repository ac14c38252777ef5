#!/usr/bin/env node
/**
 * Runs a TypeScript development tool from source, as if node ran it: `node devtools/run.js
 * devtools/outage-drill/cli.ts --calls=100` (what `npm run drill` and `npm run polyai:standin` run).
 */
const path = require('path');
const { loadTs } = require('./lib/loadTs');

const [file, ...args] = process.argv.slice(2);
if (file === undefined) {
  console.error('Usage: node devtools/run.js <tool.ts> [options]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(file), ...args];
loadTs(path.resolve(file)).catch((error) => {
  console.error(`${file} could not start:\n${error.message}`);
  process.exit(1);
});
