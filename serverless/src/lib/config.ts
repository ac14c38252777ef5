/**
 * Function configuration, read only from the environment (`context` in Twilio Functions). Every variable is
 * documented in `.env.example`. Nothing here is ever logged: the API key is a secret.
 */

/**
 * PolyAI's Conversations API (transcripts) lives on another host than the Handoff API and may use its own key:
 * `GET https://api.{us|eu|uk}.poly.ai/v1/agents/{agentId}/conversations/{conversationId}` in PolyAI's OpenAPI file.
 */
export interface ConversationsConfig {
  /** `https://api.{region}.poly.ai`, or `POLYAI_CONVERSATIONS_BASE_URL` when set. No trailing slash. */
  baseUrl: string;
  /** Template with `{agent_id}`, `{account_id}`, `{project_id}` and `{id}`. */
  path: string;
  /** Agent Studio's Agent ID; defaults to the project id. */
  agentId: string;
  /** `POLYAI_CONVERSATIONS_API_KEY`, else the Handoff API key. */
  apiKey: string;
}

export interface PolyaiConfig {
  /** `https://api.{region}.platform.polyai.app`, or `POLYAI_BASE_URL` when set. No trailing slash. */
  baseUrl: string;
  handoffPath: string;
  conversations: ConversationsConfig;
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
  conversationsPath: '/v1/agents/{agent_id}/conversations/{id}',
  attemptTimeoutMs: 3_000,
  deadlineMs: 6_000,
});

/** Studio allows 10 s for a Function: keep a margin for Twilio's own overhead. */
const MAX_DEADLINE_MS = 8_000;
const REGION = /^[a-z]{2,4}-[0-9]{1,2}$/;
/** The Conversations API's regions (`api.{region}.poly.ai`). */
const CONVERSATIONS_REGION = /^(us|eu|uk|studio)$/;
/** The Handoff API's region → the same region's Conversations host. */
const CONVERSATIONS_REGION_FOR: Record<string, string> = { 'us-1': 'us', 'uk-1': 'uk', 'euw-1': 'eu' };
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type ConfigResult<T> = { ok: true; config: T } | { ok: false; problem: string };

export function readPolyaiConfig(env: Env): ConfigResult<PolyaiConfig> {
  const missing = ['POLYAI_ACCOUNT_ID', 'POLYAI_PROJECT_ID', 'POLYAI_API_KEY'].filter((name) => text(env[name]) === '');
  if (missing.length > 0) return { ok: false, problem: `Missing settings: ${missing.join(', ')}.` };

  // Region names are lower case in PolyAI's hosts; an admin's `US-1` means `us-1`.
  const region = text(env.POLYAI_REGION).toLowerCase() || DEFAULTS.region;
  const baseUrl = readBaseUrl(text(env.POLYAI_BASE_URL), REGION.test(region) ? `https://api.${region}.platform.polyai.app` : null);
  if (baseUrl === null) return { ok: false, problem: 'POLYAI_BASE_URL must be an https URL (http only for 127.0.0.1), POLYAI_REGION like us-1.' };
  const conversationsRegion = text(env.POLYAI_CONVERSATIONS_REGION).toLowerCase() || CONVERSATIONS_REGION_FOR[region] || 'us';
  const conversationsBaseUrl = readBaseUrl(
    text(env.POLYAI_CONVERSATIONS_BASE_URL),
    CONVERSATIONS_REGION.test(conversationsRegion) ? `https://api.${conversationsRegion}.poly.ai` : null,
  );
  if (conversationsBaseUrl === null) {
    return { ok: false, problem: 'POLYAI_CONVERSATIONS_BASE_URL must be an https URL (http only for 127.0.0.1), POLYAI_CONVERSATIONS_REGION one of us, eu, uk, studio.' };
  }
  const attemptTimeoutMs = readMs(env.POLYAI_TIMEOUT_MS, DEFAULTS.attemptTimeoutMs);
  const deadlineMs = Math.min(readMs(env.POLYAI_DEADLINE_MS, DEFAULTS.deadlineMs), MAX_DEADLINE_MS);
  return {
    ok: true,
    config: {
      baseUrl,
      handoffPath: text(env.POLYAI_HANDOFF_PATH) || DEFAULTS.handoffPath,
      conversations: {
        baseUrl: conversationsBaseUrl,
        path: text(env.POLYAI_CONVERSATIONS_PATH) || DEFAULTS.conversationsPath,
        agentId: text(env.POLYAI_AGENT_ID) || text(env.POLYAI_PROJECT_ID),
        apiKey: text(env.POLYAI_CONVERSATIONS_API_KEY) || text(env.POLYAI_API_KEY),
      },
      accountId: text(env.POLYAI_ACCOUNT_ID),
      projectId: text(env.POLYAI_PROJECT_ID),
      apiKey: text(env.POLYAI_API_KEY),
      attemptTimeoutMs: Math.min(attemptTimeoutMs, deadlineMs),
      deadlineMs,
    },
  };
}

/** The explicit base URL when set (checked), else the region's (null when the region is invalid). */
function readBaseUrl(explicit: string, fromRegion: string | null): string | null {
  if (explicit === '') return fromRegion;
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
  // Number('') is 0, which is refused like any other non-positive value.
  const number = Number(text(value));
  return Number.isInteger(number) && number > 0 ? number : fallback;
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
