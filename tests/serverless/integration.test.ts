/**
 * The Functions against the PolyAI stand-in over loopback: every scenario asserts the exact body Studio
 * (JSON) and the TwiML path (<Enqueue><Task>) hand to Flex, and how the plugin's model reads it.
 */
import { parseHandoffContext, toPolyaiAttributes } from '@polyai-context/model';
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { createHandoffToFlexHandler } from '../../serverless/src/functions/polyai-handoff-to-flex.protected';
import { createPolyaiHandoffHandler } from '../../serverless/src/functions/polyai-handoff.protected';
import type { StandinMode } from '../../devtools/polyai-standin/standin';
import { fixture } from '../support/fixtures';
import { unbound, HELD_TASK_SID,
  captureLogs,
  FLEX_ORIGIN,
  flexToken,
  functionEnv,
  invokeFunction,
  taskAttributesFrom,
  UNKNOWN_CALL,
  standinPerTest,
  VERIFIED_CALL,
} from './support/functions';

captureLogs();
const standin = standinPerTest({ slowMs: 1_000 });
const verified = fixture('handoff-state-verified.json');
/** What the Functions write: the compact attribute (see handoffAttributes). */
const compactVerified = toPolyaiAttributes({ ok: true, body: verified }).polyai;
const CALLER = { type: 'inbound', name: '+447700900123', from: '+447700900123' };

/**
 * Both routes for one call: what Studio's Send To Flex (the Function's JSON) and what <Enqueue><Task> after a
 * live-agent handoff would put on the task. Both come from one builder, so they must be equal.
 */
async function route(event: Record<string, string>, env: Record<string, string> = {}) {
  const context = functionEnv(standin().url, env);
  const studio = await invokeFunction(createPolyaiHandoffHandler(), context, { call_sid: event.CallSid, from: CALLER.from, ...event });
  const twiml = await invokeFunction(createHandoffToFlexHandler(), context, { From: CALLER.from, VirtualAgentStatus: 'live-agent-handoff', ...event });
  expect(studio.status).toBe(200);
  expect(twiml.status).toBe(200);
  expect(unbound(studio.body)).toEqual(unbound(taskAttributesFrom('twiml', twiml)));
  return { studio: unbound(studio.body), twiml: unbound(taskAttributesFrom('twiml', twiml)) };
}

function expectErrorMarker(routed: { studio: unknown; twiml: unknown }, callSid: string | null, status: number, message: string) {
  const polyai = { error: { status, message } };
  expect(routed.twiml).toEqual({ ...CALLER, ...(callSid ? { call_sid: callSid } : {}), polyai });
  for (const attributes of [routed.studio, routed.twiml]) {
    const context = parseHandoffContext(attributes);
    expect(context.status).toBe('unavailable');
    expect(context.error).toEqual({ status, message });
  }
}

