/**
 * The importable Studio flow: every widget's every exit leads somewhere (no dead end), caller data reaches the
 * attributes JSON only through Liquid's `to_json`, and calls walked through it (a real Liquid engine, the real
 * polyai-handoff Function) end as each Connect Virtual Agent exit requires.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseHandoffContext, toPolyaiAttributes } from '@polyai-context/model';
import { createPolyaiHandoffHandler } from '../../serverless/src/functions/polyai-handoff.protected';
import {
  AGENT_STATUSES,
  STUDIO_FLOW,
  studioLiquid,
  TERMINAL_EXITS,
  walkStudioCall,
  type FlowState,
  type RunFunction,
  type StudioCall,
} from '../../devtools/outage-drill/studioFlow';
import { fixture } from '../support/fixtures';
import { unbound, captureLogs, functionEnv, invokeFunction, VERIFIED_CALL } from './support/functions';

captureLogs();
const flow = STUDIO_FLOW;
const byName = new Map(flow.states.map((state) => [state.name, state]));
const functions = fs.readdirSync(path.join(__dirname, '../../serverless/src/functions'));

/** The exits each widget type has (Twilio's widget pages); the flow must list every one of them. */
const EXITS: Record<string, string[]> = {
  trigger: ['incomingMessage', 'incomingCall', 'incomingConversationMessage', 'incomingRequest', 'incomingParent'],
  'connect-virtual-agent-v2': [...AGENT_STATUSES],
  'run-function': ['success', 'fail'],
  'send-to-flex': ['callComplete', 'failedToEnqueue', 'callFailure'],
  'say-play': ['audioComplete'],
  'connect-call-to': ['callCompleted', 'hangup'],
};

/** Liquid outputs in a template that could put caller or flow data into JSON unescaped. */
function unescapedOutputs(template: string): string[] {
  return [...template.matchAll(/(.)?\{\{([^}]*)\}\}/g)]
    .filter(([, before, expression]) => before === '"' || !/\|\s*to_json\s*$/.test(expression))
    .map(([output]) => output);
}

const HOSTILE_FROM = 'sip:"Eve\\" },"polyai":{"data":{"verified":true}},"x":"</Task>\n@evil.example';

function call(status: StudioCall['agent']['status'], agent: Partial<StudioCall['agent']> = {}): StudioCall {
  return { callSid: VERIFIED_CALL, from: HOSTILE_FROM, agent: { status, ...agent } };
}

function polyaiFunction(answer: { status: number; body: unknown }): { run: RunFunction; fetch: jest.Mock } {
  const fetch = jest.fn(async () => new Response(JSON.stringify(answer.body), { status: answer.status }));
  const handler = createPolyaiHandoffHandler({ fetch: fetch as unknown as typeof globalThis.fetch });
  const run: RunFunction = (url, parameters) => {
    expect(url).toBe('/polyai-handoff');
    return invokeFunction(handler, functionEnv(), parameters);
  };
  return { run, fetch };
}

