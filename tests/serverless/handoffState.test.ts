/**
 * polyai-handoff-state: the plugin's fetch of the whole handoff when the task's compact attribute did not hold it
 * all. The same plugin-facing pipeline as polyai-conversation (flexFunction.ts): both are checked here side by side.
 */
import { parseHandoffContext, toPolyaiAttributes } from '../../src/model';
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { createPolyaiHandoffStateHandler } from '../../serverless/src/functions/polyai-handoff-state';
import { fixture } from '../support/fixtures';
import { captureLogs, FLEX_ORIGIN, flexToken, functionEnv, invokeFunction, pluginFunction, standinPerTest, UNKNOWN_CALL, VERIFIED_CALL, type PluginFunctionFactory } from './support/functions';

const logs = captureLogs();
const verified = fixture('handoff-state-verified.json') as { id: string; shared_id: string; data: Record<string, unknown> };

function setUp(factory: PluginFunctionFactory, polyai: { status: number; body?: unknown } = { status: 200, body: verified }) {
  return pluginFunction(factory, polyai);
}

describe('polyai-handoff-state', () => {
  it('answers 200 { polyai } with the whole Handoff API body, looked up by id or shared_id', async () => {
    const { call, fetch } = setUp(createPolyaiHandoffStateHandler);
    const result = await call({ Token: flexToken(), id: VERIFIED_CALL });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ polyai: verified });
    expect(result.headers['access-control-allow-origin']).toBe(FLEX_ORIGIN);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe(`http://127.0.0.1:9/v1/acme/billing/handoff_state?id=${VERIFIED_CALL}`);
    await call({ Token: flexToken(), id: VERIFIED_CALL, shared_id: 'acme_1' });
    expect(String((fetch.mock.calls[1] as unknown[])[0])).toMatch(/handoff_state\?shared_id=acme_1$/);
    expect(logs().join()).not.toMatch(/CA5f1d|eyJ|Jordan|standin-key/);
  });

  it.each([
    ['no id', {}],
    ['an id that would change the URL', { id: '../x?y=1' }],
    ['only a call SID parameter', { call_sid: VERIFIED_CALL, CallSid: VERIFIED_CALL }],
  ])('refuses %s with 400 before reaching PolyAI', async (_, ids) => {
    const { call, fetch } = setUp(createPolyaiHandoffStateHandler);
    const result = await call({ Token: flexToken(), ...ids });
    expect(result).toMatchObject({ status: 400, body: { error: { status: 400, message: 'id or shared_id must be a handoff id.' } } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    [404, { error_message: 'x' }, 404, 'PolyAI has no data for this call.'],
    [401, { error_message: 'x' }, 502, "PolyAI refused the Function's API key (401)."],
    [200, { id: 'CA1' }, 502, 'PolyAI answered without handoff data.'],
    [200, [1, 2], 502, 'PolyAI answered without handoff data.'],
  ])('maps PolyAI %i %j to HTTP %i', async (polyaiStatus, body, status, message) => {
    const { call } = setUp(createPolyaiHandoffStateHandler, { status: polyaiStatus, body });
    const result = await call({ Token: flexToken(), id: VERIFIED_CALL });
    expect(result).toMatchObject({ status, body: { error: { status, message } } });
  });
});

describe('the plugin-facing Functions share one access pipeline', () => {
  const functions: Array<[string, PluginFunctionFactory, Record<string, unknown>]> = [
    ['polyai-conversation', createPolyaiConversationHandler, { conversationId: VERIFIED_CALL }],
    ['polyai-handoff-state', createPolyaiHandoffStateHandler, { id: VERIFIED_CALL }],
  ];

  it.each(functions)('%s refuses missing, expired and foreign tokens, and tokens Twilio rejects, without calling PolyAI', async (_, factory, params) => {
    const { call, validateToken, fetch } = setUp(factory);
    expect((await call({ ...params })).body).toEqual({ error: { status: 401, message: 'A Flex token is required.' } });
    expect((await call({ ...params, Token: flexToken({ exp: 1 }) })).body).toEqual({ error: { status: 401, message: 'The Flex token has expired.' } });
    expect((await call({ ...params, Token: flexToken({ sub: `AC${'9'.repeat(32)}` }) })).status).toBe(403);
    validateToken.mockRejectedValueOnce('bad signature');
    expect((await call({ ...params, Token: flexToken() })).body).toEqual({ error: { status: 401, message: 'The Flex token is not valid.' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each(functions)('%s refuses other origins and answers an allowed preflight', async (_, factory, params) => {
    const { call, fetch } = setUp(factory);
    const refused = await call({ ...params, Token: flexToken() }, { origin: 'https://evil.example' });
    expect(refused).toEqual({ status: 403, headers: { 'content-type': 'application/json' }, body: { error: { status: 403, message: 'This origin may not call the PolyAI Functions.' } } });
    const preflight = await call({}, { origin: 'https://flex.example.com', 'access-control-request-method': 'POST' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://flex.example.com');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('a handoff larger than the task attribute budget, over loopback', () => {
  const standin = standinPerTest();

  it('reaches the agent whole: the compact attribute at once, the rest from polyai-handoff-state', async () => {
    const env = functionEnv(standin().url);
    const handler = createPolyaiHandoffStateHandler({ validateToken: async () => ({ valid: true }) });
    const compact = toPolyaiAttributes({ ok: true, body: verified }, 400);
    const atOnce = parseHandoffContext({ call_sid: VERIFIED_CALL, ...compact });
    expect(atOnce.notLoaded).not.toBeNull();
    const result = await invokeFunction(handler, env, { Token: flexToken(), id: atOnce.ids.id, request: { headers: {}, cookies: {} } });
    expect(result.status).toBe(200);
    const whole = parseHandoffContext({ call_sid: VERIFIED_CALL, polyai: (result.body as { polyai: unknown }).polyai });
    expect(whole.notLoaded).toBeNull();
    expect(whole.summary).toBe(verified.data.summary);
    expect(whole.customer.name).toBe('Jordan Ellis');
    const unknown = await invokeFunction(handler, env, { Token: flexToken(), id: UNKNOWN_CALL, request: { headers: {}, cookies: {} } });
    expect(unknown.status).toBe(404);
  });
});
