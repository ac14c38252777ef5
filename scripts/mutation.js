#!/usr/bin/env node
/**
 * `npm run mutation [-- FOLDER… [--incremental] [--concurrency N] [other Stryker options]]`: StrykerJS over
 * each folder in turn (all four by default), one report per folder under reports/mutation/FOLDER/. Exits
 * non-zero when any folder scores below the break threshold in stryker.config.mjs. See docs/mutation.md.
 */
const { spawnSync } = require('child_process');
const { createHash } = require('crypto');
const path = require('path');
const { MUTATION_FOLDERS } = require('../tests/mutation/folders');

const args = process.argv.slice(2);
const folders = args.filter((arg) => Object.hasOwn(MUTATION_FOLDERS, arg));
const strykerArgs = args.filter((arg) => !folders.includes(arg));
// `--mutate FILES` (one file of a big folder at a time): that scope gets its own report and incremental file,
// so file-by-file runs do not overwrite each other's results (stryker.config.mjs reads MUTATION_SCOPE).
const mutateAt = strykerArgs.findIndex((arg) => arg === '--mutate' || arg === '-m' || arg.startsWith('--mutate='));
const mutate = mutateAt === -1 ? '' : (strykerArgs[mutateAt].split('=')[1] ?? strykerArgs[mutateAt + 1] ?? '');
// A folder name from the list (past 240 characters, shortened and told apart by a hash: a file name can hold 255).
const readable = mutate.replace(/[^\w.-]+/g, '_');
const scope = readable.length <= 240 ? readable : `${readable.slice(0, 160)}_${createHash('sha256').update(mutate).digest('hex').slice(0, 12)}`;

const stryker = path.join(path.dirname(require.resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');
const failed = [];
for (const folder of folders.length > 0 ? folders : Object.keys(MUTATION_FOLDERS)) {
  console.log(`\n::: mutation testing ${folder} (${MUTATION_FOLDERS[folder].mutate.join(', ')})`);
  const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...strykerArgs], {
    stdio: 'inherit',
    cwd: path.join(__dirname, '..'),
    // Property tests run for every mutant they cover: fewer cases, each heavy property (megabyte inputs) once,
    // and one seed so that a mutant's verdict does not depend on luck (all can be overridden).
    env: { FUZZ_RUNS: '2000', FUZZ_FIXED_MAX: '1', FUZZ_SEED: '19', ...process.env, MUTATION_FOLDER: folder, MUTATION_SCOPE: scope },
  });
  if (run.status !== 0) failed.push(folder);
}
// Every folder's score from all its reports (whole-folder and file-by-file runs): scripts/mutationSummary.mjs.
spawnSync(process.execPath, [path.join(__dirname, 'mutationSummary.mjs')], { stdio: 'inherit' });
if (failed.length > 0) console.error(`\nMutation testing failed or scored below the threshold for: ${failed.join(', ')}.`);
process.exit(failed.length > 0 ? 1 : 0);
