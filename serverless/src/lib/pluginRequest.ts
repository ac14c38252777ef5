/**
 * The gate of every Function the plugin calls from the browser: CORS for the Flex origins in
 * FLEX_ALLOWED_ORIGINS, the preflight, then the agent's Flex token. The caller answers with `cors.headers`.
 */
import type { ServerlessCallback } from '@twilio-labs/serverless-runtime-types/types';
import { text, type Env } from './config';
import { corsFor, type CorsDecision } from './cors';
import { checkFlexToken, type TokenValidator } from './flexToken';
import { logOutcome } from './log';
import { jsonResponse } from './response';

export type Admission =
  | { kind: 'preflight' }
  | { kind: 'denied'; status: number; message: string }
  /** `tokenResult`: Twilio's validation answer (`worker_sid`, `roles`, …). */
  | { kind: 'admitted'; tokenResult: unknown };

export async function admitPluginRequest(
  env: Env,
  event: Record<string, unknown>,
  validateToken: TokenValidator,
): Promise<{ cors: CorsDecision; admission: Admission }> {
  const headers = requestHeaders(event);
  const cors = corsFor(headers.origin, env);
  if (!cors.allowed) return { cors, admission: { kind: 'denied', status: 403, message: 'This origin may not call the PolyAI Functions.' } };
  if (headers['access-control-request-method'] !== undefined && event.Token === undefined) return { cors, admission: { kind: 'preflight' } };
  const token = await checkFlexToken(event.Token, { accountSid: text(env.ACCOUNT_SID), authToken: text(env.AUTH_TOKEN) }, validateToken);
  return { cors, admission: token.ok ? { kind: 'admitted', tokenResult: token.result } : { kind: 'denied', status: token.status, message: token.message } };
}

export interface PluginRequest {
  cors: CorsDecision;
  /** Twilio's validation answer for the admitted token. */
  tokenResult: unknown;
  /** Answers `{ error: { status, message } }` with that status and the CORS headers, and logs it. */
  fail: (status: number, message: string) => void;
}

/** Answers a preflight or a refused request itself (null); otherwise the admitted request. */
export async function openPluginRequest(
  fn: string,
  env: Env,
  event: Record<string, unknown>,
  validateToken: TokenValidator,
  callback: ServerlessCallback,
): Promise<PluginRequest | null> {
  const { cors, admission } = await admitPluginRequest(env, event, validateToken);
  const fail = (status: number, message: string) => {
    logOutcome(fn, { outcome: 'error', status });
    callback(null, jsonResponse(status, { error: { status, message } }, cors.headers));
  };
  if (admission.kind === 'preflight') callback(null, jsonResponse(204, null, cors.headers));
  else if (admission.kind === 'denied') fail(admission.status, admission.message);
  else return { cors, tokenResult: admission.tokenResult, fail };
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