describe('handoff over loopback', () => {
  it('200: the handoff state reaches the task and the plugin reads it as present', async () => {
    const routed = await route({ CallSid: VERIFIED_CALL });
    expect(routed.twiml).toEqual({ ...CALLER, name: 'Jordan Ellis', call_sid: VERIFIED_CALL, polyai: compactVerified });
    expect(parseHandoffContext(routed.twiml).status).toBe('present');
  });

  it('looks up a shared_id (Studio)', async () => {
    const studio = await invokeFunction(createPolyaiHandoffHandler(), functionEnv(standin().url), { shared_id: 'acme_2026-11-21_0001' });
    expect(unbound(studio.body)).toEqual({ type: 'inbound', polyai: fixture('handoff-state-minimal.json') });
  });

  it('looks up PolyAI\'s conversation id first, then the call SID when PolyAI has no data for it', async () => {
    const studio = await invokeFunction(createPolyaiHandoffHandler(), functionEnv(standin().url), { id: 'CONV-unknown', call_sid: VERIFIED_CALL });
    expect(unbound(studio.body)).toEqual({ type: 'inbound', name: 'Jordan Ellis', call_sid: VERIFIED_CALL, polyai: compactVerified });
    expect(standin().counts).toEqual({ ok: 2 });
  });

  it('404: error marker', async () => {
    expectErrorMarker(await route({ CallSid: UNKNOWN_CALL }), UNKNOWN_CALL, 404, 'PolyAI has no data for this call.');
  });

  it('401: a wrong API key is an error marker, not a failed flow', async () => {
    const routed = await route({ CallSid: VERIFIED_CALL }, { POLYAI_API_KEY: 'wrong' });
    expectErrorMarker(routed, VERIFIED_CALL, 401, "PolyAI refused the Function's API key (401).");
  });

  it('429 then 200: waits Retry-After once and routes with data', async () => {
    standin().setMode('429', { times: 1, retryAfter: 1 });
    const started = Date.now();
    const routed = await route({ CallSid: VERIFIED_CALL });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(routed.twiml).toEqual({ ...CALLER, name: 'Jordan Ellis', call_sid: VERIFIED_CALL, polyai: compactVerified });
    expect(standin().counts).toEqual({ 429: 1, ok: 2 });
  });

  it.each<[StandinMode, Record<string, string>, number, string, number]>([
    ['500', {}, 500, 'PolyAI had a server error (500).', 4],
    ['hang', { POLYAI_TIMEOUT_MS: '300' }, 504, 'PolyAI did not answer within 300 ms.', 2],
    ['slow', { POLYAI_TIMEOUT_MS: '300' }, 504, 'PolyAI did not answer within 300 ms.', 2],
    ['garbage', {}, 502, 'PolyAI answered with a body that is not JSON.', 2],
    ['403', {}, 403, "PolyAI refused the Function's API key (403).", 2],
  ])('%s: error marker, and the call is still routed', async (mode, env, status, message, requests) => {
    standin().setMode(mode);
    expectErrorMarker(await route({ CallSid: VERIFIED_CALL }, env), VERIFIED_CALL, status, message);
    expect(standin().counts[mode]).toBe(requests); // 5xx retried once per route, nothing else
  });

  it('invalid id: error marker, and PolyAI is never asked', async () => {
    const routed = await route({ CallSid: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9&id=other' });
    expectErrorMarker(routed, null, 400, 'No valid call SID, handoff id or shared id was given.');
    expect(standin().counts).toEqual({});
  });
});

describe('conversation over loopback', () => {
  async function fetchConversation(conversationId: string, env: Record<string, string> = {}) {
    // A supervisor may read any conversation: these cases are about PolyAI's answers, not task access.
    const handler = createPolyaiConversationHandler({ validateToken: async () => ({ valid: true, roles: ['supervisor'] }) });
    const event = { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId, request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } };
    return invokeFunction(handler, functionEnv(standin().url, env), event);
  }

  it('200: the Conversations API body as received', async () => {
    const result = await fetchConversation(VERIFIED_CALL);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ conversation: fixture('conversation.json') });
  });

  it.each<[StandinMode | null, string, Record<string, string>, number, string]>([
    [null, UNKNOWN_CALL, {}, 404, 'PolyAI has no data for this call.'],
    ['500', VERIFIED_CALL, {}, 500, 'PolyAI had a server error (500).'],
    ['hang', VERIFIED_CALL, { POLYAI_TIMEOUT_MS: '300' }, 504, 'PolyAI did not answer within 300 ms.'],
    ['garbage', VERIFIED_CALL, {}, 502, 'PolyAI answered with a body that is not JSON.'],
  ])('%s: HTTP status and body match', async (mode, id, env, status, message) => {
    if (mode) standin().setMode(mode);
    const result = await fetchConversation(id, env);
    expect(result.status).toBe(status);
    expect(result.body).toEqual({ error: { status, message } });
  });
});
