/**
 * DEVELOPMENT TOOL — `npm run drill`: the outage drill against the BUILT Functions (dist/functions), so it
 * exercises exactly what `twilio serverless:deploy` uploads, on every route (Studio, TwiML connector, SIP).
 * Exits non-zero unless every call ended as its scenario requires and no log line leaked.
 * `--calls=1000 --concurrency=100 --seed=42 --route=sip` (`--route` repeats or takes a comma list).
 */
import * as path from 'path';
import { countFlag, finishArgs, listFlag, usageError } from './args';
import { formatDrillReport, ROUTES, runOutageDrill, type Route } from './outageDrill';

const calls = countFlag('calls', 1_000, 10_000, 'simulated calls');
const concurrency = countFlag('concurrency', 100, 500, 'calls in flight at once');
const seed = countFlag('seed', 42, 2 ** 31, 'seed of the simulated outages');
const asked = listFlag('route', `routes to drill: ${ROUTES.join(', ')} (default all; repeat or comma-separate)`);
finishArgs('npm run drill -- [--calls=1000] [--concurrency=100] [--seed=42] [--route=studio,sip]');
const unknown = asked.filter((name) => !(ROUTES as readonly string[]).includes(name));
if (unknown.length > 0) usageError(`--route must be one of ${ROUTES.join(', ')}, got "${unknown[0]}"`);

const functions = path.join(__dirname, '..', 'functions');
// Loaded at run time, not bundled: the drill must run the deployable files themselves.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (name: string) => require(path.join(functions, name)).handler;

runOutageDrill(
  {
    incoming: load('incoming-call.protected.js'),
    studio: load('polyai-handoff.protected.js'),
    connector: load('polyai-handoff-to-flex.protected.js'),
    sip: load('polyai-sip-handoff.protected.js'),
  },
  { calls, concurrency, seed, routes: asked.length > 0 ? (asked as Route[]) : undefined },
).then((report) => {
  console.log(formatDrillReport(report));
  for (const reason of report.lost.slice(0, 20)) console.log(`  lost: ${reason}`);
  process.exit(report.routed === report.total && report.logLeaks === 0 ? 0 : 1);
});
