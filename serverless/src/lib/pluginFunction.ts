/**
 * The shared pipeline of every Function the plugin calls from agents' browsers: CORS for the Flex origins in
 * FLEX_ALLOWED_ORIGINS, preflight, the Flex token (lib/flexToken), the task SID and the `conversationId` checked
 * like any id, the task access check (lib/taskAccess: the worker holds the task, and the task's signed binding
 * names the conversation), then the Function's own work; its answer is scrubbed of the Functions' secrets
 * (lib/secrets) and anything it throws becomes a 500 with our own words. Every stage shares one time budget
 * (lib/deadline), so the Function answers with its own 504 before Twilio ends it. A new plugin Function is
 * `pluginFunction(name, deps, serve)`: it cannot skip a step.
 */
import '@twilio-labs/serverless-runtime-types';
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { validator } from 'twilio-flex-token-validator';
import { isRecord, own, received, type ConversationRequestBody, type FlexTokenBody, type FunctionErrorBody, type HandoffError } from '@polyai-context/model';
import { text, type Env, type PolyaiConfig } from './config';
import { corsFor } from './cors';
import { REQUEST_DEADLINE_MS, requestClock, withDeadline, type RequestClock } from './deadline';
import { checkFlexToken, type TokenIdentity, type TokenValidator } from './flexToken';
import { isCallSid, isOpaqueId } from './ids';
import { logOutcome } from './log';
import { STATUS_BAD_GATEWAY, type ClientDeps } from './polyaiClient';
import { jsonResponse } from './response';
import { scrubJson, secretsOf } from './secrets';
import { checkTaskAccess, type TaskRouterClient } from './taskAccess';
import { TASK_SID } from './taskrouter';

export interface PluginDeps extends ClientDeps {
  validateToken?: TokenValidator;
  /** TaskRouter for the access check: the Service's own client (`context.getTwilioClient()`) unless given. */
  taskRouter?: TaskRouterClient;
}

export interface PluginRequest {
  env: Env;
  event: Record<string, unknown>;
  /** Validated, and named by the binding of a task the caller's worker holds (or the caller has an unrestricted role). */
  conversationId: string;
  lookup: ConversationLookup;
  who: TokenIdentity;
  /** PolyAI's settings with their deadline cut to what is left of the request's budget. */
  polyai(config: PolyaiConfig): PolyaiConfig;
}

/** How the id is looked up at PolyAI: as a handoff id or call SID, or as PolyAI's shared id. */
export type ConversationLookup = 'id' | 'shared_id';

export interface PluginAnswer {
  status: number;
  body: object;
}

/** A plugin Function's failure: `{ error: { status, message } }` with the same HTTP status (the contract's). */
export function errorAnswer(status: number, message: string): PluginAnswer {
  return { status, body: { error: { status, message } } satisfies FunctionErrorBody };
}

/**
 * A plugin Function's answer when PolyAI failed, in PolyAI's status, except that PolyAI refusing our API key
 * (401/403) is the backend's fault, not the agent's: 502, never a 401/403 the plugin would read as its own token's.
 */
export function polyaiErrorAnswer(error: HandoffError): PluginAnswer {
  const status = error.status === null || error.status === 401 || error.status === 403 ? STATUS_BAD_GATEWAY : error.status;
  return errorAnswer(status, error.message);
}

export function pluginFunction(
  fn: string,
  deps: PluginDeps,
  serve: (request: PluginRequest) => Promise<PluginAnswer>,
  lookupOf: (event: Record<string, unknown>) => ConversationLookup = () => 'id',
): ServerlessFunctionSignature {
  const validateToken = deps.validateToken ?? ((token, accountSid, authToken) => validator(token, accountSid, authToken));
  return async (context, rawEvent, callback) => {
    const clock = requestClock();
    const gate = await openPluginGate(fn, context, rawEvent, callback, validateToken, clock);
    if (gate === null) return;
    const { env, event, who, answer, fail } = gate;
    const taskSid = received<ConversationRequestBody>(event, 'taskSid');
    const conversationId = received<ConversationRequestBody>(event, 'conversationId');
    if (typeof taskSid !== 'string' || !TASK_SID.test(taskSid)) return fail(400, 'taskSid must be a task SID (WT…).');
    if (!isCallSid(conversationId) && !isOpaqueId(conversationId)) return fail(400, 'conversationId must be a call SID or a handoff id.');
    const lookup = lookupOf(event);
    const outcome = await withDeadline(
      clock.remaining() + GUARD_GRACE_MS,
      async (): Promise<PluginAnswer> => {
        const access = await checkTaskAccess({ taskSid, conversation: { id: conversationId, lookup } }, who, env, accessTaskRouter(deps, context), 'read', clock);
        if (!access.ok) return errorAnswer(access.status, access.message);
        return serve({ env, event, conversationId, lookup, who, polyai: (config) => withinBudget(config, clock) });
      },
      () => errorAnswer(504, OUT_OF_TIME),
    ).catch(() => errorAnswer(500, 'The PolyAI Function failed.'));
    if (outcome.status >= 400) logOutcome(fn, { outcome: 'error', status: outcome.status });
    else logOutcome(fn, { outcome: 'ok', status: outcome.status, ms: REQUEST_DEADLINE_MS - clock.remaining() });
    answer(outcome.status, outcome.body);
  };
}

