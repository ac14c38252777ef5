/**
 * polyai-handoff-state: the plugin's fetch of the whole handoff when the task's compact attribute did not hold it
 * all. It runs in the same plugin pipeline as polyai-conversation (lib/pluginFunction: CORS, Flex token, task
 * access): both are checked here side by side.
 */
import { parseHandoffContext, toPolyaiAttributes } from '@polyai-context/model';
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { createPolyaiHandoffStateHandler } from '../../serverless/src/functions/polyai-handoff-state';
import * as flexTokenModule from '../../serverless/src/lib/flexToken';
import { pluginFunction } from '../../serverless/src/lib/pluginFunction';
import { fixture } from '../support/fixtures';
import { HELD_TASK_SID,
  agentHolding,
  captureLogs,
  FLEX_ORIGIN,
  flexToken,
  functionEnv,
  invokeFunction,
  pluginCaller,
  standinPerTest,
  VERIFIED_CALL,
  WORKER_SID,
  type PluginFunctionFactory,
} from './support/functions';

const logs = captureLogs();
const verified = fixture('handoff-state-verified.json') as { id: string; shared_id: string; data: Record<string, unknown> };

function setUp(factory: PluginFunctionFactory, polyai: { status: number; body?: unknown } = { status: 200, body: verified }) {
  return pluginCaller(factory, polyai);
}

describe('polyai-handoff-state', () => {
  it('answers 200 { polyai } with the whole Handoff API body for a handoff id the agent holds', async () => {
    const { call, fetch } = setUp(createPolyaiHandoffStateHandler);
    const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ polyai: verified });
    expect(result.headers['access-control-allow-origin']).toBe(FLEX_ORIGIN);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe(`http://127.0.0.1:9/v1/acme/billing/handoff_state?id=${VERIFIED_CALL}`);
    expect(logs().join()).not.toMatch(/CA5f1d|eyJ|Jordan|standin-key/);
  });

  it('looks a shared id up as a shared id, and only one a task the agent holds names', async () => {
    const { call, fetch } = setUp(createPolyaiHandoffStateHandler);
    const refused = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: 'acme_someone_else', lookup: 'shared_id' });
    expect(refused.status).toBe(403);
    expect(fetch).not.toHaveBeenCalled();
    const validateToken = async () => ({ valid: true, worker_sid: WORKER_SID, roles: ['agent'] });
    const taskRouter = agentHolding({ polyai: { shared_id: verified.shared_id, data: {} } });
    const polyai = jest.fn(async () => new Response(JSON.stringify(verified), { status: 200 }));
    const handler = createPolyaiHandoffStateHandler({ validateToken, taskRouter, fetch: polyai as unknown as typeof globalThis.fetch });
    const result = await invokeFunction(handler, functionEnv(), { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: verified.shared_id, lookup: 'shared_id', request: { headers: {}, cookies: {} } });
    expect(result.status).toBe(200);
    expect(String((polyai.mock.calls[0] as unknown[])[0])).toMatch(new RegExp(`handoff_state\\?shared_id=${verified.shared_id}$`));
  });

  it('refuses an id that would change the URL with 400, before reaching PolyAI', async () => {
    const { call, fetch } = setUp(createPolyaiHandoffStateHandler);
    const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: '../x?y=1' });
    expect(result).toMatchObject({ status: 400, body: { error: { status: 400 } } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    [404, { error_message: 'x' }, 404, 'PolyAI has no data for this call.'],
    [401, { error_message: 'x' }, 502, "PolyAI refused the Function's API key (401)."],
    [200, { id: 'CA1' }, 502, 'PolyAI answered without handoff data.'],
    [200, [1, 2], 502, 'PolyAI answered without handoff data.'],
  ])('maps PolyAI %i %j to HTTP %i', async (polyaiStatus, body, status, message) => {
    const { call } = setUp(createPolyaiHandoffStateHandler, { status: polyaiStatus, body });
    const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL });
    expect(result).toMatchObject({ status, body: { error: { status, message } } });
  });
});

