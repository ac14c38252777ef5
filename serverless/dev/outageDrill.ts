/**
 * DEVELOPMENT TOOL — the outage drill: simulated calls through the Studio Function and the TwiML path while
 * the PolyAI stand-in answers a seeded random mix of 200, 404, 429, 500, hangs, slow bodies and garbage.
 * A call counts as routed when Flex would get a task whose `polyai` attribute the plugin's model reads as
 * data or as "unavailable", within Studio's 10 s. It also checks that no log line carries the API key or
 * caller data. The trickle drill (`runTrickleDrill`) has every PolyAI answer trickle its body for minutes while
 * garbage is collected, and counts a call as lost when it takes longer than the Functions' deadline plus a
 * small margin.
 */
import { parseHandoffContext, POLYAI_ATTRIBUTE } from '../../src/model';
import { invokeFunction, type AnyHandler, type FunctionResult } from './localRuntime';
import { DEFAULTS } from '../src/lib/config';
import { startStandin, STANDIN_API_KEY, type StandinMode } from './polyai-standin';

export interface DrillHandlers {
  /** `polyai-handoff` (Studio Run Function). */
  studio: AnyHandler;
  /** `polyai-handoff-to-flex` (TwiML `<Connect action>`). */
  twiml: AnyHandler;
}

export interface DrillOptions {
  calls: number;
  concurrency: number;
  seed?: number;
  /** The stand-in's answers: `random` (the outage mix) unless given. */
  mode?: StandinMode;
  /** A call slower than this is lost: Studio's 10 s unless given. */
  limitMs?: number;
}

export interface DrillReport {
  total: number;
  routed: number;
  withData: number;
  withErrorMarker: number;
  p50: number;
  p95: number;
  max: number;
  /** Why each unrouted call failed (empty when every call was routed). */
  lost: string[];
  logLines: number;
  logLeaks: number;
  /** Stand-in answers per mode. */
  mix: Record<string, number>;
}

export const DRILL_WORKFLOW_SID = `WW${'0'.repeat(32)}`;
/** Studio gives a Run Function 10 s. */
export const STUDIO_LIMIT_MS = 10_000;
/** What the trickle drill allows beyond the Functions' own deadline: timer and event-loop slack under load. */
export const DEADLINE_MARGIN_MS = 500;
const KNOWN_CALLS = ['CA5f1d2c3b4a5968778695a4b3c2d1e0f9', 'CA0000000000000000000000000000beef'];
const CALLER = '+447700900123';

export function drillEnv(baseUrl: string): Record<string, string> {
  return {
    POLYAI_BASE_URL: baseUrl,
    POLYAI_ACCOUNT_ID: 'acme',
    POLYAI_PROJECT_ID: 'billing',
    POLYAI_API_KEY: STANDIN_API_KEY,
    FLEX_WORKFLOW_SID: DRILL_WORKFLOW_SID,
  };
}

/** The task attributes a Function's answer would give Flex, or why it gives none. */
export function taskAttributesFrom(kind: keyof DrillHandlers, result: FunctionResult): Record<string, unknown> | string {
  if (result.status !== 200) return `HTTP ${result.status}`;
  if (kind === 'studio') {
    const body = result.body as Record<string, unknown> | null;
    return typeof body === 'object' && body !== null && POLYAI_ATTRIBUTE in body ? body : 'no polyai in the JSON body';
  }
  const match = /<Enqueue workflowSid="(WW[0-9a-fA-F]{32})"><Task>([^<]*)<\/Task><\/Enqueue>/.exec(String(result.body));
  if (match === null) return 'no <Enqueue><Task> in the TwiML';
  try {
    return JSON.parse(unescapeXml(match[2]));
  } catch {
    return '<Task> is not JSON';
  }
}

export function unescapeXml(text: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]);
}

export async function runOutageDrill(handlers: DrillHandlers, options: DrillOptions): Promise<DrillReport> {
  const standin = await startStandin({ mode: options.mode ?? 'random', seed: options.seed ?? 42, retryAfter: 1 });
  const limitMs = options.limitMs ?? STUDIO_LIMIT_MS;
  const env = drillEnv(standin.url);
  const durations: number[] = [];
  const lost: string[] = [];
  let withData = 0;
  let withErrorMarker = 0;
  const logs: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => logs.push(args.map(String).join(' '));

  async function simulate(call: number): Promise<void> {
    const kind: keyof DrillHandlers = call % 2 === 0 ? 'studio' : 'twiml';
    const callSid = call % 3 === 2 ? `CA${call.toString(16).padStart(32, '0')}` : KNOWN_CALLS[call % 2];
    const event = kind === 'studio' ? { call_sid: callSid } : { CallSid: callSid, From: CALLER };
    const started = Date.now();
    const result = await invokeFunction(handlers[kind], env, event);
    const elapsed = Date.now() - started;
    durations.push(elapsed);
    const attributes = taskAttributesFrom(kind, result);
    if (typeof attributes === 'string') return void lost.push(`call ${call} (${kind}): ${attributes}`);
    const context = parseHandoffContext(attributes);
    const hasError = context.error !== null;
    if (context.status === 'absent' || (hasError && context.status !== 'unavailable')) {
      return void lost.push(`call ${call} (${kind}): the plugin reads status ${context.status}`);
    }
    if (elapsed >= limitMs) return void lost.push(`call ${call} (${kind}): took ${elapsed} ms`);
    if (hasError) withErrorMarker += 1;
    else withData += 1;
  }

  try {
    let next = 0;
    const worker = async () => {
      while (next < options.calls) await simulate(next++);
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, options.calls) }, worker));
  } finally {
    console.log = log;
    await standin.close();
  }

  const sorted = [...durations].sort((a, b) => a - b);
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const secrets = [STANDIN_API_KEY, CALLER, ...KNOWN_CALLS, 'CA0000'];
  return {
    total: options.calls,
    routed: options.calls - lost.length,
    withData,
    withErrorMarker,
    p50: percentile(50),
    p95: percentile(95),
    max: sorted[sorted.length - 1] ?? 0,
    lost,
    logLines: logs.length,
    logLeaks: logs.filter((line) => secrets.some((secret) => line.includes(secret))).length,
    mix: { ...standin.counts },
  };
}

/**
 * Every answer trickles; with `node --expose-gc` garbage is also collected every 20 ms, the condition under
 * which a fetch's abort signal stops working. Lost: any call slower than the deadline plus the margin.
 */
export async function runTrickleDrill(handlers: DrillHandlers, options: Omit<DrillOptions, 'mode' | 'limitMs'>): Promise<DrillReport> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const collector = gc === undefined ? undefined : setInterval(gc, 20);
  try {
    return await runOutageDrill(handlers, { ...options, mode: 'trickle', limitMs: DEFAULTS.deadlineMs + DEADLINE_MARGIN_MS });
  } finally {
    clearInterval(collector);
  }
}

export function formatDrillReport(report: DrillReport): string {
  const percent = report.total === 0 ? 0 : (100 * report.routed) / report.total;
  const mix = Object.entries(report.mix)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([mode, count]) => `${mode} ${count}`)
    .join(', ');
  return (
    `outage drill: routed ${report.routed} / ${report.total} (${percent.toFixed(1)} %), ` +
    `${report.withData} with data, ${report.withErrorMarker} with an error marker; ` +
    `p50 ${report.p50} ms, p95 ${report.p95} ms, max ${report.max} ms; ` +
    `log lines ${report.logLines}, leaks ${report.logLeaks}; stand-in answers: ${mix}`
  );
}