describe('Studio flow polyai-to-flex.json: shape', () => {
  it('has unique states, starts at the trigger, and every state is reachable from an incoming call', () => {
    expect(byName.size).toBe(flow.states.length);
    expect(byName.get(flow.initial_state)?.type).toBe('trigger');
    const reached = new Set<string>();
    const visit = (name: string) => {
      if (reached.has(name)) return;
      reached.add(name);
      for (const { next } of byName.get(name)?.transitions ?? []) if (next) visit(next);
    };
    visit(flow.initial_state);
    expect([...byName.keys()].filter((name) => !reached.has(name))).toEqual([]);
  });

  it('walks every widget\'s every exit: each leads to an existing widget or ends a call that is over by design', () => {
    const deadEnds: string[] = [];
    for (const state of flow.states) {
      expect({ widget: state.name, exits: state.transitions.map((t) => t.event).sort() }).toEqual({
        widget: state.name,
        exits: [...(EXITS[state.type] ?? ['unknown widget type'])].sort(),
      });
      for (const { event, next } of state.transitions) {
        if (next !== undefined) expect({ from: `${state.name}.${event}`, exists: byName.has(next) }).toEqual({ from: `${state.name}.${event}`, exists: true });
        else if (!(TERMINAL_EXITS[state.type] ?? []).includes(event)) deadEnds.push(`${state.name}.${event}`);
      }
    }
    expect(deadEnds).toEqual([]);
  });

  it('sends both failure exits of every Send To Flex to a fallback that still reaches an agent', () => {
    const exit = (state: FlowState, event: string) => byName.get(state.transitions.find((t) => t.event === event)?.next ?? '');
    for (const state of flow.states.filter((s) => s.type === 'send-to-flex')) {
      for (const event of ['failedToEnqueue', 'callFailure']) {
        const fallback = exit(state, event);
        expect({ from: `${state.name}.${event}`, to: fallback?.type }).toEqual({ from: `${state.name}.${event}`, to: expect.stringMatching(/^(send-to-flex|connect-call-to)$/) });
        expect(fallback?.name).not.toBe(state.name);
      }
    }
    // The last resort is a phone number that reaches agents without TaskRouter.
    const lastResort = exit(byName.get('send_to_flex_fallback') as FlowState, 'failedToEnqueue') as FlowState;
    expect(lastResort.type).toBe('connect-call-to');
    expect(lastResort.properties.to).toBe('REPLACE_WITH_FALLBACK_AGENT_NUMBER');
  });

  it('uses the current Connect Virtual Agent widget with the language as a placeholder, and passes PolyAI\'s conversation id on', () => {
    const agent = byName.get('connect_polyai') as FlowState;
    expect(agent.type).toBe('connect-virtual-agent-v2');
    expect(agent.properties.configurations).toEqual([{ key: 'language', value: 'REPLACE_WITH_LANGUAGE' }]);
    expect(JSON.stringify(flow)).not.toMatch(/"(en|es|fr|de)-[A-Z]{2}"/);
    const fetchState = byName.get('fetch_polyai_handoff') as FlowState;
    expect(fetchState.properties.url).toMatch(/\/polyai-handoff$/);
    expect(functions).toContain('polyai-handoff.protected.ts');
    expect(fetchState.properties.parameters).toContainEqual({ key: 'id', value: '{{widgets.connect_polyai.VirtualAgentProviderData.ConversationId}}' });
  });

  it('names every placeholder an admin must replace', () => {
    const placeholders = JSON.stringify(flow).match(/REPLACE_WITH_[A-Z_]+/g) ?? [];
    expect([...new Set(placeholders)].sort()).toEqual([
      'REPLACE_WITH_ENVIRONMENT_SID',
      'REPLACE_WITH_FALLBACK_AGENT_NUMBER',
      'REPLACE_WITH_LANGUAGE',
      'REPLACE_WITH_POLYAI_CONNECTOR_NAME',
      'REPLACE_WITH_POLYAI_HANDOFF_FUNCTION_SID',
      'REPLACE_WITH_SERVICE_DOMAIN',
      'REPLACE_WITH_SERVICE_SID',
      'REPLACE_WITH_VOICE_CHANNEL_SID',
      'REPLACE_WITH_WORKFLOW_SID',
    ]);
  });
});

describe('Studio flow polyai-to-flex.json: caller data in the attributes JSON', () => {
  const templates = flow.states.filter((state) => state.type === 'send-to-flex').map((state) => [state.name, String(state.properties.attributes)]);

  it('the check finds unescaped data (so it can fail)', () => {
    expect(unescapedOutputs('{"name": "{{trigger.call.From}}"}')).toEqual(['"{{trigger.call.From}}']);
    expect(unescapedOutputs('{"name": "{{trigger.call.From | to_json}}"}')).toHaveLength(1);
    expect(unescapedOutputs('{"name": {{trigger.call.From | upcase}}}')).toHaveLength(1);
    expect(unescapedOutputs('{"name": {{trigger.call.From | to_json}}}')).toEqual([]);
  });

  it.each(templates)('%s writes every Liquid value through to_json, never inside quotes', (_, template) => {
    expect(unescapedOutputs(template)).toEqual([]);
  });

  it.each(templates)('%s renders valid JSON for a hostile SIP From and keeps it as text', (_, template) => {
    const rendered = studioLiquid().parseAndRenderSync(template, {
      trigger: { call: { From: HOSTILE_FROM, CallSid: VERIFIED_CALL } },
      widgets: {
        connect_polyai: { VirtualAgentError: 'Dialogflow said "no"\nline 2', VirtualAgentErrorCode: '32601' },
        fetch_polyai_handoff: { parsed: { type: 'inbound', name: HOSTILE_FROM, polyai: { error: { status: 504, message: 'x' } } } },
      },
    });
    const attributes = JSON.parse(rendered);
    if ('name' in attributes) expect(attributes.name).toBe(HOSTILE_FROM);
    expect(Object.keys(attributes)).not.toContain('x');
    expect(parseHandoffContext(attributes).status).not.toBe('absent');
  });
});

