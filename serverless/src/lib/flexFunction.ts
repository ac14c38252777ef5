/**
 * The one pipeline for every Function the plugin calls from the browser: CORS for the Flex origins in
 * FLEX_ALLOWED_ORIGINS, the preflight, then the agent's Flex token (see flexToken.ts), and only then the
 * Function's own work. Every plugin-facing Function goes through here, so an access check added here guards
 * them all. Answers are `{ … }` on success or `{ error: { status, message } }` with the same HTTP status.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { validator } from 'twilio-flex-token-validator';
import { text, type Env } from './config';
import { corsFor } from './cors';
import { checkFlexToken, type TokenValidator } from './flexToken';
import { logOutcome } from './log';
import { STATUS_BAD_GATEWAY, type PolyaiResult } from './polyaiClient';
import { jsonResponse } from './response';

export interface FlexFunctionDeps {
  validateToken?: TokenValidator;
}

/** What a plugin-facing Function's own work gets once the request is allowed. */
export interface FlexRequest {
  env: Env;
  /** The request parameters (Twilio merges the JSON body into the event). */
  event: Record<string, unknown>;
  /** Answers 200 with `body`. */
  ok(body: object, outcome: { attempts: number; ms: number }): void;
  /** Answers `{ error: { status, message } }` with that status. */
  fail(status: number, message: string): void;
}

export function flexFunction(
  fn: string,
  deps: FlexFunctionDeps,
  handle: (request: FlexRequest) => Promise<void>,
): ServerlessFunctionSignature {
  const validateToken = deps.validateToken ?? ((token, accountSid, authToken) => validator(token, accountSid, authToken));
  return async (context, rawEvent, callback) => {
    const env = context as Env;
    const event = rawEvent as Record<string, unknown>;
    const headers = requestHeaders(event);
    const cors = corsFor(headers.origin, env);
    const fail = (status: number, message: string) => {
      logOutcome(fn, { outcome: 'error', status });
      callback(null, jsonResponse(status, { error: { status, message } }, cors.headers));
    };

    if (!cors.allowed) return fail(403, 'This origin may not call the PolyAI Functions.');
    if (headers['access-control-request-method'] !== undefined && event.Token === undefined) {
      callback(null, jsonResponse(204, null, cors.headers));
      return;
    }
    const token = await checkFlexToken(
      event.Token,
      { accountSid: text(env.ACCOUNT_SID), authToken: text(env.AUTH_TOKEN) },
      validateToken,
    );
    if (!token.ok) return fail(token.status, token.message);

    await handle({
      env,
      event,
      fail,
      ok(body, outcome) {
        logOutcome(fn, { outcome: 'ok', status: 200, ...outcome });
        callback(null, jsonResponse(200, body, cors.headers));
      },
    });
  };
}

/** The HTTP status a PolyAI failure becomes for the browser. */
export function browserStatus(result: Extract<PolyaiResult, { ok: false }>): number {
  // PolyAI refusing our API key is the backend's fault, not the agent's: never a 401/403 to the browser.
  const status = result.error.status;
  return status === 401 || status === 403 ? STATUS_BAD_GATEWAY : status ?? STATUS_BAD_GATEWAY;
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
