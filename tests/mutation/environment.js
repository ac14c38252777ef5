/**
 * One jest environment for mutation runs, which cannot use jest's `projects` (Stryker passes one flat config):
 * the Function tests get node, as in their project (real fetch, loopback HTTP); every other test gets jsdom.
 * A constructor that returns the chosen environment, as Stryker's own generic environment does.
 */
const path = require('path');
const { TestEnvironment: NodeEnvironment } = require('jest-environment-node');
const { TestEnvironment: JsdomEnvironment } = require('jest-environment-jsdom');

const FUNCTION_TESTS = `${path.sep}tests${path.sep}serverless${path.sep}`;

module.exports = function MutationEnvironment(config, context) {
  const Environment = context.testPath.includes(FUNCTION_TESTS) ? NodeEnvironment : JsdomEnvironment;
  return new Environment(config, context);
};