/**
 * Each stage stops itself within the budget and says which it was; this guard, a little later and still well
 * before Twilio's 10 s, answers only for a stage that did not.
 */
const GUARD_GRACE_MS = 500;

/** The Function's own answer when the request's budget (lib/deadline) runs out, before Twilio's limit. */
export const OUT_OF_TIME = 'The PolyAI Function ran out of time before it could answer: try again.';

/** PolyAI's whole fetch (its retry and Retry-After wait included) within what is left of the request's budget. */
function withinBudget(config: PolyaiConfig, clock: RequestClock): PolyaiConfig {
  const deadlineMs = Math.min(config.deadlineMs, clock.remaining());
  return { ...config, deadlineMs, attemptTimeoutMs: Math.min(config.attemptTimeoutMs, deadlineMs) };
}

/** TaskRouter for the access check (lib/taskAccess): the one given, else the Service's own client, made on first use. */
export function accessTaskRouter(deps: Pick<PluginDeps, 'taskRouter'>, context: Parameters<ServerlessFunctionSignature>[0]): () => TaskRouterClient {
  return () => deps.taskRouter ?? (context.getTwilioClient() as unknown as TaskRouterClient);
}

export interface PluginGate {
  env: Env;
  event: Record<string, unknown>;
  who: TokenIdentity;
  /** Answers with the CORS headers, the body scrubbed of the Functions' secrets. */
  answer: (status: number, body: object | null) => void;
  /** Answers `{ error: { status, message } }` and logs the status. */
  fail: (status: number, message: string) => void;
}

/**
 * The first steps of every plugin Function (CORS, preflight, Flex token), for Functions whose access check is
 * not by conversation (polyai-verdict names the task by its SID). null when it has already answered.
 */
export async function openPluginGate(
  fn: string,
  context: Parameters<ServerlessFunctionSignature>[0],
  rawEvent: Parameters<ServerlessFunctionSignature>[1],
  callback: Parameters<ServerlessFunctionSignature>[2],
  validateToken: TokenValidator,
  clock: RequestClock,
): Promise<PluginGate | null> {
  const env = context as unknown as Env;
  const event = rawEvent as Record<string, unknown>;
  const headers = requestHeaders(event);
  const cors = corsFor(headers?.origin, env);
  const secrets = secretsOf(env);
  const answer = (status: number, body: object | null) => callback(null, jsonResponse(status, body === null ? null : scrubJson(body, secrets), cors.headers));
  const fail = (status: number, message: string) => {
    logOutcome(fn, { outcome: 'error', status });
    const { body } = errorAnswer(status, message);
    answer(status, body);
  };

  if (headers === null) fail(400, 'The request names a `request` of its own: only the runtime may.');
  else if (!cors.allowed) fail(403, 'This origin may not call the PolyAI Functions.');
  else if (headers['access-control-request-method'] !== undefined && received<FlexTokenBody>(event, 'Token') === undefined) answer(204, null);
  else {
    try {
      const account = { accountSid: text(env.ACCOUNT_SID), authToken: text(env.AUTH_TOKEN) };
      const token = await checkFlexToken(received<FlexTokenBody>(event, 'Token'), account, validateToken, clock.remaining());
      if (token.ok) return { env, event, who: token.who, answer, fail };
      fail(token.status, token.message);
    } catch {
      fail(500, 'The PolyAI Function failed.');
    }
  }
  return null;
}

/**
 * Lower-cased request headers, which the runtime puts on `event.request.headers`. The runtime merges the query
 * and the body over the event after that, so a caller's own `request` key replaces the runtime's: null for a
 * `request` that is not the runtime's shape (a string, a number, no `headers` object). One shaped like the
 * runtime's cannot be told apart, which is why nothing but CORS depends on these (see docs/SECURITY.md).
 */
function requestHeaders(event: Record<string, unknown>): Record<string, string | undefined> | null {
  const request = own(event, 'request');
  if (request === undefined) return {};
  const raw = isRecord(request) ? own(request, 'headers') : undefined;
  if (!isRecord(raw)) return null;
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  return headers;
}
