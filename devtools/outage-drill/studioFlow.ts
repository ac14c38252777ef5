/**
 * DEVELOPMENT TOOL — runs one call through the importable Studio flow (serverless/studio/polyai-to-flex.json) the
 * way Studio would: the Connect Virtual Agent widget leaves by the exit named after `VirtualAgentStatus`, Run
 * Function calls the Function, Send To Flex renders its attributes with a real Liquid engine (liquidjs, with
 * Twilio's `to_json` filter) and takes `failedToEnqueue` when TaskRouter would refuse them (not a JSON object).
 * The outage drill and the flow tests share it.
 */
import { Liquid } from 'liquidjs';
import flowJson from '../../serverless/studio/polyai-to-flex.json';
import type { FunctionResult } from '../functions-runtime/localRuntime';

export interface FlowState {
  name: string;
  type: string;
  transitions: Array<{ event: string; next?: string }>;
  properties: Record<string, unknown>;
}

export interface StudioFlow {
  initial_state: string;
  states: FlowState[];
}

export const STUDIO_FLOW: StudioFlow = flowJson;

/** The Connect Virtual Agent widget's exits (Twilio's Studio page: Completed, Live Agent Handoff, Paused, Hangup, Failed). */
export const AGENT_STATUSES = ['completed', 'live-agent-handoff', 'paused', 'hangup', 'failed'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** Studio gives a Run Function 10 s. */
export const STUDIO_FUNCTION_LIMIT_MS = 10_000;

export interface StudioCall {
  callSid: string;
  from: string;
  agent: {
    status: AgentStatus;
    /** `VirtualAgentProviderData` as Studio exposes it: nested, e.g. `{ ConversationId }`. */
    providerData?: Record<string, unknown>;
    error?: string;
    errorCode?: string;
  };
}

/** A Function by its path (`/polyai-handoff`), called with the widget's rendered parameters. */
export type RunFunction = (path: string, parameters: Record<string, string>) => Promise<FunctionResult>;

export type StudioOutcome =
  | { kind: 'enqueued'; widget: string; attributes: Record<string, unknown> }
  | { kind: 'ended'; widget: string }
  | { kind: 'caller-gone' }
  | { kind: 'fallback-number'; widget: string }
  | { kind: 'dead-end'; widget: string; event: string };

/** Exits after which the call is over by design: the caller hung up, Flex's call ended, the goodbye was said. */
export const TERMINAL_EXITS: Record<string, readonly string[]> = {
  trigger: ['incomingMessage', 'incomingConversationMessage', 'incomingRequest', 'incomingParent'],
  'connect-virtual-agent-v2': ['hangup'],
  'send-to-flex': ['callComplete'],
  'say-play': ['audioComplete'],
  'connect-call-to': ['callCompleted', 'hangup'],
};

const MAX_STEPS = 20;

/** Studio's Liquid as far as the flow uses it; `to_json` writes JSON (a quoted, escaped string for text). */
export function studioLiquid(): Liquid {
  const engine = new Liquid({ strictFilters: true });
  engine.registerFilter('to_json', (value: unknown) => JSON.stringify(value ?? null));
  return engine;
}

export async function walkStudioCall(call: StudioCall, runFunction: RunFunction, flow: StudioFlow = STUDIO_FLOW): Promise<StudioOutcome> {
  const liquid = studioLiquid();
  const states = new Map(flow.states.map((state) => [state.name, state]));
  const context = {
    trigger: { call: { CallSid: call.callSid, From: call.from } },
    contact: { channel: { address: call.from } },
    widgets: {} as Record<string, unknown>,
  };
  const render = (template: unknown) => liquid.parseAndRenderSync(String(template ?? ''), context);

  let state = states.get(flow.initial_state);
  let event = 'incomingCall';
  for (let step = 0; step < MAX_STEPS && state !== undefined; step += 1) {
    const transition = state.transitions.find((candidate) => candidate.event === event);
    if (transition?.next === undefined) {
      if (event === 'hangup') return { kind: 'caller-gone' };
      if (state.type === 'say-play') return { kind: 'ended', widget: state.name };
      return { kind: 'dead-end', widget: state.name, event };
    }
    state = states.get(transition.next);
    if (state === undefined) return { kind: 'dead-end', widget: transition.next, event };

    switch (state.type) {
      case 'connect-virtual-agent-v2':
        context.widgets[state.name] = {
          VirtualAgentProvider: 'PolyAI',
          VirtualAgentStatus: call.agent.status,
          VirtualAgentProviderData: call.agent.providerData ?? {},
          VirtualAgentError: call.agent.error,
          VirtualAgentErrorCode: call.agent.errorCode,
        };
        event = call.agent.status;
        break;
      case 'run-function': {
        const parameters: Record<string, string> = {};
        for (const { key, value } of state.properties.parameters as Array<{ key: string; value: string }>) parameters[key] = render(value);
        const started = Date.now();
        const result = await runFunction(new URL(String(state.properties.url)).pathname, parameters);
        const inTime = Date.now() - started < STUDIO_FUNCTION_LIMIT_MS;
        const json = /application\/json/.test(result.headers['content-type'] ?? '');
        context.widgets[state.name] = { status_code: result.status, body: result.body, ...(json ? { parsed: result.body } : {}) };
        event = inTime && result.status >= 200 && result.status < 400 ? 'success' : 'fail';
        break;
      }
      case 'send-to-flex': {
        const attributes = parseObject(render(state.properties.attributes));
        if (attributes === null) {
          event = 'failedToEnqueue';
          break;
        }
        return { kind: 'enqueued', widget: state.name, attributes };
      }
      case 'say-play':
        render(state.properties.say);
        event = 'audioComplete';
        break;
      case 'connect-call-to':
        return { kind: 'fallback-number', widget: state.name };
      default:
        return { kind: 'dead-end', widget: state.name, event: `unknown widget type ${state.type}` };
    }
  }
  return { kind: 'dead-end', widget: state?.name ?? '?', event: 'too many steps' };
}

/** TaskRouter takes task attributes only as a JSON object. */
function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