describe('Studio flow polyai-to-flex.json: calls walked through it', () => {
  const verified = fixture('handoff-state-verified.json');

  it('live-agent handoff: polyai-handoff looks up PolyAI\'s conversation id and Send To Flex creates the task with it', async () => {
    const { run, fetch } = polyaiFunction({ status: 200, body: verified });
    const outcome = await walkStudioCall(call('live-agent-handoff', { providerData: { ConversationId: 'CONV-42' } }), run);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toMatch(/handoff_state\?id=CONV-42$/);
    expect(outcome.kind === 'enqueued' ? { ...outcome, attributes: unbound(outcome.attributes) } : outcome).toEqual({
      kind: 'enqueued',
      widget: 'send_to_flex',
      // The Function keeps at most 64 characters of a caller address; Flex shows the verified caller's name.
      attributes: { type: 'inbound', name: 'Jordan Ellis', from: HOSTILE_FROM.slice(0, 64), call_sid: VERIFIED_CALL, polyai: toPolyaiAttributes({ ok: true, body: verified }).polyai },
    });
  });

  it('keeps Send To Flex\'s Attributes within the widget\'s documented 1,024 characters, however large the handoff', async () => {
    const data = (verified as { data: Record<string, unknown> }).data;
    const large = { ...(verified as object), data: { ...data, summary: 's'.repeat(3_000), notes: 'n'.repeat(5_000), utterance: 'u'.repeat(2_000) } };
    const outcome = await walkStudioCall(call('live-agent-handoff'), polyaiFunction({ status: 200, body: large }).run);
    expect(outcome).toMatchObject({ kind: 'enqueued', widget: 'send_to_flex' });
    const attributes = outcome.kind === 'enqueued' ? outcome.attributes : null;
    // Liquid's to_json is JSON.stringify: this is the Attributes text Studio receives, with a 64-character caller.
    expect(JSON.stringify(attributes).length).toBeLessThanOrEqual(1_024);
    const context = parseHandoffContext(attributes);
    expect(context.status).toBe('present');
    expect(context.verification?.identified).toBe(true);
    expect(context.notLoaded?.keys).toEqual(expect.arrayContaining(['notes', 'summary']));
  });

  it('paused: still reaches an agent', async () => {
    const outcome = await walkStudioCall(call('paused'), polyaiFunction({ status: 200, body: verified }).run);
    expect(outcome).toMatchObject({ kind: 'enqueued', widget: 'send_to_flex' });
  });

  it('completed: a goodbye, no Flex task and no PolyAI lookup', async () => {
    const { run, fetch } = polyaiFunction({ status: 200, body: verified });
    expect(await walkStudioCall(call('completed'), run)).toEqual({ kind: 'ended', widget: 'say_goodbye' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('hangup: the call is over, nothing is routed', async () => {
    expect(await walkStudioCall(call('hangup'), polyaiFunction({ status: 200, body: verified }).run)).toEqual({ kind: 'caller-gone' });
  });

  it('failed: Flex with "unavailable" and the virtual agent\'s reason', async () => {
    const outcome = await walkStudioCall(call('failed', { error: 'Connector "polyai" timed out', errorCode: '32601' }), polyaiFunction({ status: 200, body: verified }).run);
    expect(outcome).toMatchObject({ kind: 'enqueued', widget: 'send_to_flex_agent_failed' });
    const context = parseHandoffContext(outcome.kind === 'enqueued' ? outcome.attributes : null);
    expect(context.status).toBe('unavailable');
    expect(context.error).toEqual({ status: null, message: 'Connector "polyai" timed out' });
  });

  it('the Function failing: Flex with an error marker', async () => {
    const failing: RunFunction = async () => ({ status: 500, headers: {}, body: 'boom' });
    const outcome = await walkStudioCall(call('live-agent-handoff'), failing);
    expect(outcome).toMatchObject({ kind: 'enqueued', widget: 'send_to_flex_without_context' });
    expect(parseHandoffContext(outcome.kind === 'enqueued' ? outcome.attributes : null).status).toBe('unavailable');
  });

  it('Send To Flex refusing the attributes: the minimal fallback still creates a task', async () => {
    const notAnObject: RunFunction = async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: 'not an object' });
    const outcome = await walkStudioCall(call('live-agent-handoff'), notAnObject);
    expect(outcome).toMatchObject({ kind: 'enqueued', widget: 'send_to_flex_fallback' });
    expect(parseHandoffContext(outcome.kind === 'enqueued' ? outcome.attributes : null).status).toBe('unavailable');
  });

  it('a flow with a dead end is caught', async () => {
    const broken = { ...flow, states: flow.states.map((state) => (state.name === 'connect_polyai' ? { ...state, transitions: state.transitions.filter((t) => t.event !== 'failed').concat({ event: 'failed' }) } : state)) };
    const outcome = await walkStudioCall(call('failed'), polyaiFunction({ status: 200, body: verified }).run, broken);
    expect(outcome).toEqual({ kind: 'dead-end', widget: 'connect_polyai', event: 'failed' });
  });
});
