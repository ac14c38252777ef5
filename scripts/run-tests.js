#!/usr/bin/env node
/**
 * The README's test command (`npm test`): runs every jest project once and ends with the plain line
 * `N passed, N failed` that CI reads. Extra arguments go to one jest run (e.g. `npm test -- --selectProjects unit`).
 *
 * A whole run (no arguments) runs two jest processes side by side, one per core: the browser tests (which build the
 * plugin first) and everything else. It prints each project's time, the property tests' case count (`fuzz: N
 * cases`) and seed, and holds the run to the floors in tests/floors.json.
 *
 * It always ends: each jest run has a budget, a jest that has written its results but does not exit is stopped,
 * and every process the run started (found by a marker in its environment, whatever its process group) is stopped
 * at the end. A process that outlives the run counts as a failure, so a test that leaks one cannot pass quietly.
 */
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { floorFailures } = require('./test-floors');

const ROOT = path.join(__dirname, '..');
/** A whole jest run on a busy 2-core machine takes minutes; past this, something hangs. */
const JEST_BUDGET_MS = 45 * 60_000;
/** jest writes its results file, then exits; one that has not exited by then is held up by a leftover handle. */
const EXIT_GRACE_MS = 15_000;
/** Processes stopping on their own (Chromium closing, esbuild's service) are given this long before they count. */
const LEFTOVER_GRACE_MS = 5_000;
const RUN_MARKER = 'POLYAI_TEST_RUN';

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

