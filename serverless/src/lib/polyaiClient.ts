/**
 * The one PolyAI client every Function uses: GET with `x-api-key`, a timeout per attempt (body included),
 * at most one retry on 5xx/429/network failure (honouring Retry-After), all inside one total deadline.
 * It never throws: every failure becomes an error with a status and a message that carry no secret and no
 * caller data.
 */
import type { HandoffError } from '@polyai-context/model';
import type { PolyaiConfig } from './config';
import { withDeadline } from './deadline';
import type { HandoffLookup } from './ids';

export type PolyaiResult = ({ ok: true; body: unknown } | { ok: false; error: HandoffError }) & { attempts: number };

export interface ClientDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** The retry is only worth making with at least this much of the deadline left. */
const MIN_RETRY_BUDGET_MS = 500;
const DEFAULT_RETRY_DELAY_MS = 200;
/** Conversations carry transcripts: large, but bounded. */
const MAX_BODY_BYTES = 2_000_000;
/** PolyAI's bodies are a few levels deep; far deeper JSON cannot be serialised again by the runtime (stack). */
export const MAX_JSON_DEPTH = 256;

export const STATUS_TIMEOUT = 504;
export const STATUS_BAD_GATEWAY = 502;

type Attempt =
  | { kind: 'ok'; body: unknown }
  | { kind: 'failed'; error: HandoffError; retryable: boolean; retryAfterMs?: number };

export function createPolyaiClient(config: PolyaiConfig, deps: ClientDeps = {}) {
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  function url(baseUrl: string, template: string, id: string): string {
    const path = template
      .replace(/\{account_id\}/g, encodeURIComponent(config.accountId))
      .replace(/\{project_id\}/g, encodeURIComponent(config.projectId))
      .replace(/\{agent_id\}/g, encodeURIComponent(config.conversations.agentId))
      .replace(/\{id\}/g, encodeURIComponent(id));
    return `${baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  // Each attempt and the whole call run under our own timers (lib/deadline): a trickling body cannot outlive them.
  function attempt(target: string, timeoutMs: number, apiKey: string): Promise<Attempt> {
    const timedOut = () => failed(STATUS_TIMEOUT, `PolyAI did not answer within ${timeoutMs} ms.`, false);
    return withDeadline(timeoutMs, async (signal) => {
      try {
        const response = await fetchImpl(target, {
          headers: { 'x-api-key': apiKey, accept: 'application/json' },
          signal,
          redirect: 'error',
        });
        const text = await readCapped(response, signal);
        // Asking again would bring the same oversized answer: refused, not retried.
        if (text === null) return failed(STATUS_BAD_GATEWAY, `PolyAI answered with a body over ${MAX_BODY_BYTES} bytes.`, false);
        if (response.status === 200) {
          if (nestedDeeperThan(text, MAX_JSON_DEPTH)) return failed(STATUS_BAD_GATEWAY, `PolyAI answered with JSON nested deeper than ${MAX_JSON_DEPTH} levels.`, false);
          try {
            return { kind: 'ok', body: JSON.parse(text) };
          } catch {
            return failed(STATUS_BAD_GATEWAY, 'PolyAI answered with a body that is not JSON.', false);
          }
        }
        const retryable = response.status === 429 || response.status >= 500;
        return failed(response.status, messageFor(response.status), retryable, retryAfterMs(response.headers.get('retry-after')));
      } catch {
        // A failure after our own timer aborted the attempt is never read: withDeadline has answered timedOut().
        return failed(STATUS_BAD_GATEWAY, 'PolyAI could not be reached.', true);
      }
    }, timedOut);
  }

  function get(target: string, apiKey = config.apiKey): Promise<PolyaiResult> {
    // The whole deadline can pass during the retry: count the attempts made so far, not always one.
    const made = { attempts: 1 };
    const total = () => ({ ok: false as const, error: { status: STATUS_TIMEOUT, message: `PolyAI did not answer within ${config.deadlineMs} ms.` }, attempts: made.attempts });
    return withDeadline(config.deadlineMs, () => attempts(target, apiKey, made), total);
  }

  async function attempts(target: string, apiKey: string, made: { attempts: number }): Promise<PolyaiResult> {
    const started = Date.now();
    const remaining = () => config.deadlineMs - (Date.now() - started);
    let result = await attempt(target, Math.min(config.attemptTimeoutMs, remaining()), apiKey);
    if (result.kind === 'failed' && result.retryable) {
      const wait = result.retryAfterMs ?? DEFAULT_RETRY_DELAY_MS;
      if (remaining() - wait >= MIN_RETRY_BUDGET_MS) {
        await sleep(wait);
        made.attempts = 2;
        result = await attempt(target, Math.min(config.attemptTimeoutMs, remaining()), apiKey);
        return toResult(result, 2);
      }
    }
    return toResult(result, 1);
  }

  return {
    /** `GET …/handoff_state?id=…` or `?shared_id=…`. */
    fetchHandoffState(lookup: HandoffLookup): Promise<PolyaiResult> {
      const query = new URLSearchParams({ [lookup.param]: lookup.value });
      return get(`${url(config.baseUrl, config.handoffPath, lookup.value)}?${query}`);
    },
    /** PolyAI's Conversations API (its own host and, optionally, key): the detail of one conversation. */
    fetchConversation(id: string): Promise<PolyaiResult> {
      return get(url(config.conversations.baseUrl, config.conversations.path, id), config.conversations.apiKey);
    },
  };
}

export type PolyaiClient = ReturnType<typeof createPolyaiClient>;

function failed(status: number, message: string, retryable: boolean, retryAfter?: number): Attempt {
  return { kind: 'failed', error: { status, message }, retryable, retryAfterMs: retryAfter };
}

function toResult(result: Attempt, attempts: number): PolyaiResult {
  return result.kind === 'ok' ? { ok: true, body: result.body, attempts } : { ok: false, error: result.error, attempts };
}

/** Our own words for PolyAI's statuses: PolyAI's error text is not passed on. */
function messageFor(status: number): string {
  if (status === 401 || status === 403) return `PolyAI refused the Function's API key (${status}).`;
  if (status === 404) return 'PolyAI has no data for this call.';
  if (status === 429) return 'PolyAI asked us to slow down (429).';
  if (status >= 500) return `PolyAI had a server error (${status}).`;
  return `PolyAI rejected the request (${status}).`;
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Whether JSON text opens more than `max` arrays/objects at once; brackets inside strings do not count. */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  return false;
}

/** The body as text, or `null` when it is over MAX_BODY_BYTES (reading stops there). */
async function readCapped(response: Response, signal: AbortSignal): Promise<string | null> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  // Our own listener on our own signal: frees the socket when the deadline passes mid-body.
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
