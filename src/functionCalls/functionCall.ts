/**
 * The plugin's calls to its plugin-facing Functions (serverless/src/lib/pluginFunction.ts): POST JSON with the
 * agent's Flex token, read `{ … }` or `{ error: { status, message } }`. The PolyAI key stays in the Functions.
 * Never rejects: every outcome, abort included, is a value.
 */
import { isRecord, received, type FunctionErrorBody, type FunctionFailure, type PluginFunctionPath, type PluginFunctions, type Unvalidated } from '@polyai-context/model';
/** The Function's answer: the contract's keys, their values still to be validated by the caller. */
export type FunctionResult<P extends PluginFunctionPath> = { ok: true; body: Unvalidated<PluginFunctions[P]['response']> } | FunctionFailure;

export interface FunctionRequest {
  functionsBaseUrl: string;
  token: string;
  signal?: AbortSignal;
  /** For tests and the preview; defaults to the browser's fetch. */
  fetchImpl?: typeof fetch;
}

const MESSAGE_CHARS = 300;

export function failure(status: number | null, message: string, aborted = false): FunctionFailure {
  return { ok: false, aborted, status, message: message.slice(0, MESSAGE_CHARS) };
}

/** The Function's `{ error }` answer (or just its status) as a failure. */
export function errorFrom(body: unknown, status: number): FunctionFailure {
  const error = isRecord(body) ? received<FunctionErrorBody>(body, 'error') : undefined;
  if (isRecord(error)) {
    const errorStatus = received<FunctionErrorBody['error']>(error, 'status');
    const message = received<FunctionErrorBody['error']>(error, 'message');
    return failure(typeof errorStatus === 'number' ? errorStatus : status, typeof message === 'string' ? message : `HTTP ${status}`);
  }
  return failure(status, `HTTP ${status}`);
}

/** POSTs `{ Token, ...payload }` to `path`; `unreachable` is the message when the browser cannot fetch at all. */
export async function callFunction<P extends PluginFunctionPath>(
  path: P,
  payload: Omit<PluginFunctions[P]['request'], 'Token'>,
  request: FunctionRequest,
  unreachable: string,
): Promise<FunctionResult<P>> {
  const { functionsBaseUrl, token, signal } = request;
  const fetchImpl = request.fetchImpl ?? (typeof fetch === 'function' ? fetch : undefined);
  if (!fetchImpl) return failure(null, unreachable);
  try {
    const response = await fetchImpl(`${functionsBaseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Token: token, ...payload }),
      signal,
    });
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok || !isRecord(body)) return errorFrom(body, response.status);
    return { ok: true, body };
  } catch (error) {
    if (signal?.aborted) return failure(null, 'Aborted', true);
    return failure(null, error instanceof Error ? error.message : unreachable);
  }
}
