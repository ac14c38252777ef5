/**
 * DEVELOPMENT TOOL — `npm run drill`: the outage drill against the BUILT Functions (dist/functions), so it
 * exercises exactly what `twilio serverless:deploy` uploads, on every route (Studio, TwiML connector, SIP).
 * Exits non-zero unless every call ended as its scenario requires and no log line leaked.
 * `--calls=1000 --concurrency=100 --seed=42 --route=sip` (`--route` repeats or takes a comma list).
 */
import * as path from 'path';
import { countFlag, flag } from './args';
import { formatDrillReport, ROUTES, runOutageDrill, type Route } from './outageDrill';

const functions = path.join(__dirname, '..', 'functions');
// Loaded at run time, not bundled: the drill must run the deployable files themselves.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (name: string) => require(path.join(functions, name)).handler;

const asked = (flag('route') ?? '').split(',').filter((name) => name !== '');
const unknown = asked.filter((name) => !(ROUTES as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`--route must be one of ${ROUTES.join(', ')}`);
  process.exit(2);
}

runOutageDrill(
  {
    incoming: load('incoming-call.protected.js'),
    studio: load('polyai-handoff.protected.js'),
    connector: load('polyai-handoff-to-flex.protected.js'),
    sip: load('polyai-sip-handoff.protected.js'),
  },
  {
    calls: countFlag('calls', 1_000, 10_000),
    concurrency: countFlag('concurrency', 100, 500),
    seed: countFlag('seed', 42, 2 ** 31),
    routes: asked.length > 0 ? (asked as Route[]) : undefined,
  },
).then((report) => {
  console.log(formatDrillReport(report));
  for (const reason of report.lost.slice(0, 20)) console.log(`  lost: ${reason}`);
  process.exit(report.routed === report.total && report.logLeaks === 0 ? 0 : 1);
});
