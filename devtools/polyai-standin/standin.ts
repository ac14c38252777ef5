/**
 * DEVELOPMENT TOOL — a stand-in for PolyAI's Handoff and Conversations APIs on 127.0.0.1, serving
 * devtools/fixtures in the shapes and at the paths of PolyAI's OpenAPI files (contracts/polyai/openapi/; the contract
 * tests validate every answer against them): `GET /v1/{account_id}/{project_id}/handoff_state?id|shared_id` and
 * `GET /v1/agents/{agentId}/conversations/{conversationId}`, each with its own `x-api-key`. It refuses what PolyAI
 * refuses (no id → 400, wrong key → 401) and can be told to fail in every way PolyAI might (startup flag
 * `--mode=…` or `POST /__standin/mode {"mode": "429", "times": 1, "retryAfter": 1}`; `trickle` sends headers, then
 * two bytes of the body every 100 ms, for minutes), so tests, the outage drill and the offline preview can prove
 * the Functions always route the call. Never deploy it.
 */
import type { Request, Response } from 'express';
import { anyJsonBody, createApp, listen } from '../lib/http';
import conversation from '../fixtures/conversation.json';
import errors from '../fixtures/handoff-api-errors.json';
import minimal from '../fixtures/handoff-state-minimal.json';
import unverified from '../fixtures/handoff-state-unverified.json';
import verified from '../fixtures/handoff-state-verified.json';

export const FAULT_MODES = ['401', '403', '404', '429', '500', 'hang', 'slow', 'trickle', 'garbage'] as const;
export type StandinMode = 'ok' | 'random' | (typeof FAULT_MODES)[number];
export const MODES: readonly StandinMode[] = ['ok', 'random', ...FAULT_MODES];
/** What `random` picks from, evenly: the outage drill's mix. */
const RANDOM_MIX: readonly StandinMode[] = ['ok', '404', '429', '500', 'hang', 'slow', 'garbage'];

// Random-looking, as real keys are: the Functions scrub any 8-character run of a secret, so a key made of words
// ("…-conversations-…") would scrub those words from every answer.
export const STANDIN_API_KEY = 'sk_7Qm2Xv9Lp4Rt8Wn3';
/** PolyAI issues Conversations API keys separately: the stand-in accepts only this one on conversation paths. */
export const STANDIN_CONVERSATIONS_API_KEY = 'ck_5Hd8Jf2Kb6Ny1Ze4';
const HANDOFF_STATES = [verified, unverified, minimal];

export interface StandinOptions {
  port?: number;
  mode?: StandinMode;
  /** The `x-api-key` the Handoff API path accepts; anything else gets PolyAI's 401. */
  apiKey?: string;
  /** The `x-api-key` the Conversations API path accepts. */
  conversationsApiKey?: string;
  /** Retry-After seconds sent with 429. */
  retryAfter?: number;
  /** How long `slow` takes to dribble out a 200 body. */
  slowMs?: number;
  /** Seed for `random`, so a drill can be replayed. */
  seed?: number;
}

export interface Standin {
  url: string;
  /** Answer in `mode`; after `times` answers go back to `ok`. */
  setMode(mode: StandinMode, options?: { times?: number; retryAfter?: number }): void;
  /** Requests answered (or hung) per mode since start. */
  counts: Record<string, number>;
  close(): Promise<void>;
}

/** The Functions' PolyAI settings for a stand-in at `url`: both APIs there, each with the stand-in's key. */
export function standinEnv(url: string): Record<string, string> {
  return {
    POLYAI_BASE_URL: url,
    POLYAI_ACCOUNT_ID: 'acme',
    POLYAI_PROJECT_ID: 'billing',
    POLYAI_API_KEY: STANDIN_API_KEY,
    POLYAI_CONVERSATIONS_BASE_URL: url,
    POLYAI_CONVERSATIONS_API_KEY: STANDIN_CONVERSATIONS_API_KEY,
  };
}

