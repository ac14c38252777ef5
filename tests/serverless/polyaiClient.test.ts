import * as fs from 'fs';
import * as path from 'path';
import { readPolyaiConfig, type PolyaiConfig } from '../../serverless/src/lib/config';
import { handoffLookup } from '../../serverless/src/lib/ids';
import { createPolyaiClient } from '../../serverless/src/lib/polyaiClient';

const config: PolyaiConfig = {
  baseUrl: 'https://api.uk-1.platform.polyai.app',
  handoffPath: '/v1/{account_id}/{project_id}/handoff_state',
  conversations: {
    baseUrl: 'https://api.uk.poly.ai',
    path: '/v1/agents/{agent_id}/conversations/{id}',
    agentId: 'PROJECT-billing',
    apiKey: 'conversations-key',
  },
  accountId: 'acme',
  projectId: 'billing',
  apiKey: 'secret-key',
  attemptTimeoutMs: 1_000,
  deadlineMs: 6_000,
};

type Answer = { status: number; body?: string; headers?: Record<string, string> };

/** A fetch that answers from a script and records what it was asked. */
function scriptedFetch(...answers: Answer[]) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const answer = answers.shift() ?? { status: 599 };
    return new Response(answer.body ?? '{}', { status: answer.status, headers: answer.headers });
  });
  const sleep = jest.fn(async () => undefined);
  return { fetch: fetch as unknown as typeof globalThis.fetch, sleep, calls };
}

