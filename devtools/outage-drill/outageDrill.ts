/**
 * DEVELOPMENT TOOL — the outage drill: simulated calls through every route a call takes — the Studio flow
 * (walked widget by widget, Run Function and Send To Flex included), the TwiML connector route
 * (`incoming-call` → `<Connect action>` with each `VirtualAgentStatus`) and the SIP route (`incoming-call` →
 * `<Dial referUrl>` → PolyAI's REFER, BYE, no answer) — while the PolyAI stand-in answers a seeded random mix of
 * 200, 404, 429, 500, hangs, slow bodies and garbage. Each call's outcome is checked against its scenario: a
 * Flex task whose `polyai` attribute the plugin reads as data, partial or "unavailable"; a task that must read
 * "unavailable" (the agent failed); or no task (the agent completed the call, or the caller hung up). It also
 * checks that no log line carries the API key or caller data. The trickle drill (`runTrickleDrill`) has every
 * PolyAI answer trickle its body for minutes while garbage is collected, and counts a call as lost when it takes
 * longer than the Functions' deadline plus a small margin.
 */
import { parseHandoffContext, POLYAI_ATTRIBUTE, type HandoffContext } from '@polyai-context/model';
import { SaxesParser } from 'saxes';
import { DEFAULTS } from '../../serverless/src/lib/config';
import { invokeFunction, type AnyHandler, type FunctionResult } from '../functions-runtime/localRuntime';
import { standinEnv, startStandin, STANDIN_API_KEY, type StandinMode } from '../polyai-standin/standin';
import { walkStudioCall, type AgentStatus } from './studioFlow';
import { startLagMonitor } from '../lib/lagMonitor';

export interface DrillHandlers {
  /** `incoming-call`: the number's voice webhook (connector and SIP routes). */
  incoming: AnyHandler;
  /** `polyai-handoff` (Studio Run Function). */
  studio: AnyHandler;
  /** `polyai-handoff-to-flex` (`<Connect action>`). */
  connector: AnyHandler;
  /** `polyai-sip-handoff` (`<Dial referUrl>` and `<Dial action>`). */
  sip: AnyHandler;
}

export const ROUTES = ['studio', 'connector', 'sip'] as const;
export type Route = (typeof ROUTES)[number];

export interface DrillOptions {
  calls: number;
  concurrency: number;
  seed?: number;
  /** Only these routes (default: all). */
  routes?: readonly Route[];
  /** How the PolyAI stand-in answers (default: a seeded random mix of every fault). */
  mode?: StandinMode;
  /** A call slower than this is lost (default: Studio's 10 s). */
  limitMs?: number;
}

/** What a scenario must end in. `task`: any Flex task (data, partial or unavailable, depending on PolyAI). */
export type Expectation = 'task' | 'unavailable' | 'no-task';

/** What became of one call: a Flex task with these attributes, no task, or why the call was lost. */
export type CallOutcome = { kind: 'task'; attributes: Record<string, unknown> } | { kind: 'no-task' } | { kind: 'lost'; why: string };

export interface DrillCall {
  handlers: DrillHandlers;
  env: Record<string, string>;
  callSid: string;
  /** A call SID PolyAI has handoff data for, or not. */
  polyaiId: string;
}

export interface Scenario {
  route: Route;
  name: string;
  expect: Expectation;
  run(call: DrillCall): Promise<CallOutcome>;
  /** Extra check on the context the plugin reads; returns what is wrong, or null. */
  check?(context: HandoffContext): string | null;
}

export interface ScenarioTally {
  calls: number;
  data: number;
  partial: number;
  unavailable: number;
  noTask: number;
}

export interface DrillReport {
  total: number;
  /** Calls whose outcome was what their scenario requires. */
  routed: number;
  withData: number;
  partial: number;
  withErrorMarker: number;
  noTask: number;
  p50: number;
  p95: number;
  max: number;
  /** Why each call went wrong (empty when every call ended as its scenario requires). */
  lost: string[];
  logLines: number;
  logLeaks: number;
  /** Stand-in answers per mode. */
  mix: Record<string, number>;
  scenarios: Record<string, ScenarioTally>;
}

export const DRILL_WORKFLOW_SID = `WW${'0'.repeat(32)}`;
/** Studio gives a Run Function 10 s; we hold every route to it (Twilio waits 15 s for a webhook). */
export const STUDIO_LIMIT_MS = 10_000;
/** What the trickle drill allows beyond the Functions' own deadline: timer and event-loop slack under load. */
export const DEADLINE_MARGIN_MS = 500;
const KNOWN_CALLS = ['CA5f1d2c3b4a5968778695a4b3c2d1e0f9', 'CA0000000000000000000000000000beef'];
const KNOWN_SHARED_ID = 'acme_2026-11-21_0001';
const CALLER = '+447700900123';
const SIP_URI = 'sip:acme-billing@polyai.example.sip.twilio.com';
const CUSTOMER_ID = 'CUST-77123';

