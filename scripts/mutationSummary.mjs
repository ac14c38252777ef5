#!/usr/bin/env node
/**
 * `npm run mutation:summary [-- --survivors]`: one score per folder from every Stryker report under
 * reports/mutation/FOLDER/ (the whole-folder run and the file-by-file `--mutate` runs), the newest report of
 * each mutant winning, scored by Stryker's own metrics library. `--survivors` lists what no test noticed.
 */
import { createRequire } from 'module';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import { calculateMetrics } from 'mutation-testing-metrics';

const require = createRequire(import.meta.url);
const { MUTATION_FOLDERS } = require('../tests/mutation/folders.js');
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { parseCommandLine } = require('./lib/cliArgs.js');
const options = parseCommandLine('npm run mutation:summary -- [options]', (args) => ({
  survivors: args.boolean('survivors', 'also list each mutant no test noticed'),
}));

/** Every mutation.json under a folder's reports, oldest first (so newer results overwrite older ones). */
function reportsOf(folder) {
  const dir = path.join(root, 'reports', 'mutation', folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'mutation.json')
    .map((file) => path.join(dir, file))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
}

const mutantKey = ({ mutatorName, replacement, location: { start, end } }) => `${mutatorName} ${start.line}:${start.column}-${end.line}:${end.column} ${replacement}`;

/**
 * A newer report of the same source overrides the mutants it tested and keeps the older results of the others
 * (a re-run of a few lines, `--mutate file:10-20 --force`); a newer report of a changed source replaces it.
 */
function merged(older, newer) {
  if (older === undefined || older.source !== newer.source) return newer;
  const mutants = new Map(older.mutants.map((mutant) => [mutantKey(mutant), mutant]));
  for (const mutant of newer.mutants) mutants.set(mutantKey(mutant), mutant);
  return { ...newer, mutants: [...mutants.values()] };
}

const percent = (value) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} %`);
const rows = [];
const unmeasured = [];
for (const folder of Object.keys(MUTATION_FOLDERS)) {
  const files = {};
  for (const report of reportsOf(folder)) {
    for (const [file, result] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
      // A file deleted or moved since its report no longer counts.
      if (existsSync(path.resolve(root, file))) files[file] = merged(files[file], result);
    }
  }
  if (Object.keys(files).length === 0) {
    unmeasured.push(folder);
    continue;
  }
  const { metrics } = calculateMetrics(files);
  // A report of a file changed since it was measured no longer says how the tests judge it: re-run that file.
  const stale = Object.entries(files).filter(([file, { source }]) => readFileSync(path.resolve(root, file), 'utf8') !== source).map(([file]) => path.basename(file));
  rows.push({ folder, files: Object.keys(files).length, 'changed since': stale.join(' ') || '-', mutants: metrics.totalMutants, killed: metrics.killed + metrics.timeout, survived: metrics.survived, 'no coverage': metrics.noCoverage, 'compile errors': metrics.compileErrors, score: percent(metrics.mutationScore) });
  if (options.survivors) {
    for (const [file, { mutants }] of Object.entries(files)) {
      for (const mutant of mutants.filter(({ status }) => status === 'Survived' || status === 'NoCoverage')) {
        console.log(`${folder}  ${file}:${mutant.location.start.line}  ${mutant.status}  ${mutant.mutatorName}  ${JSON.stringify(mutant.replacement ?? '')}`);
      }
    }
  }
}
if (rows.length > 0) console.table(rows);
// A dry run (CI's set-up check) writes no report: say so rather than print a table of empty scores.
if (unmeasured.length > 0) console.log(`No mutation report yet for ${unmeasured.join(', ')} (reports/mutation/FOLDER/): run \`npm run mutation -- FOLDER\`.`);