describe('PolyAI client', () => {
  it('GETs handoff_state with x-api-key and the id as a query parameter', async () => {
    const deps = scriptedFetch({ status: 200, body: '{"id":"CA1","data":{}}' });
    const result = await createPolyaiClient(config, deps).fetchHandoffState({ param: 'shared_id', value: 'acme:1' });
    expect(result).toEqual({ ok: true, body: { id: 'CA1', data: {} }, attempts: 1 });
    expect(deps.calls[0].url).toBe('https://api.uk-1.platform.polyai.app/v1/acme/billing/handoff_state?shared_id=acme%3A1');
    expect(deps.calls[0].init.headers).toEqual({ 'x-api-key': 'secret-key', accept: 'application/json' });
  });

  it('retries once on 500 after a short pause, then succeeds', async () => {
    const deps = scriptedFetch({ status: 500 }, { status: 200, body: '{"data":{}}' });
    const result = await createPolyaiClient(config, deps).fetchHandoffState({ param: 'id', value: 'x' });
    expect(result).toEqual({ ok: true, body: { data: {} }, attempts: 2 });
    expect(deps.sleep).toHaveBeenCalledWith(200);
  });

  it('honours Retry-After on 429', async () => {
    const deps = scriptedFetch({ status: 429, headers: { 'retry-after': '2' } }, { status: 200, body: '{"data":{}}' });
    const result = await createPolyaiClient(config, deps).fetchConversation('CA1');
    expect(result.ok).toBe(true);
    expect(deps.sleep).toHaveBeenCalledWith(2_000);
  });

  it('retries at most once', async () => {
    const deps = scriptedFetch({ status: 503 }, { status: 502 }, { status: 200 });
    const result = await createPolyaiClient(config, deps).fetchHandoffState({ param: 'id', value: 'x' });
    expect(result).toEqual({ ok: false, error: { status: 502, message: 'PolyAI had a server error (502).' }, attempts: 2 });
    expect(deps.calls).toHaveLength(2);
  });

  it('does not retry when Retry-After would pass the deadline', async () => {
    const deps = scriptedFetch({ status: 429, headers: { 'retry-after': '30' } }, { status: 200 });
    const result = await createPolyaiClient(config, deps).fetchHandoffState({ param: 'id', value: 'x' });
    expect(result).toEqual({ ok: false, error: { status: 429, message: 'PolyAI asked us to slow down (429).' }, attempts: 1 });
    expect(deps.sleep).not.toHaveBeenCalled();
  });

  it.each([400, 401, 403, 404])('does not retry %i', async (status) => {
    const deps = scriptedFetch({ status, body: '{"error_message":"Caller Jordan Ellis not found"}' });
    const result = await createPolyaiClient(config, deps).fetchHandoffState({ param: 'id', value: 'x' });
    expect(result.ok).toBe(false);
    expect(deps.calls).toHaveLength(1);
    // PolyAI's own text is not passed on: it might carry caller data.
    expect(JSON.stringify(result)).not.toMatch(/Jordan/);
  });

  it('reports a 200 that is not JSON as 502 without retrying', async () => {
    const deps = scriptedFetch({ status: 200, body: '<html>' });
    const result = await createPolyaiClient(config, deps).fetchHandoffState({ param: 'id', value: 'x' });
    expect(result).toEqual({ ok: false, error: { status: 502, message: 'PolyAI answered with a body that is not JSON.' }, attempts: 1 });
  });

  it('gives up on a hanging attempt at the timeout (504) and retries a network failure once', async () => {
    const hanging = jest.fn(
      (_url: unknown, init?: RequestInit) =>
        new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const timedOut = await createPolyaiClient({ ...config, attemptTimeoutMs: 50 }, { fetch: hanging as unknown as typeof fetch }).fetchHandoffState({ param: 'id', value: 'x' });
    expect(timedOut).toEqual({ ok: false, error: { status: 504, message: 'PolyAI did not answer within 50 ms.' }, attempts: 1 });

    const refused = jest.fn(async () => Promise.reject(new TypeError('fetch failed')));
    const sleep = jest.fn(async () => undefined);
    const unreachable = await createPolyaiClient(config, { fetch: refused as unknown as typeof fetch, sleep }).fetchHandoffState({ param: 'id', value: 'x' });
    expect(unreachable).toEqual({ ok: false, error: { status: 502, message: 'PolyAI could not be reached.' }, attempts: 2 });
  });

  it('GETs the published conversation detail path on the Conversations host with its own key', async () => {
    const deps = scriptedFetch({ status: 200, body: '{"conversationId":"CA1"}' });
    const result = await createPolyaiClient(config, deps).fetchConversation('CA1');
    expect(result).toEqual({ ok: true, body: { conversationId: 'CA1' }, attempts: 1 });
    expect(deps.calls[0].url).toBe('https://api.uk.poly.ai/v1/agents/PROJECT-billing/conversations/CA1');
    expect(deps.calls[0].init.headers).toEqual({ 'x-api-key': 'conversations-key', accept: 'application/json' });
  });

  it('encodes ids into a configured conversations path', async () => {
    const deps = scriptedFetch({ status: 200, body: '{}' });
    const conversations = { ...config.conversations, baseUrl: 'https://api.us-1.platform.polyai.app', path: 'v3/{account_id}/{project_id}/conversations/{id}' };
    await createPolyaiClient({ ...config, conversations }, deps).fetchConversation('a:b/c');
    expect(deps.calls[0].url).toBe('https://api.us-1.platform.polyai.app/v3/acme/billing/conversations/a%3Ab%2Fc');
  });
});

describe('PolyAI client: JSON nesting limit (256 levels)', () => {
  /** `levels` arrays/objects inside each other, with a key or a value beside every bracket: `{"a":[1,{"a":[1,…`. */
  function nested(levels: number): string {
    let text = '0';
    for (let level = levels; level > 0; level -= 1) text = level % 2 === 0 ? `[1,${text}]` : `{"a":${text}}`;
    return text;
  }
  function depthOf(value: unknown): number {
    if (Array.isArray(value)) return 1 + depthOf(value[1]);
    if (typeof value === 'object' && value !== null) return 1 + depthOf((value as { a: unknown }).a);
    return 0;
  }
  const answer = async (body: string) => {
    const deps = scriptedFetch({ status: 200, body }, { status: 200, body: '{}' });
    const result = await createPolyaiClient(config, deps).fetchHandoffState({ param: 'id', value: 'x' });
    return { result, calls: deps.calls.length };
  };

  it('accepts a body exactly 256 levels deep', async () => {
    const { result, calls } = await answer(nested(256));
    expect(result).toMatchObject({ ok: true, attempts: 1 });
    expect(depthOf(result.ok && result.body)).toBe(256);
    expect(calls).toBe(1);
  });

  it('refuses a body 257 levels deep as 502 without asking again', async () => {
    const { result, calls } = await answer(nested(257));
    expect(result).toEqual({ ok: false, error: { status: 502, message: 'PolyAI answered with JSON nested deeper than 256 levels.' }, attempts: 1 });
    expect(calls).toBe(1);
  });

  it('counts depth, not how many arrays and objects there are: 300 empty ones side by side are fine', async () => {
    const wide = `{"lists":[${Array(300).fill('[]').join(',')}],"objects":[${Array(300).fill('{}').join(',')}],"mixed":[${Array(300).fill('[{}]').join(',')}]}`;
    const { result } = await answer(wide);
    expect(result).toMatchObject({ ok: true, attempts: 1 });
    expect(result.ok && (result.body as { objects: unknown[] }).objects).toHaveLength(300);
  });

  it('does not count brackets inside strings, after an escaped quote or an escaped backslash', async () => {
    const brackets = '[{'.repeat(300);
    const body = JSON.stringify({ quoted: `say "${brackets}"`, backslash: `C:\\${brackets}\\`, plain: brackets });
    const { result } = await answer(body);
    expect(result).toEqual({ ok: true, body: JSON.parse(body), attempts: 1 });
  });
});

describe('configuration', () => {
  const env = { POLYAI_ACCOUNT_ID: 'acme', POLYAI_PROJECT_ID: 'billing', POLYAI_API_KEY: 'k' };

  it('builds the base URL from the region and keeps the deadline below Studio\'s 10 s', () => {
    const result = readPolyaiConfig({ ...env, POLYAI_REGION: 'euw-1', POLYAI_DEADLINE_MS: '60000', POLYAI_TIMEOUT_MS: 'soon' });
    expect(result).toEqual({
      ok: true,
      config: expect.objectContaining({ baseUrl: 'https://api.euw-1.platform.polyai.app', deadlineMs: 8_000, attemptTimeoutMs: 3_000 }),
    });
  });

  it.each([
    [{ POLYAI_API_KEY: '' }, /POLYAI_API_KEY/],
    [{ POLYAI_BASE_URL: 'http://polyai.example.com' }, /https/],
    [{ POLYAI_BASE_URL: 'not a url' }, /https/],
    [{ POLYAI_REGION: 'us-1.evil.com/x?' }, /region|REGION/],
  ])('rejects %p', (overrides, problem) => {
    const result = readPolyaiConfig({ ...env, ...overrides });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(problem);
  });

  it('defaults the Conversations API to PolyAI\'s documented host and path, the agent id to the project id and the key to the Handoff key', () => {
    const read = (overrides: Record<string, string>) => {
      const result = readPolyaiConfig({ ...env, ...overrides });
      return result.ok ? result.config.conversations : result.problem;
    };
    expect(read({})).toEqual({ baseUrl: 'https://api.us.poly.ai', path: '/v1/agents/{agent_id}/conversations/{id}', agentId: 'billing', apiKey: 'k' });
    expect(read({ POLYAI_REGION: 'euw-1' })).toMatchObject({ baseUrl: 'https://api.eu.poly.ai' });
    expect(read({ POLYAI_REGION: 'uk-1' })).toMatchObject({ baseUrl: 'https://api.uk.poly.ai' });
    expect(read({ POLYAI_REGION: 'uk-1', POLYAI_CONVERSATIONS_REGION: 'studio' })).toMatchObject({ baseUrl: 'https://api.studio.poly.ai' });
    expect(read({ POLYAI_AGENT_ID: 'PROJECT-billing', POLYAI_CONVERSATIONS_API_KEY: 'ck' })).toMatchObject({ agentId: 'PROJECT-billing', apiKey: 'ck' });
    expect(read({ POLYAI_CONVERSATIONS_BASE_URL: 'https://api.us-1.platform.polyai.app/', POLYAI_CONVERSATIONS_PATH: '/v3/{account_id}/{agent_id}/conversations/{id}' })).toMatchObject({
      baseUrl: 'https://api.us-1.platform.polyai.app',
      path: '/v3/{account_id}/{agent_id}/conversations/{id}',
    });
    expect(read({ POLYAI_CONVERSATIONS_REGION: 'mars' })).toMatch(/POLYAI_CONVERSATIONS_REGION/);
    expect(read({ POLYAI_CONVERSATIONS_BASE_URL: 'http://polyai.example.com' })).toMatch(/https/);
  });

  it('allows plain http only for the stand-in on loopback', () => {
    expect(readPolyaiConfig({ ...env, POLYAI_BASE_URL: 'http://127.0.0.1:4010/' })).toEqual({
      ok: true,
      config: expect.objectContaining({ baseUrl: 'http://127.0.0.1:4010' }),
    });
  });
});

describe('id validation', () => {
  it.each([
    [{ call_sid: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' }, { param: 'id', value: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' }],
    [{ CallSid: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' }, { param: 'id', value: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' }],
    [{ shared_id: 'acme_2026-11-20_7f3c9a', call_sid: 'bad' }, { param: 'shared_id', value: 'acme_2026-11-20_7f3c9a' }],
    [{ id: '0bba1c7e-1b43-4f0e-9d7e-2f0a7c6b5d11' }, { param: 'id', value: '0bba1c7e-1b43-4f0e-9d7e-2f0a7c6b5d11' }],
  ])('accepts %p', (event, lookup) => {
    expect(handoffLookup(event)).toEqual(lookup);
  });

  it.each([
    [{}],
    [{ call_sid: 'CA123' }],
    [{ call_sid: `CA${'g'.repeat(32)}` }],
    [{ CallSid: ['CA5f1d2c3b4a5968778695a4b3c2d1e0f9'] }],
    [{ shared_id: '../../admin' }],
    [{ shared_id: 'a&id=other' }],
    [{ id: 'x'.repeat(200) }],
    [{ shared_id: 'ok id with spaces' }],
  ])('rejects %p before it reaches a URL', (event) => {
    expect(handoffLookup(event)).toBeNull();
  });
});

describe('serverless/.env.example', () => {
  it('documents every variable the Functions read', () => {
    const root = path.join(__dirname, '..', '..', 'serverless');
    const source = fs.readdirSync(path.join(root, 'src', 'lib')).map((file) => fs.readFileSync(path.join(root, 'src', 'lib', file), 'utf8')).join('\n');
    const read = new Set([...source.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]));
    expect(read).toContain('POLYAI_CONVERSATIONS_API_KEY');
    const documented = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
    const twilioAdds = new Set(['ACCOUNT_SID', 'AUTH_TOKEN']);
    const missing = [...read].filter((name) => !twilioAdds.has(name) && !new RegExp(`^${name}=`, 'm').test(documented));
    expect(missing).toEqual([]);
  });
});
