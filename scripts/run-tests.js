#!/usr/bin/env node
/**
 * The README's test command (`npm test`): runs every jest project once and ends with the plain line
 * `N passed, N failed` that CI reads. Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-tests-')), 'results.json');
const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: path.join(__dirname, '..'),
});

let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  // A suite that fails to load has no failed tests of its own: count it, so it can never pass quietly.
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
  if (results.numPendingTests > 0 || results.numTodoTests > 0) {
    console.error(`${results.numPendingTests + results.numTodoTests} test(s) were skipped: skipped tests are not allowed.`);
    failed += results.numPendingTests + results.numTodoTests;
  }
} catch {
  failed = Math.max(failed, 1);
  console.error('jest wrote no results.');
}
if (passed === 0 && failed === 0) failed = 1; // a run that ran nothing is a failure
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
