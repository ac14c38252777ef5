/**
 * What a caller, a flow or a browser sends never widens what a Function does: ids cannot change a PolyAI
 * URL, an invalid id is an error rather than a quiet switch to another id, and a Flex token has to name
 * this account.
 */
import fc from 'fast-check';

import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { createPolyaiHandoffHandler } from '../../serverless/src/functions/polyai-handoff.protected';
import { handoffLookup, isOpaqueId } from '../../serverless/src/lib/ids';
import { fuzz } from '../support/fuzz';
import { HELD_TASK_SID, captureLogs, FLEX_ORIGIN, flexToken, functionEnv, invokeFunction, VERIFIED_CALL } from './support/functions';

captureLogs();

// Characters that mean something in a URL path or query, or that a path would need encoded.
const URL_SPECIAL = ['/', '\\', '?', '#', '&', '=', '%', '+', ' ', '\n', '@', '<', '"', 'é'];

describe('handoff and shared ids', () => {
  it.each(['acme/1', 'a/../../admin', 'CA1/handoff_state', 'x?id=other', 'x#frag', 'x%2Fy', 'x\\y'])('refuses %s as an id or shared id', (id) => {
    expect(handoffLookup({ id })).toBeNull();
    expect(handoffLookup({ shared_id: id })).toBeNull();
  });

  it('never accepts an id holding a character that could change a PolyAI URL', () => {
    const id = fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...URL_SPECIAL), fc.string({ maxLength: 20 })).map((parts) => parts.join(''));
    fuzz(id, (value) => {
      expect(isOpaqueId(value)).toBe(false);
      expect(handoffLookup({ shared_id: value, call_sid: VERIFIED_CALL })).toBeNull();
    }, 0.01);
  });

  it.each([
    ['shared_id', { shared_id: 'acme/1', call_sid: VERIFIED_CALL }],
    ['id', { id: 'acme/1', CallSid: VERIFIED_CALL }],
  ])('treats an invalid %s as an error, never silently looking up the call instead', (_, event) => {
    expect(handoffLookup(event)).toBeNull();
  });

  it('never sends an invalid shared id to PolyAI from the Studio Function', async () => {
    const fetch = jest.fn(async (_url: string) => new Response('{"data":{"summary":"this call"}}', { status: 200 }));
    const handler = createPolyaiHandoffHandler({ fetch: fetch as unknown as typeof globalThis.fetch });
    await invokeFunction(handler, functionEnv(), { shared_id: 'acme/1', call_sid: VERIFIED_CALL });
    // The Function then looks the call up by its Call SID, the only valid id it was given.
    for (const [url] of fetch.mock.calls) expect(new URL(url).search).toBe(`?id=${VERIFIED_CALL}`);
  });
});

describe('Flex token account check', () => {
  function setUp() {
    const validateToken = jest.fn(async () => ({ valid: true }));
    const fetch = jest.fn(async () => new Response('{}', { status: 200 }));
    const handler = createPolyaiConversationHandler({ validateToken, fetch: fetch as unknown as typeof globalThis.fetch });
    const call = (Token: string) =>
      invokeFunction(handler, functionEnv(), { Token, taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
    return { call, validateToken, fetch };
  }

  it.each([
    ['without a sub claim', { sub: undefined }],
    ['whose sub is not text', { sub: 12345 as unknown as string }],
    ['whose sub is empty', { sub: '' }],
  ])('refuses a token %s (403) before Twilio or PolyAI is asked', async (_, claims) => {
    const { call, validateToken, fetch } = setUp();
    const result = await call(flexToken(claims));
    expect(result.status).toBe(403);
    expect(result.body).toEqual({ error: { status: 403, message: 'The Flex token belongs to another account.' } });
    expect(validateToken).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });
});
