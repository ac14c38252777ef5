/**
 * Function configuration, read only from the environment (`context` in Twilio Functions). Every variable is
 * documented in `.env.example`. Nothing here is ever logged: the API key is a secret.
 */

export interface PolyaiConfig {
  /** `https://api.{region}.platform.polyai.app`, or `POLYAI_BASE_URL` when set. No trailing slash. */
  baseUrl: string;
  handoffPath: string;
  conversationsPath: string;
  accountId: string;
  projectId: string;
  apiKey: string;
  /** Per HTTP attempt, body included. */
  attemptTimeoutMs: number;
  /** Whole fetch, retry and Retry-After wait included; Studio gives a Function 10 s. */
  deadlineMs: number;
}

export type Env = Record<string, unknown>;

export const DEFAULTS = Object.freeze({
  region: 'us-1',
  handoffPath: '/v1/{account_id}/{project_id}/handoff_state',
  conversationsPath: '/v1/{account_id}/{project_id}/conversations/{id}',
  attemptTimeoutMs: 3_000,
  deadlineMs: 6_000,
});

/** Studio allows 10 s for a Function: keep a margin for Twilio's own overhead. */
const MAX_DEADLINE_MS = 8_000;
const REGION = /^[a-z]{2,4}-[0-9]{1,2}$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type ConfigResult<T> = { ok: true; config: T } | { ok: false; problem: string };

export function readPolyaiConfig(env: Env): ConfigResult<PolyaiConfig> {
  const missing = ['POLYAI_ACCOUNT_ID', 'POLYAI_PROJECT_ID', 'POLYAI_API_KEY'].filter((name) => text(env[name]) === '');
  if (missing.length > 0) return { ok: false, problem: `Missing settings: ${missing.join(', ')}.` };

  const baseUrl = readBaseUrl(env);
  if (baseUrl === null) return { ok: false, problem: 'POLYAI_BASE_URL must be an https URL (http only for 127.0.0.1), POLYAI_REGION like us-1.' };
  const attemptTimeoutMs = readMs(env.POLYAI_TIMEOUT_MS, DEFAULTS.attemptTimeoutMs);
  const deadlineMs = Math.min(readMs(env.POLYAI_DEADLINE_MS, DEFAULTS.deadlineMs), MAX_DEADLINE_MS);
  return {
    ok: true,
    config: {
      baseUrl,
      handoffPath: text(env.POLYAI_HANDOFF_PATH) || DEFAULTS.handoffPath,
      conversationsPath: text(env.POLYAI_CONVERSATIONS_PATH) || DEFAULTS.conversationsPath,
      accountId: text(env.POLYAI_ACCOUNT_ID),
      projectId: text(env.POLYAI_PROJECT_ID),
      apiKey: text(env.POLYAI_API_KEY),
      attemptTimeoutMs: Math.min(attemptTimeoutMs, deadlineMs),
      deadlineMs,
    },
  };
}

function readBaseUrl(env: Env): string | null {
  const explicit = text(env.POLYAI_BASE_URL);
  if (explicit === '') {
    const region = text(env.POLYAI_REGION) || DEFAULTS.region;
    return REGION.test(region) ? `https://api.${region}.platform.polyai.app` : null;
  }
  let url: URL;
  try {
    url = new URL(explicit);
  } catch {
    return null;
  }
  // The key travels in a header: plain http only to a stand-in on this machine.
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  return secure ? explicit.replace(/\/+$/, '') : null;
}

function readMs(value: unknown, fallback: number): number {
  const number = Number(text(value));
  return text(value) !== '' && Number.isInteger(number) && number > 0 ? number : fallback;
}

/** Trimmed string setting; '' when unset. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Comma-separated list setting, e.g. `FLEX_ALLOWED_ORIGINS`. */
export function list(value: unknown): string[] {
  return text(value)
    .split(',')
    .map((item) => item.trim().replace(/\/+$/, ''))
    .filter((item) => item !== '');
}
