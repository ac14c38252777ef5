/** jest's node environment in the project's time zone. */
const { TestEnvironment } = require('jest-environment-node');
const { inTimeZone } = require('./inTimeZone');

module.exports = inTimeZone(TestEnvironment);
