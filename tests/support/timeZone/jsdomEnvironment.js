/** jest's jsdom environment in the project's time zone. */
const { TestEnvironment } = require('jest-environment-jsdom');
const { inTimeZone } = require('./inTimeZone');

module.exports = inTimeZone(TestEnvironment);