/** The processes of this machine whose environment carries this run's marker (Linux's /proc; none elsewhere). */
function processesOfRun(runId) {
  if (!fs.existsSync('/proc/self/environ')) return [];
  const marker = `${RUN_MARKER}=${runId}`;
  return fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid).flatMap((pid) => {
    try {
      if (!fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker)) return [];
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
      return [{ pid: Number(pid), command }];
    } catch {
      return []; // gone meanwhile, or not ours to read
    }
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function kill(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops whatever of this run is still running; resolves with what had to be stopped after the grace period. */
async function stopLeftovers(runId) {
  const deadline = Date.now() + LEFTOVER_GRACE_MS;
  while (processesOfRun(runId).length > 0 && Date.now() < deadline) await sleep(250);
  const leftovers = processesOfRun(runId);
  for (const { pid } of leftovers) kill(pid, 'SIGKILL');
  return leftovers;
}

/**
 * One jest process in a process group of its own, with its JSON summary and its projects' times written to files.
 * Resolves once it has exited (or been stopped), with what it wrote.
 */
function runJest(name, jestArgs, env) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-tests-'));
  const files = { results: path.join(dir, 'results.json'), fuzzCounts: path.join(dir, 'fuzz-counts.txt'), projectTimes: path.join(dir, 'project-times.json') };
  // jest's array options (--reporters, --selectProjects) take the words after them: ours come last, after the caller's.
  const reporters = ['--reporters=default', `--reporters=${path.join(__dirname, 'lib', 'projectTimesReporter.js')}`];
  const args = [require.resolve('jest/bin/jest'), ...jestArgs, '--json', `--outputFile=${files.results}`, ...reporters];
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    stdio: 'inherit',
    cwd: ROOT,
    detached: true,
    env: { ...env, FUZZ_COUNT_FILE: files.fuzzCounts, PROJECT_TIMES_FILE: files.projectTimes },
  });
  const notes = [];
  return new Promise((resolve) => {
    const stopGroup = (why) => {
      notes.push(why);
      kill(-child.pid, 'SIGKILL');
    };
    const budget = setTimeout(() => stopGroup(`${name}: jest ran past its ${JEST_BUDGET_MS / 60_000} min budget and was stopped.`), JEST_BUDGET_MS);
    let hungSince;
    const watch = setInterval(() => {
      if (!fs.existsSync(files.results)) return;
      hungSince ??= Date.now();
      if (Date.now() - hungSince > EXIT_GRACE_MS) stopGroup(`${name}: jest wrote its results but had not exited ${EXIT_GRACE_MS / 1000} s later (something a test started kept it alive); stopped it.`);
    }, 500);
    child.once('exit', (code) => {
      clearTimeout(budget);
      clearInterval(watch);
      kill(-child.pid, 'SIGKILL'); // anything left in its group
      resolve({ name, code, seconds: (Date.now() - started) / 1000, notes, ...readOutputs(files) });
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
}

function readOutputs(files) {
  const read = (file, parse) => {
    try {
      return parse(fs.readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  };
  return {
    results: read(files.results, JSON.parse),
    fuzzCases: read(files.fuzzCounts, (text) => text.split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line), 0)) ?? 0,
    projectTimes: read(files.projectTimes, JSON.parse) ?? {},
  };
}

/** Passed and failed tests of one jest run; a suite that failed to load, a skipped test or no results count as failures. */
function counts(run) {
  if (!run.results) {
    console.error(`${run.name}: jest wrote no results.`);
    return { passed: 0, failed: 1 };
  }
  const { numPassedTests, numFailedTests, numRuntimeErrorTestSuites, numPendingTests, numTodoTests } = run.results;
  const skipped = numPendingTests + numTodoTests;
  if (skipped > 0) console.error(`${run.name}: ${skipped} test(s) were skipped: skipped tests are not allowed.`);
  return { passed: numPassedTests, failed: numFailedTests + numRuntimeErrorTestSuites + skipped };
}

function printTimes(runs) {
  console.log('\nTime per jest project (seconds spent in its test files; projects of one run share its workers):');
  for (const run of runs) {
    for (const [project, { files, seconds }] of Object.entries(run.projectTimes)) {
      console.log(`  ${project.padEnd(18)} ${String(files).padStart(4)} files  ${seconds.toFixed(1).padStart(7)} s`);
    }
    console.log(`  ${`(${run.name}: wall clock)`.padEnd(30)} ${run.seconds.toFixed(1).padStart(7)} s`);
  }
}

async function main() {
  const args = process.argv.slice(2);
  const whole = args.length === 0;
  const browserTestsSelected = !args.includes('--selectProjects') || args.includes('e2e');
  if (browserTestsSelected && !ensureChromium()) {
    console.log('0 passed, 1 failed');
    return 1;
  }

  // One seed for every property test of the run, printed so that a failure can be replayed.
  const fuzzSeed = /^\d+$/.test(process.env.FUZZ_SEED ?? '') ? process.env.FUZZ_SEED : String(Math.floor(Math.random() * 2 ** 31));
  const runId = crypto.randomUUID();
  const env = { ...process.env, FUZZ_SEED: fuzzSeed, [RUN_MARKER]: runId };
  const stopEverything = () => {
    for (const { pid } of processesOfRun(runId)) kill(pid, 'SIGKILL');
    process.exit(130);
  };
  process.once('SIGINT', stopEverything);
  process.once('SIGTERM', stopEverything);

  const started = Date.now();
  const runs = await Promise.all(
    whole
      ? [runJest('browser tests', ['--selectProjects', 'e2e'], env), runJest('unit and Functions tests', ['--selectProjects', 'unit', 'unit-los-angeles', 'unit-kolkata', 'serverless'], env)]
      : [runJest('jest', args, env)],
  );
  const leftovers = await stopLeftovers(runId);

  let passed = 0;
  let failed = 0;
  for (const run of runs) {
    const { passed: runPassed, failed: runFailed } = counts(run);
    passed += runPassed;
    failed += runFailed;
    run.notes.forEach((note) => console.error(note));
    if (run.notes.length > 0) failed += 1;
  }
  if (leftovers.length > 0) {
    console.error(`${leftovers.length} process(es) started by the tests outlived them and were stopped:`);
    leftovers.forEach(({ pid, command }) => console.error(`  ${pid} ${command.slice(0, 200)}`));
    failed += 1;
  }
  if (passed === 0 && failed === 0) failed = 1; // a run that ran nothing is a failure

  const fuzzCases = runs.reduce((sum, run) => sum + run.fuzzCases, 0);
  printTimes(runs);
  console.log(`  ${'(npm test: wall clock)'.padEnd(30)} ${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s`);
  console.log(`fuzz seed: ${fuzzSeed} (FUZZ_SEED=${fuzzSeed} replays this run's property tests)`);
  console.log(`fuzz: ${fuzzCases} cases`);

  // Floors apply to the whole suite only: a targeted run (any argument) is meant to run fewer tests.
  if (whole) {
    const failures = floorFailures({ tests: passed + failed, fuzzCases }, require('../tests/floors.json'));
    failures.forEach((failure) => console.error(failure));
    failed += failures.length;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return runs.every((run) => run.code === 0) && failed === 0 ? 0 : 1;
}

main().then((status) => process.exit(status));
