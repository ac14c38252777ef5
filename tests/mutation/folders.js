/**
 * The folders mutation testing covers: what is mutated, the tests that judge it (a folder is held to its
 * own tests, which also keeps each mutant's run short), and the tsconfig that type-checks the mutants.
 */
const MUTATION_FOLDERS = {
  model: {
    mutate: ['packages/model/src/**/*.ts'],
    tests: ['tests/model/**'],
    tsconfig: 'tests/mutation/tsconfig.plugin.json',
  },
  config: {
    mutate: ['src/config/**/*.ts'],
    tests: ['tests/unit/config/**'],
    tsconfig: 'tests/mutation/tsconfig.plugin.json',
  },
  flex: {
    mutate: ['src/flex/hooks/**/*.ts?(x)'],
    tests: ['tests/unit/flex/hooks/**'],
    tsconfig: 'tests/mutation/tsconfig.plugin.json',
  },
  'functions-lib': {
    mutate: ['serverless/src/lib/**/*.ts'],
    tests: ['tests/serverless/**'],
    tsconfig: 'tests/mutation/tsconfig.functions.json',
  },
};

module.exports = { MUTATION_FOLDERS };
