/** The folders mutation testing covers: what is mutated and which tsconfig type-checks the mutants. */
const MUTATION_FOLDERS = {
  model: { mutate: ['src/model/**/*.ts'], tsconfig: 'tests/mutation/tsconfig.plugin.json' },
  config: { mutate: ['src/config/**/*.ts'], tsconfig: 'tests/mutation/tsconfig.plugin.json' },
  'flex-hooks': { mutate: ['src/flex-hooks/**/*.ts?(x)'], tsconfig: 'tests/mutation/tsconfig.plugin.json' },
  'functions-lib': { mutate: ['serverless/src/lib/**/*.ts'], tsconfig: 'tests/mutation/tsconfig.functions.json' },
};

module.exports = { MUTATION_FOLDERS };
