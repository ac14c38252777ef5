/**
 * The minimums a whole test run is held to (tests/floors.json): fewer tests or fewer property-test cases
 * than that means a test file went missing or FUZZ_RUNS was lowered. Used by scripts/run-tests.js.
 */
const FLOORS_FILE = 'tests/floors.json';

/** The reasons a run falls short of its floors; empty when it does not. */
function floorFailures({ tests, fuzzCases }, floors) {
  const failures = [];
  if (!(tests >= floors.tests)) {
    failures.push(`Only ${tests} tests ran, below the floor of ${floors.tests} (${FLOORS_FILE}): was a test deleted or skipped?`);
  }
  if (!(fuzzCases >= floors.fuzzCases)) {
    failures.push(`Only ${fuzzCases} fuzz cases ran, below the floor of ${floors.fuzzCases} (${FLOORS_FILE}): is FUZZ_RUNS lowered?`);
  }
  return failures;
}

module.exports = { floorFailures };
