/**
 * Model speed: parseHandoffContext on realistic attributes (as a JSON string and as an object) against
 * JSON.parse of the same bytes, the floor any reader of that string pays. Subject and baseline run in
 * the same round, alternating which goes first, and each round gives one ratio.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const { bundle } = require('../lib/bundleTs');
const { summarize, pairedRatios } = require('../lib/stats');

const SIZES = [
  { id: '1kb', label: '1 KB', bytes: 1024 },
  { id: '100kb', label: '100 KB', bytes: 100 * 1024 },
  { id: '1mb', label: '1 MB', bytes: 1024 * 1024 },
];
const ROUNDS = 31;
const ROUND_MS = 25; // each round repeats an operation until about this long, so timer noise stays small
const WARM_UP_MS = 150;
const GOAL_RATIO = 2;

let sink = 0; // results feed this so no engine can drop the work

/** Milliseconds per call of `operation`, averaged over `iterations` calls. */
function timePerCall(operation, iterations) {
  const start = performance.now();
  for (let i = 0; i < iterations; i += 1) sink += operation() ? 1 : 0;
  return (performance.now() - start) / iterations;
}

/** Warms the operation up (JIT, inline caches) and picks how many calls make one round. */
function iterationsFor(operation) {
  const warmUntil = performance.now() + WARM_UP_MS;
  while (performance.now() < warmUntil) timePerCall(operation, 1);
  const perCall = Math.max(timePerCall(operation, 3), 1e-4);
  return Math.max(3, Math.ceil(ROUND_MS / perCall));
}

function compare(subject, baseline) {
  const subjectIterations = iterationsFor(subject);
  const baselineIterations = iterationsFor(baseline);
  const subjectMs = [];
  const baselineMs = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2 === 0) {
      subjectMs.push(timePerCall(subject, subjectIterations));
      baselineMs.push(timePerCall(baseline, baselineIterations));
    } else {
      baselineMs.push(timePerCall(baseline, baselineIterations));
      subjectMs.push(timePerCall(subject, subjectIterations));
    }
  }
  return { subjectMs: summarize(subjectMs), baselineMs: summarize(baselineMs), ratio: pairedRatios(subjectMs, baselineMs) };
}

async function runModelBench(log) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-bench-model-'));
  try {
    const { parseHandoffContext, attributesOfSize } = require(await bundle('bench/model/entry.ts', path.join(dir, 'model.js'), 'node'));
    const cases = [];
    for (const size of SIZES) {
      const json = JSON.stringify(attributesOfSize(size.bytes));
      const object = JSON.parse(json);
      const output = parseHandoffContext(object);
      const jsonParse = () => JSON.parse(json);
      for (const [input, subject] of [
        ['JSON string', () => parseHandoffContext(json)],
        ['object', () => parseHandoffContext(object)],
      ]) {
        log(`model: ${size.label} as ${input}`);
        cases.push({
          id: `${size.id}-${input === 'object' ? 'object' : 'string'}`,
          size: size.label,
          bytes: json.length,
          input,
          capturedFields: output.fields.length,
          status: output.status,
          ...compare(subject, jsonParse),
        });
      }
    }
    return { goalRatio: GOAL_RATIO, rounds: ROUNDS, baseline: 'JSON.parse of the same JSON text', cases, sink };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runModelBench };
