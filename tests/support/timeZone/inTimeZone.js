/**
 * A jest environment that first sets the test file's time zone (its project's `testEnvironmentOptions.timeZone`,
 * UTC when unset) on the process that runs the file. Node applies a TZ change to every Date and Intl of the process
 * at once, so projects in different zones can share jest's workers: each file sets its own zone before it runs.
 */
function inTimeZone(Environment) {
  return class extends Environment {
    constructor(config, context) {
      process.env.TZ = config.projectConfig.testEnvironmentOptions.timeZone ?? 'UTC';
      super(config, context);
    }
  };
}

module.exports = { inTimeZone };
