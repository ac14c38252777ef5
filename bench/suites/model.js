/**
 * Model speed: parseHandoffContext on realistic attributes (as a JSON string and as an object) against
 * JSON.parse of the same bytes, the floor any reader of that string pays. tinybench times both in the
 * same round, alternating which goes first, and each round gives one ratio.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const { bundle } = require('../lib/bundleTs');
const { ms, spread, times } = require('../lib/format');
const { summarize, pairedRatios } = require('../lib/stats');

const SIZES = [
  { id: '1kb', label: '1 KB', bytes: 1024 },
  { id: '100kb', label: '100 KB', bytes: 100 * 1024 },
  { id: '1mb', label: '1 MB', bytes: 1024 * 1024 },
];
const ROUNDS = 15;
/** Each round: tinybench runs subject and baseline for about this long each, after its warm-up. */
const ROUND_MS = 60;
const GOAL_RATIO = 2;

/**
 * One tinybench run per round with both operations, which goes first alternating by round; the ratio of
 * their median per-call latencies is that round's ratio (same round, same noise).
 */
async function compare(subject, baseline) {
  const { Bench } = await import('tinybench');
  const subjectMs = [];
  const baselineMs = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const bench = new Bench({ time: ROUND_MS, warmupTime: ROUND_MS / 4 });
    const tasks = [['subject', subject], ['baseline', baseline]];
    for (const [name, operation] of round % 2 === 0 ? tasks : tasks.reverse()) bench.add(name, operation);
    await bench.run();
    const p50 = (name) => {
      const { result } = bench.getTask(name);
      if (result.state !== 'completed') throw new Error(`model: ${name} did not complete (${result.state}): ${result.error ?? ''}`);
      return result.latency.p50;
    };
    subjectMs.push(p50('subject'));
    baselineMs.push(p50('baseline'));
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
          ...(await compare(subject, jsonParse)),
        });
      }
    }
    return {
      method: [
        `parseHandoffContext on realistic attributes (the verified Handoff API fixture in Studio's task attributes, grown with captured orders), given as the JSON text and as the object Flex passes, against JSON.parse of the same text: the floor any reader of that text pays. Timed with tinybench: ${ROUNDS} rounds, each one tinybench run of both operations (about ${ROUND_MS} ms each after its warm-up, which goes first alternating by round); figures are median per-call latencies, the ratio is per round.`,
      ],
      goals: cases.map((found) => ({
        goal: `parseHandoffContext ≤ ${GOAL_RATIO}× JSON.parse, ${found.size} as ${found.input}`,
        value: found.ratio.median,
        unit: '×',
        target: GOAL_RATIO,
        detail: `${ms(found.subjectMs.median)} vs ${ms(found.baselineMs.median)} ms per call; per-round ratios ${spread(found.ratio, times)}`,
        met: found.ratio.median <= GOAL_RATIO,
      })),
      tables: [
        {
          head: ['attributes', 'bytes', 'given as', 'fields kept', 'parseHandoffContext ms', 'JSON.parse ms', 'ratio median (min–max)'],
          rows: cases.map((found) => [found.size, found.bytes.toLocaleString('en-US'), found.input, `${found.capturedFields} (${found.status})`, spread(found.subjectMs, ms), spread(found.baselineMs, ms), spread(found.ratio, times)]),
        },
      ],
      data: { rounds: ROUNDS, roundMs: ROUND_MS, cases },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runModelBench };
