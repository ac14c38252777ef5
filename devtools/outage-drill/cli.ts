/**
 * DEVELOPMENT TOOL — `npm run drill`: the outage drill against the BUILT Functions (serverless/dist/functions), so it
 * exercises exactly what `twilio serverless:deploy` uploads, on every route (Studio, TwiML connector, SIP).
 * Exits non-zero unless every call ended as its scenario requires and no log line leaked, then runs the trickle
 * drill (every answer trickling, garbage collected throughout) on `--trickle-calls` calls under the same rule
 * plus the deadline. `--calls=1000 --concurrency=100 --seed=42 --route=sip --trickle-calls=200`
 * (`--route` repeats or takes a comma list).
 */
import * as path from 'path';
import { parseCommandLine, UsageError } from '../../scripts/lib/cliArgs';
import { DEFAULTS } from '../../serverless/src/lib/config';
import { DEADLINE_MARGIN_MS, formatDrillReport, ROUTES, runOutageDrill, runTrickleDrill, type DrillReport, type Route } from './outageDrill';

const usage = 'npm run drill -- [--calls=1000] [--concurrency=100] [--seed=42] [--route=studio,sip] [--trickle-calls=200]';
const { calls, concurrency, seed, routes, trickleCalls } = parseCommandLine(usage, (args) => ({
  calls: args.integer('calls', 'simulated calls', { fallback: 1_000, min: 1, max: 10_000 }),
  concurrency: args.integer('concurrency', 'calls in flight at once', { fallback: 100, min: 1, max: 500 }),
  seed: args.integer('seed', 'seed of the simulated outages', { fallback: 42, min: 1, max: 2 ** 31 }),
  routes: routesFrom(args.strings('route', `routes to drill: ${ROUTES.join(', ')} (default all; repeat or comma-separate)`)),
  trickleCalls: args.integer('trickle-calls', 'calls of the trickle drill that follows', { fallback: 200, min: 1, max: 2_000 }),
}));

/** `--route=a --route=b` or `--route=a,b`; undefined (every route) when absent. */
function routesFrom(values: string[]): Route[] | undefined {
  const asked = values.flatMap((value) => value.split(',')).filter((value) => value !== '');
  const unknown = asked.find((name) => !(ROUTES as readonly string[]).includes(name));
  if (unknown !== undefined) throw new UsageError(`--route must be one of ${ROUTES.join(', ')}, got "${unknown}"`);
  return asked.length > 0 ? (asked as Route[]) : undefined;
}

// The build `npm run drill` makes first (npm run build:functions).
const functions = path.join(__dirname, '..', '..', 'serverless', 'dist', 'functions');
// Loaded at run time, not bundled: the drill must run the deployable files themselves.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (name: string) => require(path.join(functions, name)).handler;

const handlers = {
  incoming: load('incoming-call.protected.js'),
  studio: load('polyai-handoff.protected.js'),
  connector: load('polyai-handoff-to-flex.protected.js'),
  sip: load('polyai-sip-handoff.protected.js'),
};
const options = { calls, concurrency, seed, routes };

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
