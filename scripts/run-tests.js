#!/usr/bin/env node
/**
 * The README's test command (`npm test`): runs every jest project once and ends with the plain line
 * `N passed, N failed` that CI reads. Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
 * It prints the property tests' case count (`fuzz: N cases`) and seed, and a whole run (no arguments) is
 * held to the floors in tests/floors.json: fewer tests or fuzz cases than that is a failure.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { floorFailures } = require('./test-floors');

// Browser tests drive Debian's Chromium (Playwright's own browser download is not reachable). On a fresh
// machine where we are root, install it, so `npm ci && npm test` is the whole set-up; otherwise say how.
const CHROMIUM = '/usr/bin/chromium';
function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    console.log(`${CHROMIUM} not found: installing Debian's chromium (apt-get) for the browser tests…`);
    const apt = (aptArgs) => spawnSync('apt-get', aptArgs, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (apt(['update', '-qq']).status === 0 && apt(['install', '-y', '-qq', 'chromium']).status === 0 && fs.existsSync(CHROMIUM)) return true;
  }
  console.error(`The browser tests need Debian's Chromium at ${CHROMIUM}: run \`sudo apt-get install -y chromium\` and try again.`);
  return false;
}
const args = process.argv.slice(2);
const browserTestsSelected = !args.includes('--selectProjects') || args.includes('e2e');
if (browserTestsSelected && !ensureChromium()) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// jest writes its JSON summary and the property tests their case counts here; removed once read, so a run leaves nothing behind.
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-tests-'));
const resultsFile = path.join(resultsDir, 'results.json');
const fuzzCountFile = path.join(resultsDir, 'fuzz-counts.txt');
// One seed for every property test of the run, printed so that a failure can be replayed.
const fuzzSeed = /^\d+$/.test(process.env.FUZZ_SEED ?? '') ? process.env.FUZZ_SEED : String(Math.floor(Math.random() * 2 ** 31));
const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...args], {
  stdio: 'inherit',
  cwd: path.join(__dirname, '..'),
  env: { ...process.env, FUZZ_SEED: fuzzSeed, FUZZ_COUNT_FILE: fuzzCountFile },
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

const fuzzCases = fs.existsSync(fuzzCountFile)
  ? fs.readFileSync(fuzzCountFile, 'utf8').split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line), 0)
  : 0;
fs.rmSync(resultsDir, { recursive: true, force: true });
console.log(`fuzz seed: ${fuzzSeed} (FUZZ_SEED=${fuzzSeed} replays this run's property tests)`);
console.log(`fuzz: ${fuzzCases} cases`);

// Floors apply to the whole suite only: a targeted run (any argument) is meant to run fewer tests.
if (args.length === 0) {
  const failures = floorFailures({ tests: passed + failed, fuzzCases }, require('../tests/floors.json'));
  failures.forEach((failure) => console.error(failure));
  failed += failures.length;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
