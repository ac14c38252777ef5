/**
 * The shared pipeline of every Function the plugin calls from agents' browsers: CORS for the Flex origins in
 * FLEX_ALLOWED_ORIGINS, preflight, the Flex token (lib/flexToken), the `conversationId` checked like any id,
 * the task access check (lib/taskAccess), then the Function's own work; its answer is scrubbed of the
 * Functions' secrets (lib/secrets) and anything it throws becomes a 500 with our own words. A new plugin
 * Function is `pluginFunction(name, deps, serve)`: it cannot skip a step.
 */
import '@twilio-labs/serverless-runtime-types';
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { validator } from 'twilio-flex-token-validator';
import { received, type ConversationRequestBody, type FlexTokenBody, type FunctionErrorBody } from '@polyai-context/model';
import { text, type Env } from './config';
import { corsFor } from './cors';
import { checkFlexToken, type TokenIdentity, type TokenValidator } from './flexToken';
import { isCallSid, isOpaqueId } from './ids';
import { logOutcome } from './log';
import type { ClientDeps } from './polyaiClient';
import { jsonResponse } from './response';
import { scrubJson, secretsOf } from './secrets';
import { checkTaskAccess, type TaskRouterClient } from './taskAccess';

export interface PluginDeps extends ClientDeps {
  validateToken?: TokenValidator;
  /** TaskRouter for the access check: the Service's own client (`context.getTwilioClient()`) unless given. */
  taskRouter?: TaskRouterClient;
}

export interface PluginRequest {
  env: Env;
  event: Record<string, unknown>;
  /** Validated, and held by the caller's worker (or the caller has an unrestricted role). */
  conversationId: string;
  who: TokenIdentity;
}

export interface PluginAnswer {
  status: number;
  body: object;
}

/** A plugin Function's failure: `{ error: { status, message } }` with the same HTTP status (the contract's). */
export function errorAnswer(status: number, message: string): PluginAnswer {
  return { status, body: { error: { status, message } } satisfies FunctionErrorBody };
}

export function pluginFunction(fn: string, deps: PluginDeps, serve: (request: PluginRequest) => Promise<PluginAnswer>): ServerlessFunctionSignature {
  const validateToken = deps.validateToken ?? ((token, accountSid, authToken) => validator(token, accountSid, authToken));
  return async (context, rawEvent, callback) => {
    const gate = await openPluginGate(fn, context, rawEvent, callback, validateToken);
    if (gate === null) return;
    const { env, event, who, answer, fail } = gate;
    try {
      const conversationId = received<ConversationRequestBody>(event, 'conversationId');
      if (!isCallSid(conversationId) && !isOpaqueId(conversationId)) return fail(400, 'conversationId must be a call SID or a handoff id.');
      const access = await checkTaskAccess({ conversationId }, who, env, accessTaskRouter(deps, context));
      if (!access.ok) return fail(access.status, access.message);
      const started = Date.now();
      const result = await serve({ env, event, conversationId, who });
      if (result.status >= 400) logOutcome(fn, { outcome: 'error', status: result.status });
      else logOutcome(fn, { outcome: 'ok', status: result.status, ms: Date.now() - started });
      answer(result.status, result.body);
    } catch {
      fail(500, 'The PolyAI Function failed.');
    }
  };
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
): Promise<PluginGate | null> {
  const env = context as unknown as Env;
  const event = rawEvent as Record<string, unknown>;
  const headers = requestHeaders(event);
  const cors = corsFor(headers.origin, env);
  const secrets = secretsOf(env);
  const answer = (status: number, body: object | null) => callback(null, jsonResponse(status, body === null ? null : scrubJson(body, secrets), cors.headers));
  const fail = (status: number, message: string) => {
    logOutcome(fn, { outcome: 'error', status });
    const { body } = errorAnswer(status, message);
    answer(status, body);
  };

  if (!cors.allowed) fail(403, 'This origin may not call the PolyAI Functions.');
  else if (headers['access-control-request-method'] !== undefined && received<FlexTokenBody>(event, 'Token') === undefined) answer(204, null);
  else {
    try {
      const token = await checkFlexToken(received<FlexTokenBody>(event, 'Token'), { accountSid: text(env.ACCOUNT_SID), authToken: text(env.AUTH_TOKEN) }, validateToken);
      if (token.ok) return { env, event, who: token.who, answer, fail };
      fail(token.status, token.message);
    } catch {
      fail(500, 'The PolyAI Function failed.');
    }
  }
  return null;
}

/** Lower-cased request headers (the runtime puts them on `event.request.headers`). */
function requestHeaders(event: Record<string, unknown>): Record<string, string | undefined> {
  const request = event.request as { headers?: Record<string, unknown> } | undefined;
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request?.headers ?? {})) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  return headers;
}