export function isStandinMode(value: unknown): value is StandinMode {
  return typeof value === 'string' && (MODES as readonly string[]).includes(value);
}

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  let mode: StandinMode = options.mode ?? 'ok';
  let remaining = Infinity;
  let retryAfter = options.retryAfter ?? Number(errors['429'].headers['Retry-After']);
  const apiKey = options.apiKey ?? STANDIN_API_KEY;
  const conversationsApiKey = options.conversationsApiKey ?? STANDIN_CONVERSATIONS_API_KEY;
  const slowMs = options.slowMs ?? 1_500;
  const random = mulberry32(options.seed ?? 1);
  const counts: Record<string, number> = {};
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  function setMode(next: StandinMode, change: { times?: number; retryAfter?: number } = {}) {
    mode = next;
    remaining = change.times ?? Infinity;
    if (change.retryAfter !== undefined) retryAfter = change.retryAfter;
  }

  function currentMode(): StandinMode {
    const active = remaining > 0 ? mode : 'ok';
    if (remaining !== Infinity && remaining > 0) remaining -= 1;
    if (remaining === 0) setMode('ok');
    return active === 'random' ? RANDOM_MIX[Math.floor(random() * RANDOM_MIX.length)] : active;
  }

  const app = createApp();
  app.post('/__standin/mode', anyJsonBody(), (request: Request, response: Response) => {
    const change: Record<string, unknown> = request.body ?? {};
    if (!isStandinMode(change.mode)) return void response.status(400).json({ error: `mode must be one of ${MODES.join(', ')}` });
    setMode(change.mode, {
      times: typeof change.times === 'number' ? change.times : undefined,
      retryAfter: typeof change.retryAfter === 'number' ? change.retryAfter : undefined,
    });
    response.json({ mode, times: remaining === Infinity ? null : remaining, retryAfter });
  });

  app.use((request: Request, response: Response) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const route = matchRoute(request.path);
    if (route === null || request.method !== 'GET') return send(404, { error_message: 'Not found' });
    const query = new URL(request.originalUrl, 'http://127.0.0.1').searchParams;
    // Each API answers its errors in its own published shape.
    const refuse = (status: number, headers: Record<string, string> = {}) =>
      send(status, route.api === 'handoff' ? handoffError(status) : conversationsError(status), headers);
    const key = route.api === 'handoff' ? apiKey : conversationsApiKey;
    if (request.headers['x-api-key'] !== key) return refuse(401);
    if (route.api === 'handoff' && !query.get('id') && !query.get('shared_id')) return refuse(400);

    const answer = currentMode();
    counts[answer] = (counts[answer] ?? 0) + 1;
    switch (answer) {
      case 'hang':
        return; // never answers; close() ends the connection
      case 'garbage':
        return send(200, '<html><body>502 Bad Gateway</body></html>{"id":');
      case '429':
        return refuse(429, { 'retry-after': String(retryAfter) });
      case '401':
      case '403':
      case '404':
      case '500':
        return refuse(Number(answer));
    }

    const found = route.api === 'handoff' ? findHandoffState(query) : findConversation(route.conversationId);
    if (found === undefined) return refuse(404);
    if (answer === 'ok') return send(200, found);
    const body = JSON.stringify(found);
    response.writeHead(200, { 'content-type': 'application/json' });
    if (answer === 'trickle') {
      let sent = 0;
      const drip = () => {
        response.write(body.slice(sent, sent + 2));
        sent += 2;
        if (sent < body.length) later(100, drip);
        else response.end();
      };
      return later(100, drip);
    }
    // slow: headers now, the body in five parts over slowMs.
    const chunks = 5;
    const size = Math.ceil(body.length / chunks);
    for (let i = 0; i < chunks; i += 1) {
      later(((i + 1) * slowMs) / chunks, () => {
        response.write(body.slice(i * size, (i + 1) * size));
        if (i === chunks - 1) response.end();
      });
    }
  });

  // A busy port rejects (the CLI says so in one line).
  const server = await listen(app, { port: options.port ?? 0 });
  return {
    url: server.url,
    setMode,
    counts,
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      return server.close();
    },
  };
}

type Route = { api: 'handoff' } | { api: 'conversations'; conversationId: string };

/** PolyAI's published paths (any account, project or agent id); null for anything else. */
function matchRoute(pathname: string): Route | null {
  if (/^\/v1\/[^/]+\/[^/]+\/handoff_state$/.test(pathname)) return { api: 'handoff' };
  const conversation = /^\/v1\/agents\/[^/]+\/conversations\/([^/]+)$/.exec(pathname);
  return conversation ? { api: 'conversations', conversationId: decodeURIComponent(conversation[1]) } : null;
}

/** The Handoff API's `HandoffError` body for a status (samples in handoff-api-errors.json). */
function handoffError(status: number): unknown {
  if (status === 429) return errors['429'].body;
  const known = errors[String(status) as '400' | '401' | '403' | '404' | '500'];
  return known ?? { error_message: `HTTP ${status}` };
}

const CONVERSATIONS_ERRORS: Record<number, [code: string, message: string]> = {
  401: ['UNAUTHORIZED', 'Missing or invalid x-api-key header.'],
  403: ['FORBIDDEN', 'API key is not authorised for this agent.'],
  404: ['CONVERSATIONS_NOT_FOUND', 'Conversation ID does not exist.'],
  429: ['TOO_MANY_REQUESTS', 'Too many requests.'],
  500: ['INTERNAL_ERROR', 'Internal server error.'],
};

/** The Conversations API's `Error` envelope for a status. */
function conversationsError(status: number): unknown {
  const [code, message] = CONVERSATIONS_ERRORS[status] ?? ['ERROR', `HTTP ${status}`];
  return { success: false, error: message, error_id: `standin-${status}`, error_code: code, error_message: message, data: null };
}

function findHandoffState(query: URLSearchParams): unknown {
  const id = query.get('id');
  const sharedId = query.get('shared_id');
  // PolyAI: when both are sent, shared_id wins.
  if (sharedId) return HANDOFF_STATES.find((state) => 'shared_id' in state && state.shared_id === sharedId);
  return HANDOFF_STATES.find((state) => state.id === id);
}

function findConversation(id: string): unknown {
  return id === conversation.conversationId ? conversation : undefined;
}

/** Small seeded PRNG: the drill's mix is the same on every run with the same seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
