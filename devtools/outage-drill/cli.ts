/**
 * DEVELOPMENT TOOL — `npm run drill`: the outage drill against the BUILT Functions (dist/functions), so it
 * exercises exactly what `twilio serverless:deploy` uploads, on every route (Studio, TwiML connector, SIP).
 * Exits non-zero unless every call ended as its scenario requires and no log line leaked, then runs the trickle
 * drill (every answer trickling, garbage collected throughout) on `--trickle-calls` calls under the same rule
 * plus the deadline. `--calls=1000 --concurrency=100 --seed=42 --route=sip --trickle-calls=200`
 * (`--route` repeats or takes a comma list).
 */
import * as path from 'path';
import { countFlag, finishArgs, listFlag, usageError } from '../lib/args';
import { DEFAULTS } from '../../serverless/src/lib/config';
import { DEADLINE_MARGIN_MS, formatDrillReport, ROUTES, runOutageDrill, runTrickleDrill, type DrillReport, type Route } from './outageDrill';

const calls = countFlag('calls', 1_000, 10_000, 'simulated calls');
const concurrency = countFlag('concurrency', 100, 500, 'calls in flight at once');
const seed = countFlag('seed', 42, 2 ** 31, 'seed of the simulated outages');
const asked = listFlag('route', `routes to drill: ${ROUTES.join(', ')} (default all; repeat or comma-separate)`);
const trickleCalls = countFlag('trickle-calls', 200, 2_000, 'calls of the trickle drill that follows');
finishArgs('npm run drill -- [--calls=1000] [--concurrency=100] [--seed=42] [--route=studio,sip] [--trickle-calls=200]');
const unknown = asked.filter((name) => !(ROUTES as readonly string[]).includes(name));
if (unknown.length > 0) usageError(`--route must be one of ${ROUTES.join(', ')}, got "${unknown[0]}"`);

const functions = path.join(__dirname, '..', 'functions');
// Loaded at run time, not bundled: the drill must run the deployable files themselves.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (name: string) => require(path.join(functions, name)).handler;

const handlers = {
  incoming: load('incoming-call.protected.js'),
  studio: load('polyai-handoff.protected.js'),
  connector: load('polyai-handoff-to-flex.protected.js'),
  sip: load('polyai-sip-handoff.protected.js'),
};
const options = { calls, concurrency, seed, routes: asked.length > 0 ? (asked as Route[]) : undefined };

function passed(name: string, report: DrillReport): boolean {
  console.log(formatDrillReport(report).replace(/^outage drill/, name));
  for (const reason of report.lost.slice(0, 20)) console.log(`  lost: ${reason}`);
  return report.routed === report.total && report.logLeaks === 0;
}

(async () => {
  const outage = passed('outage drill', await runOutageDrill(handlers, options));
  // Then every answer trickling (npm run drill runs node --expose-gc, so garbage is collected throughout).
  const gc = typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'on' : 'off';
  const trickle = passed(
    `trickle drill (limit ${DEFAULTS.deadlineMs} + ${DEADLINE_MARGIN_MS} ms, forced GC ${gc})`,
    await runTrickleDrill(handlers, { ...options, calls: trickleCalls }),
  );
  process.exit(outage && trickle ? 0 : 1);
})();
