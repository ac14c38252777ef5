/**
 * DEVELOPMENT TOOL — `npm run drill`: the outage drill against the BUILT Functions (dist/functions), so it
 * exercises exactly what `twilio serverless:deploy` uploads. Exits non-zero unless every call was routed and
 * no log line leaked. `--calls=1000 --concurrency=100 --seed=42`.
 */
import * as path from 'path';
import { countFlag, finishArgs } from './args';
import { formatDrillReport, runOutageDrill } from './outageDrill';

const calls = countFlag('calls', 1_000, 10_000, 'simulated calls');
const concurrency = countFlag('concurrency', 100, 500, 'calls in flight at once');
const seed = countFlag('seed', 42, 2 ** 31, 'seed of the simulated outages');
finishArgs('npm run drill -- [--calls=1000] [--concurrency=100] [--seed=42]');

const functions = path.join(__dirname, '..', 'functions');
// Loaded at run time, not bundled: the drill must run the deployable files themselves.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (name: string) => require(path.join(functions, name)).handler;

runOutageDrill(
  { studio: load('polyai-handoff.protected.js'), twiml: load('polyai-handoff-to-flex.protected.js') },
  { calls, concurrency, seed },
).then((report) => {
  console.log(formatDrillReport(report));
  for (const reason of report.lost.slice(0, 20)) console.log(`  lost: ${reason}`);
  process.exit(report.routed === report.total && report.logLeaks === 0 ? 0 : 1);
});