describe('the plugin-facing Functions share one access pipeline', () => {
  const functions: Array<[string, PluginFunctionFactory]> = [
    ['polyai-conversation', createPolyaiConversationHandler],
    ['polyai-handoff-state', createPolyaiHandoffStateHandler],
  ];

  it.each(functions)('%s refuses missing, expired and foreign tokens, tokens Twilio rejects and calls the agent does not hold, without calling PolyAI', async (_, factory) => {
    const { call, validateToken, fetch } = setUp(factory);
    const params = { taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL };
    expect((await call({ ...params })).body).toEqual({ error: { status: 401, message: 'A Flex token is required.' } });
    expect((await call({ ...params, Token: flexToken({ exp: 1 }) })).body).toEqual({ error: { status: 401, message: 'The Flex token has expired.' } });
    expect((await call({ ...params, Token: flexToken({ sub: `AC${'9'.repeat(32)}` }) })).status).toBe(403);
    validateToken.mockRejectedValueOnce('bad signature');
    expect((await call({ ...params, Token: flexToken() })).body).toEqual({ error: { status: 401, message: 'The Flex token is not valid.' } });
    expect((await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: `CA${'b'.repeat(32)}` })).status).toBe(403);
    expect(fetch).not.toHaveBeenCalled();
  });

  const refusals = functions.flatMap(([name, factory]) => [401, 403].map((polyaiStatus) => [name, polyaiStatus, factory] as const));
  it.each(refusals)('%s answers PolyAI refusing its API key (%i) with 502, never a 401/403 the plugin would read as its own token\'s', async (_, polyaiStatus, factory) => {
    const { call } = setUp(factory, { status: polyaiStatus, body: { error_message: 'x' } });
    const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL });
    expect(result).toMatchObject({ status: 502, body: { error: { status: 502, message: `PolyAI refused the Function's API key (${polyaiStatus}).` } } });
  });

  it.each(functions)('%s passes PolyAI\'s other refusals on in PolyAI\'s status (400, 404)', async (_, factory) => {
    for (const [polyaiStatus, message] of [[400, 'PolyAI rejected the request (400).'], [404, 'PolyAI has no data for this call.']] as const) {
      const { call } = setUp(factory, { status: polyaiStatus, body: { error_message: 'x' } });
      const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL });
      expect(result).toMatchObject({ status: polyaiStatus, body: { error: { status: polyaiStatus, message } } });
    }
  });

  it.each(functions)('%s refuses other origins (logged as an error 403) and answers an allowed preflight', async (name, factory) => {
    const { call, fetch } = setUp(factory);
    const refused = await call({ conversationId: VERIFIED_CALL, Token: flexToken() }, { origin: 'https://evil.example' });
    expect(refused).toEqual({ status: 403, headers: { 'content-type': 'application/json' }, body: { error: { status: 403, message: 'This origin may not call the PolyAI Functions.' } } });
    const preflight = await call({}, { origin: 'https://flex.example.com', 'access-control-request-method': 'POST' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://flex.example.com');
    expect(fetch).not.toHaveBeenCalled();
    expect(logs()).toEqual([JSON.stringify({ fn: name, outcome: 'error', status: 403 })]);
  });

  it.each(functions)('%s serves a request that carries a Flex token even with an Access-Control-Request-Method header: only a tokenless one is a preflight', async (_, factory) => {
    const { call, fetch } = setUp(factory);
    const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL }, { origin: FLEX_ORIGIN, 'access-control-request-method': 'POST' });
    expect(result.status).toBe(200);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each(functions)('%s logs a success as ok with its status and the milliseconds its work took', async (name, factory) => {
    const { call } = setUp(factory);
    const before = Date.now();
    const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL });
    const elapsed = Date.now() - before;
    expect(result.status).toBe(200);
    const lines = logs().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([{ fn: name, outcome: 'ok', status: 200, ms: expect.any(Number) }]);
    expect(lines[0].ms).toBeGreaterThanOrEqual(0);
    expect(lines[0].ms).toBeLessThanOrEqual(elapsed);
  });

  it.each(functions)('%s logs an answer of 400 (the first error status) as an error with its status and no time', async (name, factory) => {
    const { call } = setUp(factory, { status: 400, body: { error_message: 'x' } });
    const result = await call({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL });
    expect(result).toMatchObject({ status: 400, body: { error: { status: 400, message: 'PolyAI rejected the request (400).' } } });
    expect(logs()).toEqual([JSON.stringify({ fn: name, outcome: 'error', status: 400 })]);
  });
});

