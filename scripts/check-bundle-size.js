#!/usr/bin/env node
/**
 * CI size budget for the plugin bundle (run after `npm run build`). The budget lives in
 * bundle-budget.json at the root, which the build (webpack.config.js) and the bench read too; raising it is a
 * reviewed change, never a side effect of a build.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.join(__dirname, '..');
const BUDGET_FILE = path.join(ROOT, 'bundle-budget.json');

/** Raw and gzip (level 9, as a CDN would serve it) sizes of one file, in bytes. */
function sizeOf(file) {
  const bytes = fs.readFileSync(file);
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

/** Human-readable lines, one per limit, and whether every limit holds. */
function checkBudget(sizes, budget) {
  const checks = [
    ['raw', sizes.raw, budget.maxRawBytes],
    ['gzip', sizes.gzip, budget.maxGzipBytes],
  ];
  const lines = checks.map(([name, size, max]) =>
    `${size <= max ? 'ok  ' : 'OVER'} ${name}: ${(size / 1024).toFixed(1)} KB of ${(max / 1024).toFixed(1)} KB budget`,
  );
  return { ok: checks.every(([, size, max]) => size <= max), lines };
}

function main() {
  const budget = JSON.parse(fs.readFileSync(BUDGET_FILE, 'utf8'));
  const file = path.join(ROOT, budget.file);
  if (!fs.existsSync(file)) {
    console.error(`${budget.file} does not exist: run \`npm run build\` first.`);
    return 1;
  }
  const { ok, lines } = checkBudget(sizeOf(file), budget);
  console.log(`bundle size budget for ${budget.file}`);
  for (const line of lines) console.log(`  ${line}`);
  if (!ok) console.error('The bundle is over budget (bundle-budget.json). See docs/benchmarks.md.');
  return ok ? 0 : 1;
}

module.exports = { sizeOf, checkBudget, BUDGET_FILE };

if (require.main === module) {
  // No options; --help and anything unexpected are answered rather than ignored.
  require('./lib/cliArgs').parseCommandLine('node scripts/check-bundle-size.js', () => undefined);
  process.exit(main());
}