/** The Functions' environment for the drill: the stand-in's PolyAI and a Flex workflow to enqueue calls to. */
export function drillEnv(baseUrl: string): Record<string, string> {
  return { ...standinEnv(baseUrl), FLEX_WORKFLOW_SID: DRILL_WORKFLOW_SID };
}

/** The task attributes a Function's answer would give Flex, or why it gives none. */
export function taskAttributesFrom(kind: 'studio' | 'twiml', result: FunctionResult): Record<string, unknown> | string {
  if (result.status !== 200) return `HTTP ${result.status}`;
  if (kind === 'studio') {
    const body = result.body as Record<string, unknown> | null;
    return typeof body === 'object' && body !== null && POLYAI_ATTRIBUTE in body ? body : 'no polyai in the JSON body';
  }
  const elements = parseTwiml(result.body);
  if (elements === null) return 'the TwiML is not well-formed XML';
  const enqueue = elements.find((element) => element.name === 'Enqueue' && /^WW[0-9a-fA-F]{32}$/.test(element.attributes.workflowSid ?? ''));
  const task = elements.find((element) => element.name === 'Task' && element.parent === enqueue);
  if (enqueue === undefined || task === undefined) return 'no <Enqueue workflowSid><Task> in the TwiML';
  try {
    return JSON.parse(task.text);
  } catch {
    return '<Task> is not JSON';
  }
}

interface TwimlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  parent?: TwimlElement;
}

/** TwiML read by a real XML parser (saxes): its elements in document order; null when it is not well-formed. */
function parseTwiml(twiml: unknown): TwimlElement[] | null {
  const parser = new SaxesParser();
  const elements: TwimlElement[] = [];
  const open: TwimlElement[] = [];
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', parent: open[open.length - 1] };
    elements.push(element);
    if (!tag.isSelfClosing) open.push(element);
  });
  parser.on('text', (text) => {
    if (open.length > 0) open[open.length - 1].text += text;
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) open.pop();
  });
  try {
    parser.write(String(twiml)).close();
    return elements;
  } catch {
    return null;
  }
}

/** A TwiML answer to a hand-back: a task, a deliberate end (ends in `<Hangup/>`), or lost. */
function outcomeOfTwiml(result: FunctionResult): CallOutcome {
  const attributes = taskAttributesFrom('twiml', result);
  if (typeof attributes !== 'string') return { kind: 'task', attributes };
  const elements = parseTwiml(result.body) ?? [];
  if (result.status === 200 && elements[elements.length - 1]?.name === 'Hangup') return { kind: 'no-task' };
  return { kind: 'lost', why: attributes };
}

/** The number's webhook must send the call to PolyAI and name the Function that takes it back. */
async function dialIn(call: DrillCall, env: Record<string, string>, element: string, attribute: string, path: string) {
  const result = await invokeFunction(call.handlers.incoming, env, { CallSid: call.callSid, From: CALLER });
  const found = parseTwiml(result.body)?.find((candidate) => candidate.name === element)?.attributes[attribute];
  return found === path ? null : `incoming-call answered ${String(result.body).slice(0, 120)}`;
}

function connector(name: string, expect: Expectation, params: (call: DrillCall) => Record<string, string>): Scenario {
  return {
    route: 'connector',
    name,
    expect,
    async run(call) {
      const env = { ...call.env, POLYAI_CONNECTOR_NAME: 'polyai_acme' };
      const wrong = await dialIn(call, env, 'Connect', 'action', '/polyai-handoff-to-flex');
      if (wrong !== null) return { kind: 'lost', why: wrong };
      return outcomeOfTwiml(await invokeFunction(call.handlers.connector, env, { CallSid: call.callSid, From: CALLER, ...params(call) }));
    },
  };
}

function sip(name: string, expect: Expectation, params: (call: DrillCall) => Record<string, string>, check?: Scenario['check']): Scenario {
  return {
    route: 'sip',
    name,
    expect,
    check,
    async run(call) {
      const env = { ...call.env, POLYAI_SIP_URI: SIP_URI };
      const wrong = await dialIn(call, env, 'Dial', 'referUrl', '/polyai-sip-handoff');
      if (wrong !== null) return { kind: 'lost', why: wrong };
      const dialCallSid = `CA${'d'.repeat(32)}`;
      const event = { CallSid: call.callSid, From: CALLER, To: '+442071234567', DialCallSid: dialCallSid, ...params(call) };
      return outcomeOfTwiml(await invokeFunction(call.handlers.sip, env, event));
    },
  };
}