describe('a plugin Function that throws', () => {
  const secret = 'standin-key-that-must-not-leak';
  const env = { ...functionEnv(), POLYAI_API_KEY: secret };
  const request = (headers: Record<string, string> = { origin: FLEX_ORIGIN }) => ({ Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, request: { headers, cookies: {} } });
  const deps = () => ({ validateToken: async () => ({ valid: true, worker_sid: WORKER_SID, roles: ['agent'] }), taskRouter: agentHolding({ call_sid: VERIFIED_CALL, polyai: { id: VERIFIED_CALL, data: {} } }) });
  const failed = { status: 500, body: { error: { status: 500, message: 'The PolyAI Function failed.' } } };

  it('answers 500 in our own words with the CORS headers, and logs an error 500, when its work throws', async () => {
    const handler = pluginFunction('polyai-example', deps(), async () => {
      throw new Error(`PolyAI client bug with ${secret}`);
    });
    const result = await invokeFunction(handler, env, request());
    expect(result).toMatchObject({ status: failed.status });
    expect(result.body).toEqual(failed.body);
    expect(result.headers['access-control-allow-origin']).toBe(FLEX_ORIGIN);
    expect(logs()).toEqual([JSON.stringify({ fn: 'polyai-example', outcome: 'error', status: 500 })]);
  });

  it('answers 500 in our own words, and logs an error 500, when the Flex token check itself throws', async () => {
    const serve = jest.fn(async () => ({ status: 200, body: {} }));
    const check = jest.spyOn(flexTokenModule, 'checkFlexToken').mockRejectedValueOnce(new Error(`validator bug with ${secret}`));
    try {
      const result = await invokeFunction(pluginFunction('polyai-example', deps(), serve), env, request());
      expect(result).toMatchObject({ status: failed.status });
      expect(result.body).toEqual(failed.body);
      expect(result.headers['access-control-allow-origin']).toBe(FLEX_ORIGIN);
    } finally {
      check.mockRestore();
    }
    expect(serve).not.toHaveBeenCalled();
    expect(logs()).toEqual([JSON.stringify({ fn: 'polyai-example', outcome: 'error', status: 500 })]);
  });
});

describe('a handoff larger than the task attribute budget, over loopback', () => {
  const standin = standinPerTest();

  it('reaches the agent whole: the compact attribute at once, the rest from polyai-handoff-state', async () => {
    const compact = toPolyaiAttributes({ ok: true, body: verified }, 400);
    const task = { call_sid: VERIFIED_CALL, ...compact };
    const atOnce = parseHandoffContext(task);
    expect(atOnce.notLoaded).not.toBeNull();
    const validateToken = async () => ({ valid: true, worker_sid: WORKER_SID, roles: ['agent'] });
    const taskRouter = agentHolding(task);
    const handler = createPolyaiHandoffStateHandler({ validateToken, taskRouter });
    const result = await invokeFunction(handler, functionEnv(standin().url), { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: atOnce.ids.id, request: { headers: {}, cookies: {} } });
    expect(result.status).toBe(200);
    const whole = parseHandoffContext({ call_sid: VERIFIED_CALL, polyai: (result.body as { polyai: unknown }).polyai });
    expect(whole.notLoaded).toBeNull();
    expect(whole.summary).toBe(verified.data.summary);
    expect(whole.customer.name).toBe('Jordan Ellis');
  });
});
