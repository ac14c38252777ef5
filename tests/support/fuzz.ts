/**
 * Run budget for property tests. `FUZZ_RUNS` (default 100,000) is the total number of generated cases for
 * the cheap properties; each property takes a share of it. Heavy generators (megabyte strings, deep
 * nesting) run a fixed few times on top. Every executed case is counted and the total printed once as
 * `fuzz: N cases`, the line CI reports.
 */
import fc from 'fast-check';

const DEFAULT_TOTAL = 100_000;

export const fuzzTotal = (() => {
  const parsed = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_TOTAL;
})();

let executed = 0;

/** Runs a property `share` × FUZZ_RUNS times (at least once), counting every case it executes. */
export function fuzz<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, share: number): void {
  fuzzFixed(arbitrary, predicate, Math.max(1, Math.round(fuzzTotal * share)));
}

/** Runs a heavy property a fixed number of times, whatever FUZZ_RUNS says. */
export function fuzzFixed<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns: number): void {
  fc.assert(
    fc.property(arbitrary, (value) => {
      executed += 1;
      predicate(value);
    }),
    { numRuns }, // random seed each run; fast-check prints it with any counterexample
  );
}

export function printFuzzCount(): void {
  process.stdout.write(`fuzz: ${executed} cases\n`);
}

export function fuzzCount(): number {
  return executed;
}