function studio(status: AgentStatus, expect: Expectation): Scenario {
  return {
    route: 'studio',
    name: status,
    expect,
    async run(call) {
      const outcome = await walkStudioCall(
        {
          callSid: call.callSid,
          from: CALLER,
          agent: {
            status,
            providerData: status === 'live-agent-handoff' ? { ConversationId: call.polyaiId } : {},
            ...(status === 'failed' ? { error: 'Connector timed out', errorCode: '32601' } : {}),
          },
        },
        (path, parameters) => (path === '/polyai-handoff' ? invokeFunction(call.handlers.studio, call.env, parameters) : Promise.resolve({ status: 404, headers: {}, body: path })),
      );
      if (outcome.kind === 'enqueued') return { kind: 'task', attributes: outcome.attributes };
      if (outcome.kind === 'ended' || outcome.kind === 'caller-gone') return { kind: 'no-task' };
      return { kind: 'lost', why: outcome.kind === 'dead-end' ? `dead end at ${outcome.widget} (${outcome.event})` : `fell back to ${outcome.widget}` };
    },
  };
}

/**
 * With PolyAI failing, the REFER's X- headers are the agent's context: partial, the customer id listed as an
 * unverified claim (nothing fetched server-side confirmed it), never shown as the customer's id.
 */
function headersUsedWhenPolyaiFails(context: HandoffContext): string | null {
  if (context.error === null) return null;
  if (context.status !== 'partial') return `PolyAI failed but the X- headers did not make a partial context (${context.status})`;
  if (context.customer.id !== null) return 'the X-Customer-ID header was shown as the customer id, not as an unverified claim';
  return context.fields.some((field) => String(field.value) === CUSTOMER_ID) ? null : 'the X-Customer-ID header is not listed among the captured fields';
}

/** Every route × every way PolyAI can give a call back. Another mode or route is one more row. */
export const SCENARIOS: readonly Scenario[] = [
  studio('live-agent-handoff', 'task'),
  studio('paused', 'task'),
  studio('completed', 'no-task'),
  studio('hangup', 'no-task'),
  studio('failed', 'unavailable'),
  connector('live-agent-handoff', 'task', (call) => ({
    VirtualAgentStatus: 'live-agent-handoff',
    VirtualAgentProvider: 'PolyAI',
    VirtualAgentProviderData: JSON.stringify({ ConversationId: call.polyaiId }),
  })),
  connector('paused', 'task', () => ({ VirtualAgentStatus: 'paused' })),
  connector('no-status', 'task', () => ({})),
  connector('completed', 'no-task', () => ({ VirtualAgentStatus: 'completed' })),
  connector('hangup', 'no-task', () => ({ VirtualAgentStatus: 'hangup' })),
  connector('failed', 'unavailable', () => ({ VirtualAgentStatus: 'failed', VirtualAgentErrorCode: '32601', VirtualAgentError: 'Connector timed out' })),
  sip(
    'refer-with-headers',
    'task',
    (call) => ({
      ReferTransferTarget: `<sip:flex@acme.example.com?X-Customer-ID=${CUSTOMER_ID}&X-Reason=refund_request&X-PolyAI-Shared-Id=${call.polyaiId === KNOWN_CALLS[0] ? KNOWN_SHARED_ID : 'unknown_shared'}>`,
    }),
    headersUsedWhenPolyaiFails,
  ),
  sip('refer-without-headers', 'task', () => ({ ReferTransferTarget: 'sip:+442071234567@acme.example.com' })),
  sip('bye-with-headers', 'task', () => ({ DialCallStatus: 'completed', [`DialSipHeader_X-Customer-ID`]: CUSTOMER_ID, 'DialSipHeader_X-Reason': 'complaint' }), headersUsedWhenPolyaiFails),
  sip('completed', 'no-task', () => ({ DialCallStatus: 'completed' })),
  sip('no-answer', 'unavailable', () => ({ DialCallStatus: 'no-answer', DialSipResponseCode: '480' })),
  sip('caller-hung-up', 'no-task', () => ({ DialCallStatus: 'completed', CallStatus: 'completed' })),
];

