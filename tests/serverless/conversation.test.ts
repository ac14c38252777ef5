/** polyai-conversation: the plugin's transcript endpoint. Token validator and fetch are fakes: no Twilio, no PolyAI. */
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { LATEST_TURNS, parseConversation } from '@polyai-context/model';
import { fixture } from '../support/fixtures';
import { longCall } from '../support/longCall';
import { schemaValidator } from '../support/polyaiContract';
import { HELD_TASK_SID, ACCOUNT_SID, captureLogs, FLEX_ORIGIN, flexToken, functionEnv, invokeFunction, pluginCaller, VERIFIED_CALL } from './support/functions';

const logs = captureLogs();
const conversation = fixture('conversation.json');

function setUp(polyai: { status: number; body?: unknown } = { status: 200, body: conversation }) {
  return pluginCaller(createPolyaiConversationHandler, polyai);
}

const CORS = {
  'access-control-allow-origin': FLEX_ORIGIN,
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type',
  'access-control-max-age': '600',
  vary: 'Origin',
};

describe('polyai-conversation', () => {
  it('answers 200 { conversation } with PolyAI\'s body as received', async () => {
    const { call, validateToken, fetch } = setUp();
    const token = flexToken();
    const result = await call({ Token: token, conversationId: VERIFIED_CALL });
    expect(result).toEqual({ status: 200, headers: { 'content-type': 'application/json', ...CORS }, body: { conversation } });
    expect(validateToken).toHaveBeenCalledWith(token, ACCOUNT_SID, 'auth-token-secret');
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toMatch(/\/conversations\/CA5f1d/);
    expect(logs().join()).not.toMatch(/CA5f1d|eyJ|shortSummary|standin-key/);
  });

  it.each([
    ['missing', undefined, 401, 'A Flex token is required.'],
    ['malformed', 'not-a-jwt', 401, 'The Flex token is malformed.'],
    ['malformed claims', 'eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.sig', 401, 'The Flex token is malformed.'],
    ['expired', flexToken({ exp: Math.floor(Date.now() / 1000) - 60 }), 401, 'The Flex token has expired.'],
    ['for another account', flexToken({ sub: `AC${'9'.repeat(32)}` }), 403, 'The Flex token belongs to another account.'],
  ])('rejects a %s token with %i and no data', async (_, token, status, message) => {
    const { call, validateToken, fetch } = setUp();
    const result = await call({ Token: token, conversationId: VERIFIED_CALL });
    expect(result.status).toBe(status);
    expect(result.body).toEqual({ error: { status, message } });
    expect(validateToken).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects a token Twilio does not validate with 401', async () => {
    const { call, validateToken, fetch } = setUp();
    validateToken.mockRejectedValue('Unauthorized: token signature invalid');
    const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL });
    expect(result.body).toEqual({ error: { status: 401, message: 'The Flex token is not valid.' } });
    expect(result.status).toBe(401);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('validates the conversation id before it reaches a URL', async () => {
    const { call, fetch } = setUp();
    const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: '../handoff_state?id=x' });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: { status: 400, message: 'conversationId must be a call SID or a handoff id.' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    [404, 404, 'PolyAI has no data for this call.'],
    [401, 502, 'PolyAI refused the Function\'s API key (401).'],
    [403, 502, 'PolyAI refused the Function\'s API key (403).'],
  ])('maps PolyAI %i to HTTP %i', async (polyaiStatus, status, message) => {
    const { call } = setUp({ status: polyaiStatus, body: { error_message: 'x' } });
    const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL });
    expect(result.status).toBe(status);
    expect(result.body).toEqual({ error: { status, message } });
  });

  it('answers a preflight from an allowed origin with CORS headers and no body', async () => {
    const { call } = setUp();
    const result = await call({}, { origin: 'https://flex.example.com', 'access-control-request-method': 'POST' });
    expect(result.status).toBe(204);
    expect(result.body).toBeUndefined();
    expect(result.headers['access-control-allow-origin']).toBe('https://flex.example.com');
  });

  it('refuses other origins without CORS headers, preflight or not', async () => {
    const { call, fetch } = setUp();
    const origins: Array<Record<string, string>> = [
      { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      { origin: 'https://flex.twilio.com.evil.example' },
    ];
    for (const headers of origins) {
      const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL }, headers);
      expect(result.status).toBe(403);
      expect(result.headers).toEqual({ 'content-type': 'application/json' });
      expect(result.body).toEqual({ error: { status: 403, message: 'This origin may not call the PolyAI Functions.' } });
    }
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('polyai-conversation and over-deep JSON', () => {
  it('answers a clear 502 for a transcript nested 100,000 levels deep instead of failing to serialise it', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const fetch = jest.fn(async () => new Response(`{"turns":${deep}}`, { status: 200 }));
    const handler = createPolyaiConversationHandler({
      validateToken: async () => ({ valid: true, roles: ['admin'] }),
      fetch: fetch as unknown as typeof globalThis.fetch,
    });
    const result = await invokeFunction(handler, functionEnv(), { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
    expect(result).toMatchObject({ status: 502, body: { error: { status: 502, message: 'PolyAI answered with JSON nested deeper than 256 levels.' } } });
  });

  it('still reads brackets inside strings as text', async () => {
    const { call } = setUp({ status: 200, body: { id: VERIFIED_CALL, summary: '['.repeat(1_000) } });
    expect((await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL })).status).toBe(200);
  });
});

describe('polyai-conversation: the latest turns first', () => {
  const validConversation = schemaValidator('conversations', 'ConversationDetailResponse');
  const long = longCall(1_000);
  const asked = { Token: flexToken(), conversationId: VERIFIED_CALL };

  it('asked for the latest turns of a long call: PolyAI\'s body with its last turns, and how many rows were left out', async () => {
    const { call } = setUp({ status: 200, body: long });
    const result = await call({ ...asked, turns: 'latest' });
    expect(result.status).toBe(200);
    const body = result.body as { conversation: { turns: unknown[] }; latest: { total: number; earlier: number } };
    expect(body.latest).toEqual({ total: 1_800, earlier: 1_800 - parseConversation(body.conversation).turns.length });
    expect(body.conversation).toEqual({ ...long, turns: long.turns.slice(long.turns.length - body.conversation.turns.length) });
    expect(body.conversation.turns.length).toBeLessThan(LATEST_TURNS);
    // Still PolyAI's published ConversationDetailResponse, only shorter.
    expect(validConversation(body.conversation)).toBe(true);
  });

  it('without the member: the whole body as received, as older plugins ask', async () => {
    const { call } = setUp({ status: 200, body: long });
    const result = await call(asked);
    expect(result.body).toEqual({ conversation: long });
  });

  it('asked for the latest turns of a short call: the whole body, with nothing said left out', async () => {
    const { call } = setUp();
    expect((await call({ ...asked, turns: 'latest' })).body).toEqual({ conversation });
  });

  it.each([['all'], [''], [true], [{ latest: true }]])('refuses turns: %j with 400, asking PolyAI nothing', async (turns) => {
    const { call, fetch } = setUp({ status: 200, body: long });
    const result = await call({ ...asked, turns });
    expect(result).toMatchObject({ status: 400, body: { error: { status: 400, message: 'turns must be "latest" when given.' } } });
    expect(fetch).not.toHaveBeenCalled();
  });
});
