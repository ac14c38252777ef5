/**
 * DEVELOPMENT TOOL — `npm run drill`: the outage drill against the BUILT Functions (dist/functions), so it
 * exercises exactly what `twilio serverless:deploy` uploads. Exits non-zero unless every call was routed and
 * no log line leaked, then the trickle drill (every answer trickling, garbage collected throughout) on
 * `--trickle-calls` calls. `--calls=1000 --concurrency=100 --seed=42 --trickle-calls=200`.
 */
import * as path from 'path';
import { countFlag } from './args';
import { DEFAULTS } from '../src/lib/config';
import { DEADLINE_MARGIN_MS, formatDrillReport, runOutageDrill, runTrickleDrill, type DrillReport } from './outageDrill';

const functions = path.join(__dirname, '..', 'functions');
// Loaded at run time, not bundled: the drill must run the deployable files themselves.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (name: string) => require(path.join(functions, name)).handler;

const handlers = { studio: load('polyai-handoff.protected.js'), twiml: load('polyai-handoff-to-flex.protected.js') };
const options = { calls: countFlag('calls', 1_000, 10_000), concurrency: countFlag('concurrency', 100, 500), seed: countFlag('seed', 42, 2 ** 31) };

function passed(name: string, report: DrillReport): boolean {
  console.log(formatDrillReport(report).replace(/^outage drill/, name));
  for (const reason of report.lost.slice(0, 20)) console.log(`  lost: ${reason}`);
  return report.routed === report.total && report.logLeaks === 0;
}

(async () => {
  const outage = passed('outage drill', await runOutageDrill(handlers, options));
  // Then every answer trickling (npm run drill runs node --expose-gc, so garbage is collected throughout).
  const trickleCalls = countFlag('trickle-calls', 200, 2_000);
  const trickle = passed(
    `trickle drill (limit ${DEFAULTS.deadlineMs} + ${DEADLINE_MARGIN_MS} ms, forced GC ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'on' : 'off'})`,
    await runTrickleDrill(handlers, { ...options, calls: trickleCalls }),
  );
  process.exit(outage && trickle ? 0 : 1);
})();
