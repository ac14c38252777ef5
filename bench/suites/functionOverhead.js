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
const { ms, spread, times } = require('../lib/format');
const { countingFunctionLogs } = require('../lib/functionLogs');
const { summarize, pairedRatios } = require('../lib/stats');

const CONCURRENCY = [1, 50];
const REQUESTS_PER_ROUND = { 1: 40, 50: 200 };
const ROUNDS = 12; // after one warm-up round
const REQUEST_TIMEOUT_MS = 5_000;
const SUITE_LIMIT_MS = 180_000;
const GOAL_RATIO = 1.2;
const CALL_SID = 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9'; // the verified handoff state's id in devtools/fixtures
const BASELINE = 'a direct fetch (GET with x-api-key, body read and parsed) of the same handoff state from the same stand-in';
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

    const started = Date.now();
    const { result: cases, functionLogLines } = await countingFunctionLogs(async () => {
      const measured = [];
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
        measured.push({
          callers,
          requestsPerRound: REQUESTS_PER_ROUND[callers],
          function: { p50Ms: summarize(of('function', 'p50')), p95Ms: summarize(of('function', 'p95')), requests: total('function', 'requests'), failures: total('function', 'failures') },
          direct: { p50Ms: summarize(of('direct', 'p50')), p95Ms: summarize(of('direct', 'p95')), requests: total('direct', 'requests'), failures: total('direct', 'failures') },
          ratio: { p50: pairedRatios(of('function', 'p50'), of('direct', 'p50')), p95: pairedRatios(of('function', 'p95'), of('direct', 'p95')) },
        });
      }
      return measured;
    });
    const functionFile = path.relative(ROOT, FUNCTION_FILE);
    const callersLabel = (callers) => `${callers} caller${callers === 1 ? '' : 's'}`;
    return {
      method: [
        `\`${functionFile}\` (built by \`serverless/scripts/build.mjs\` in this run) invoked in-process through devtools' local Functions runtime (context, event, callback, \`Twilio.Response\`; the body JSON-serialised as Twilio's runtime would), fetching from the loopback PolyAI stand-in (127.0.0.1, same process). Baseline: ${BASELINE}. Each round sends the requests from N callers at once, Function and direct alternating which goes first, after one warm-up round; ${ROUNDS} rounds; p50 and p95 are per round, the ratio per round. Every answer is checked (Function: 200 with the verified handoff's \`polyai\` and no error; direct: 200 with its id); a failure is counted, never timed away. The Function's own log line is built as usual but counted rather than written (${functionLogLines} lines). The concurrent callers are a small load driver of this suite's own: each request's latency and outcome are needed, which a per-task benchmark library does not give.`,
      ],
      goals: cases.map((found) => {
        const failures = found.function.failures + found.direct.failures;
        return {
          goal: `Function p50 ≤ ${GOAL_RATIO}× direct fetch, ${callersLabel(found.callers)}, 0 failures`,
          value: found.ratio.p50.median,
          unit: '×',
          target: GOAL_RATIO,
          detail: `p50 ${ms(found.function.p50Ms.median)} vs ${ms(found.direct.p50Ms.median)} ms, per-round ratios ${spread(found.ratio.p50, times)}; ${failures} failures in ${found.function.requests + found.direct.requests} requests`,
          met: found.ratio.p50.median <= GOAL_RATIO && failures === 0,
        };
      }),
      tables: [
        {
          head: ['callers', 'requests per round, each way', 'Function p50 ms', 'direct p50 ms', 'p50 ratio', 'Function p95 ms', 'direct p95 ms', 'p95 ratio', 'failures (Function / direct)'],
          rows: cases.map((found) => [found.callers, found.requestsPerRound, spread(found.function.p50Ms, ms), spread(found.direct.p50Ms, ms), spread(found.ratio.p50, times), spread(found.function.p95Ms, ms), spread(found.direct.p95Ms, ms), spread(found.ratio.p95, times), `${found.function.failures} / ${found.direct.failures} of ${found.function.requests} each`]),
        },
      ],
      data: { goalRatio: GOAL_RATIO, rounds: ROUNDS, function: functionFile, baseline: BASELINE, standinRequests: standin.counts, functionLogLines, cases },
    };
  } finally {
    await standin?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runFunctionOverheadBench };
