/** The floors CI holds a whole test run to: a missing test file or a lowered FUZZ_RUNS must fail the run. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain node script, as CI runs it
const { floorFailures } = require('../../../scripts/test-floors') as {
  floorFailures: (counts: { tests: number; fuzzCases: number }, floors: { tests: number; fuzzCases: number }) => string[];
};
import floors from '../../floors.json';

describe('test floors', () => {
  const floor = { tests: 1_000, fuzzCases: 100_000 };

  it('passes a run at or above both floors', () => {
    expect(floorFailures({ tests: 1_000, fuzzCases: 100_000 }, floor)).toEqual([]);
    expect(floorFailures({ tests: 1_200, fuzzCases: 250_000 }, floor)).toEqual([]);
  });

  it('fails a run with one test fewer than the floor, saying which floor', () => {
    expect(floorFailures({ tests: 999, fuzzCases: 100_000 }, floor)).toEqual([expect.stringMatching(/^Only 999 tests ran, below the floor of 1000/)]);
  });

  it('fails a run whose fuzz cases were cut (FUZZ_RUNS lowered)', () => {
    expect(floorFailures({ tests: 1_000, fuzzCases: 12 }, floor)).toEqual([expect.stringMatching(/^Only 12 fuzz cases ran.*FUZZ_RUNS/)]);
  });

  it('fails a run whose counts could not be read', () => {
    expect(floorFailures({ tests: Number.NaN, fuzzCases: Number.NaN }, floor)).toHaveLength(2);
  });

  it('keeps real floors in tests/floors.json', () => {
    expect(floors.tests).toBeGreaterThan(0);
    expect(floors.fuzzCases).toBeGreaterThan(0);
  });
});
