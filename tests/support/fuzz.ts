/**
 * Run budget for property tests. `FUZZ_RUNS` (default 100,000) is the number of generated cases the model's
 * cheap properties share; each property takes a share of it. Heavy generators (megabyte strings, deep
 * nesting) run a fixed few times on top. Every executed case is counted: `npm test` adds up the counts of
 * all test files and prints `fuzz: N cases`, which CI holds to a floor (tests/floors.json).
 *
 * One seed drives every property of a run: `FUZZ_SEED` when set (`npm test` sets it and prints it), random
 * otherwise. A failure names the seed; `FUZZ_SEED=<seed> FUZZ_RUNS=<runs>` replays the same cases.
 */
import fs from 'fs';
import fc from 'fast-check';

const DEFAULT_TOTAL = 100_000;

function positiveInteger(value: string | undefined): number | null {
  const parsed = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(parsed) && parsed >= 0 ? parsed : null;
}

export const fuzzTotal = positiveInteger(process.env.FUZZ_RUNS) || DEFAULT_TOTAL;

export const fuzzSeed = positiveInteger(process.env.FUZZ_SEED) ?? Math.floor(Math.random() * 2 ** 31);

// Mutation runs (scripts/mutation.js) repeat a test for every mutant it reaches: there each heavy property runs
// at most `FUZZ_FIXED_MAX` times. Unset everywhere else, so `npm test` and CI's fuzz floor are unchanged.
const fixedMax = positiveInteger(process.env.FUZZ_FIXED_MAX) || Infinity;

let executed = 0;

function options<Ts>(numRuns: number): fc.Parameters<Ts> {
  return {
    numRuns,
    seed: fuzzSeed,
    // fast-check's report names the seed and the counterexample's path; say how to replay it.
    reporter: (details) => {
      if (details.failed) throw new Error(`${fc.defaultReportMessage(details)}\nReplay: FUZZ_SEED=${fuzzSeed} FUZZ_RUNS=${fuzzTotal}`);
    },
  };
}

/** Runs a property `share` × FUZZ_RUNS times (at least once), counting every case it executes. */
export function fuzz<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, share: number): void {
  fuzzFixed(arbitrary, predicate, Math.max(1, Math.round(fuzzTotal * share)));
}

/** Runs a heavy property a fixed number of times, whatever FUZZ_RUNS says (capped by FUZZ_FIXED_MAX). */
export function fuzzFixed<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number): void {
  fc.assert(
    fc.property(arbitrary, (value) => {
      executed += 1;
      predicate(value);
    }),
    options<[T]>(Math.min(numRuns, fixedMax)),
  );
}

/** `fuzz` for an asynchronous predicate. */
export async function fuzzAsync<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, share: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      executed += 1;
      await predicate(value);
    }),
    options<[T]>(Math.max(1, Math.round(fuzzTotal * share))),
  );
}

/**
 * After each test file that runs properties: its case count goes to `FUZZ_COUNT_FILE` (one line per file,
 * summed by scripts/run-tests.js) or, when jest runs without it, straight to the output.
 */
afterAll(() => {
  if (executed === 0) return;
  const file = process.env.FUZZ_COUNT_FILE;
  if (file) fs.appendFileSync(file, `${executed}\n`);
  else process.stdout.write(`fuzz: ${executed} cases (seed ${fuzzSeed})\n`);
});
