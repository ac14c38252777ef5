/**
 * Function overhead: the built `polyai-handoff` Function (serverless/dist/functions, run in-process by
 * devtools' local Functions runtime, as the tests and the outage drill run it) against a direct fetch of
 * the same handoff state from the same loopback PolyAI stand-in (127.0.0.1), at 1 and 50 concurrent
 * callers. Each round times both, alternating which goes first; each round gives one p50 and one p95
 * ratio. Every answer is checked: a failure is counted, never timed away.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const { bundle, ROOT } = require('../lib/bundleTs');
const { summarize, pairedRatios } = require('../lib/stats');

const CONCURRENCY = [1, 50];
const REQUESTS_PER_ROUND = { 1: 40, 50: 200 };
const ROUNDS = 12; // after one warm-up round
const REQUEST_TIMEOUT_MS = 5_000;
const SUITE_LIMIT_MS = 180_000;
const GOAL_RATIO = 1.2;
const CALL_SID = 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9'; // the verified handoff state's id in devtools/fixtures
const FUNCTION_FILE = path.join(ROOT, 'serverless', 'dist', 'functions', 'polyai-handoff.protected.js');

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** `total` calls of `call` from `callers` concurrent callers; each call's latency and whether it failed. */
async function load(call, callers, total) {
  const latencies = [];
  let failures = 0;
  let next = 0;
  const caller = async () => {
    while (next < total) {
      next += 1;
      const start = performance.now();
      const ok = await call().catch(() => false);
      latencies.push(performance.now() - start);
      if (!ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), failures, requests: latencies.length };
}

function buildFunctions() {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'serverless', 'scripts', 'build.mjs')], { cwd: path.join(ROOT, 'serverless'), encoding: 'utf8' });
  if (run.status !== 0 || !fs.existsSync(FUNCTION_FILE)) throw new Error(`building the Functions failed:\n${run.stdout}\n${run.stderr}`);
}

async function runFunctionOverheadBench(log) {
  log('functions: building serverless/dist');
  buildFunctions();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-bench-functions-'));
  let standin;
  try {
    const dev = require(await bundle('bench/functions/entry.ts', path.join(dir, 'dev.js'), 'node'));
    const { handler } = require(FUNCTION_FILE);
    standin = await dev.startStandin({ mode: 'ok' });
    const env = dev.drillEnv(standin.url);
    const directUrl = `${standin.url}/v1/${env.POLYAI_ACCOUNT_ID}/${env.POLYAI_PROJECT_ID}/handoff_state?${new URLSearchParams({ id: CALL_SID })}`;

    // Both succeed only with the verified handoff state in hand.
    const viaFunction = async () => {
      const result = await dev.invokeFunction(handler, env, { call_sid: CALL_SID });
      const polyai = result.body?.polyai;
      return result.status === 200 && typeof polyai === 'object' && polyai !== null && polyai.id === CALL_SID && !polyai.error;
    };
    const direct = async () => {
      const response = await fetch(directUrl, { headers: { 'x-api-key': env.POLYAI_API_KEY, accept: 'application/json' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const body = JSON.parse(await response.text());
      return response.status === 200 && body.id === CALL_SID;
    };

    // The Function logs one JSON line per call (serverless/src/lib/log.ts). The line is still built, but
    // counted instead of written: a terminal or pipe's write speed is not the Function's cost.
    const consoleLog = console.log;
    let functionLogLines = 0;
    console.log = (...args) => {
      if (typeof args[0] === 'string' && args[0].startsWith('{"fn":')) functionLogLines += 1;
      else consoleLog(...args);
    };
    const started = Date.now();
    const cases = [];
    try {
      for (const callers of CONCURRENCY) {
        log(`functions: ${callers} concurrent caller${callers === 1 ? '' : 's'}, ${ROUNDS} rounds of ${REQUESTS_PER_ROUND[callers]} requests each way`);
        const runs = { function: [], direct: [] };
        for (let round = 0; round <= ROUNDS; round += 1) {
          if (Date.now() - started > SUITE_LIMIT_MS) throw new Error(`functions: over the ${SUITE_LIMIT_MS / 1000} s limit`);
          for (const variant of round % 2 === 0 ? ['function', 'direct'] : ['direct', 'function']) {
            const result = await load(variant === 'function' ? viaFunction : direct, callers, REQUESTS_PER_ROUND[callers]);
            if (round > 0) runs[variant].push(result); // round 0 warms up (JIT, keep-alive sockets)
          }
        }
        const of = (variant, key) => runs[variant].map((run) => run[key]);
        const total = (variant, key) => of(variant, key).reduce((sum, value) => sum + value, 0);
        cases.push({
          callers,
          requestsPerRound: REQUESTS_PER_ROUND[callers],
          function: { p50Ms: summarize(of('function', 'p50')), p95Ms: summarize(of('function', 'p95')), requests: total('function', 'requests'), failures: total('function', 'failures') },
          direct: { p50Ms: summarize(of('direct', 'p50')), p95Ms: summarize(of('direct', 'p95')), requests: total('direct', 'requests'), failures: total('direct', 'failures') },
          ratio: { p50: pairedRatios(of('function', 'p50'), of('direct', 'p50')), p95: pairedRatios(of('function', 'p95'), of('direct', 'p95')) },
        });
      }
    } finally {
      console.log = consoleLog;
    }
    return {
      goalRatio: GOAL_RATIO,
      rounds: ROUNDS,
      function: path.relative(ROOT, FUNCTION_FILE),
      baseline: 'a direct fetch (GET with x-api-key, body read and parsed) of the same handoff state from the same stand-in',
      standinRequests: standin.counts,
      functionLogLines,
      cases,
    };
  } finally {
    await standin?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runFunctionOverheadBench };