export async function runOutageDrill(handlers: DrillHandlers, options: DrillOptions): Promise<DrillReport> {
  const routes = options.routes ?? ROUTES;
  const scenarios = SCENARIOS.filter((scenario) => routes.includes(scenario.route));
  const standin = await startStandin({ mode: options.mode ?? 'random', seed: options.seed ?? 42, retryAfter: 1 });
  const env = drillEnv(standin.url);
  const limitMs = options.limitMs ?? STUDIO_LIMIT_MS;
  const durations: number[] = [];
  const lost: string[] = [];
  const tallies: Record<string, ScenarioTally> = {};
  const logs: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => logs.push(args.map(String).join(' '));
  // A call is held to Studio's limit plus the test machine's own lateness that fell within it.
  const lag = startLagMonitor();

  async function simulate(index: number): Promise<void> {
    const scenario = scenarios[index % scenarios.length];
    const key = `${scenario.route}/${scenario.name}`;
    const tally = (tallies[key] ??= { calls: 0, data: 0, partial: 0, unavailable: 0, noTask: 0 });
    tally.calls += 1;
    const callSid = `CA${index.toString(16).padStart(32, '0')}`;
    // Most calls are PolyAI's (the stand-in has their handoff state), some are not (404).
    const polyaiId = index % 3 === 2 ? callSid : KNOWN_CALLS[index % 2];
    const started = Date.now();
    const lagBefore = lag.total();
    const outcome = await scenario.run({ handlers, env, callSid: index % 3 === 2 ? callSid : polyaiId, polyaiId });
    const elapsed = Date.now() - started;
    durations.push(elapsed);
    const fail = (why: string) => void lost.push(`call ${index} (${key}): ${why}`);
    const machineLateness = lag.total() - lagBefore;
    if (elapsed >= limitMs + machineLateness) return fail(`took ${elapsed} ms (${machineLateness} ms of it the test machine's own lateness)`);
    if (outcome.kind === 'lost') return fail(outcome.why);
    if (outcome.kind === 'no-task') {
      if (scenario.expect !== 'no-task') return fail('no Flex task for a handoff');
      tally.noTask += 1;
      return;
    }
    if (scenario.expect === 'no-task') return fail('a Flex task for a call PolyAI completed or the caller left');
    const context = parseHandoffContext(outcome.attributes);
    if (context.status === 'absent') return fail('the plugin reads no PolyAI data');
    if (context.error !== null && context.status === 'present') return fail('an error marker read as present');
    if (scenario.expect === 'unavailable' && context.status !== 'unavailable') return fail(`a failed agent reads as ${context.status}`);
    const wrong = scenario.check?.(context) ?? null;
    if (wrong !== null) return fail(wrong);
    if (context.status === 'unavailable') tally.unavailable += 1;
    else if (context.status === 'partial') tally.partial += 1;
    else tally.data += 1;
  }

  try {
    let next = 0;
    const worker = async () => {
      while (next < options.calls) await simulate(next++);
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, options.calls) }, worker));
  } finally {
    console.log = log;
    lag.stop();
    await standin.close();
  }

  const sorted = [...durations].sort((a, b) => a - b);
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const secrets = [STANDIN_API_KEY, CALLER, CUSTOMER_ID, ...KNOWN_CALLS, KNOWN_SHARED_ID, 'CA0000'];
  const sum = (field: keyof ScenarioTally) => Object.values(tallies).reduce((total, tally) => total + tally[field], 0);
  return {
    total: options.calls,
    routed: options.calls - lost.length,
    withData: sum('data'),
    partial: sum('partial'),
    withErrorMarker: sum('unavailable'),
    noTask: sum('noTask'),
    p50: percentile(50),
    p95: percentile(95),
    max: sorted[sorted.length - 1] ?? 0,
    lost,
    logLines: logs.length,
    logLeaks: logs.filter((line) => secrets.some((secret) => line.includes(secret))).length,
    mix: { ...standin.counts },
    scenarios: tallies,
  };
}

/**
 * Every answer trickles; with `node --expose-gc` garbage is also collected every 20 ms, the condition under
 * which a fetch's abort signal stops working (nodejs/node#55428). Lost: any call slower than the deadline
 * plus the margin.
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
  const rows = Object.entries(report.scenarios)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, t]) => `  ${key.padEnd(32)} ${String(t.calls).padStart(5)} calls: ${t.data} data, ${t.partial} partial, ${t.unavailable} unavailable, ${t.noTask} no task`);
  return [
    `outage drill: as expected ${report.routed} / ${report.total} (${percent.toFixed(1)} %), ` +
      `${report.withData} with data, ${report.partial} partial, ${report.withErrorMarker} unavailable, ${report.noTask} ended without a task; ` +
      `p50 ${report.p50} ms, p95 ${report.p95} ms, max ${report.max} ms; ` +
      `log lines ${report.logLines}, leaks ${report.logLeaks}; stand-in answers: ${mix}`,
    ...rows,
  ].join('\n');
}
