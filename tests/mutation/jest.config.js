/**
 * Jest for mutation runs: the unit and Function tests of jest.config.js, without the browser tests. Stryker
 * passes jest one flat config (no `projects`), so the environment is picked per test file instead.
 */
const { projects } = require('../../jest.config');

const unit = projects.find((project) => project.displayName === 'unit');
const functions = projects.find((project) => project.displayName === 'serverless');

const config = {
  ...unit,
  testMatch: [...unit.testMatch, ...functions.testMatch],
  testEnvironment: require.resolve('./environment.js'), // an absolute path: Stryker loads it itself
};
delete config.displayName;

module.exports = config;
