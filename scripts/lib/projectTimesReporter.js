/**
 * A jest reporter for `npm test`'s closing table: for each project (its displayName), how many test files ran and
 * the seconds spent in them, written as JSON to PROJECT_TIMES_FILE when the run ends.
 */
const fs = require('fs');

class ProjectTimesReporter {
  constructor() {
    this.projects = {};
  }

  onTestResult(test, testResult) {
    const project = test.context.config.displayName?.name ?? 'jest';
    const entry = (this.projects[project] ??= { files: 0, seconds: 0 });
    entry.files += 1;
    entry.seconds += Math.max(0, testResult.perfStats.end - testResult.perfStats.start) / 1000;
  }

  onRunComplete() {
    if (process.env.PROJECT_TIMES_FILE) fs.writeFileSync(process.env.PROJECT_TIMES_FILE, JSON.stringify(this.projects));
  }
}

module.exports = ProjectTimesReporter;
