/**
 * Jest for mutation runs: the unit and Function tests of jest.config.js that judge the folder being mutated
 * (MUTATION_FOLDER, see folders.js), without the browser tests. Stryker passes jest one flat config (no
 * `projects`), so the environment is picked per test file instead.
 */
const { projects } = require('../../jest.config');
const { MUTATION_FOLDERS } = require('./folders');

const folder = MUTATION_FOLDERS[process.env.MUTATION_FOLDER ?? ''];

const unit = projects.find((project) => project.displayName === 'unit');
const functions = projects.find((project) => project.displayName === 'serverless');

const config = {
  ...unit,
  // Sources are roots too: jest finds the tests related to a mutated file only through files it has indexed.
  roots: ['<rootDir>/tests', '<rootDir>/src', '<rootDir>/packages', '<rootDir>/serverless/src', '<rootDir>/devtools'],
  testMatch: folder ? folder.tests.map((glob) => `<rootDir>/${glob}/*.test.ts?(x)`) : [...unit.testMatch, ...functions.testMatch],
  // The built-bundle test runs esbuild on every mutant for nothing: the source tests cover the same code.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/serverless/built\\.test\\.ts$'],
  testEnvironment: require.resolve('./environment.js'), // an absolute path: Stryker loads it itself
  // The model package by its sources in this tree: in Stryker's sandbox node_modules is a link to the original
  // tree, whose @polyai-context/model link would test the original model instead of the mutated copy.
  moduleNameMapper: { ...unit.moduleNameMapper, '^@polyai-context/model$': '<rootDir>/packages/model/src' },
};
delete config.displayName;

module.exports = config;
