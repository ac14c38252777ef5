/**
 * Every way PolyAI gives a call back, as simulated Twilio requests with the parameters Twilio documents:
 * `<Connect action>` (`VirtualAgentStatus`, `VirtualAgentProviderData`, `VirtualAgentError(Code)`), the SIP
 * route's `referUrl` (`ReferTransferTarget` with the Refer-To URI's `X-` headers) and `<Dial action>`
 * (`DialCallStatus`, `DialSipResponseCode`, `DialSipHeader_X-…`). PolyAI is a fake fetch: no network.
 */
import { parseHandoffContext, toPolyaiAttributes } from '@polyai-context/model';
import { handler as incomingCall } from '../../serverless/src/functions/incoming-call.protected';
import { createHandoffToFlexHandler } from '../../serverless/src/functions/polyai-handoff-to-flex.protected';
import { createSipHandoffHandler } from '../../serverless/src/functions/polyai-sip-handoff.protected';
import { readSipHandback } from '../../serverless/src/lib/sipHeaders';
import { fixture } from '../support/fixtures';
import { captureLogs, functionEnv, invokeFunction, taskAttributesFrom, unbound, VERIFIED_CALL, WORKFLOW_SID } from './support/functions';

const logs = captureLogs();
const verified = fixture('handoff-state-verified.json');
/** What the Functions write: the compact attribute (see handoffAttributes). */
const compactVerified = toPolyaiAttributes({ ok: true, body: verified }).polyai;
const CALLER = '+447700900123';
const CHILD_CALL = `CA${'d'.repeat(32)}`;
/** Parameters of every Twilio voice webhook (Twilio's "TwiML request parameters"). */
const VOICE = { AccountSid: `AC${'1'.repeat(32)}`, CallSid: VERIFIED_CALL, From: CALLER, To: '+442071234567', CallStatus: 'in-progress', Direction: 'inbound', ApiVersion: '2010-04-01' };
const XML = '<?xml version="1.0" encoding="UTF-8"?>';

/** A fake PolyAI Handoff API: `answer(query)` decides per request, e.g. 404 for one id and 200 for another. */
function polyai(answer: (query: URLSearchParams) => { status: number; body?: unknown }) {
  const fetch = jest.fn(async (url: string | URL) => {
    const { status, body } = answer(new URL(String(url)).searchParams);
    return new Response(JSON.stringify(body ?? { error_message: 'x' }), { status });
  });
  const queries = () => fetch.mock.calls.map(([url]) => new URL(String(url)).search);
  return { fetch: fetch as unknown as typeof globalThis.fetch, queries };
}
const always = (status: number, body?: unknown) => polyai(() => ({ status, body }));

function contextOf(result: { body: unknown; status: number; headers: Record<string, string> }) {
  const attributes = taskAttributesFrom('twiml', result);
  if (typeof attributes === 'string') throw new Error(`no task: ${attributes} in ${String(result.body)}`);
  return { attributes, context: parseHandoffContext(attributes) };
}

describe('incoming-call: the number\'s voice webhook', () => {
  it('dials PolyAI\'s SIP address with the hand-back Function as referUrl and action', async () => {
    const result = await invokeFunction(incomingCall, functionEnv(undefined, { POLYAI_SIP_URI: 'sip:acme@polyai.example.com;transport=tls?X-Src=twilio&X-B=1' }), VOICE);
    expect(result).toEqual({
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body:
        `${XML}<Response><Dial referUrl="/polyai-sip-handoff" action="/polyai-sip-handoff">` +
        '<Sip>sip:acme@polyai.example.com;transport=tls?X-Src=twilio&amp;X-B=1</Sip></Dial></Response>',
    });
  });

  it('prefers the SIP route over the connector when both are configured', async () => {
    const result = await invokeFunction(incomingCall, functionEnv(undefined, { POLYAI_SIP_URI: 'sips:acme@polyai.example.com', POLYAI_CONNECTOR_NAME: 'polyai' }), VOICE);
    expect(result.body).toContain('<Sip>sips:acme@polyai.example.com</Sip>');
    expect(result.body).not.toContain('<Connect');
  });

  it.each(['http://polyai.example.com', 'sip:a b@c', 'sip:x@y"><Hangup/>', 'tel:+14155550100', 'xsip:acme@polyai.example.com', 'call sip:acme@polyai.example.com'])('ignores %p as a SIP address', async (uri) => {
    const result = await invokeFunction(incomingCall, functionEnv(undefined, { POLYAI_SIP_URI: uri, POLYAI_CONNECTOR_NAME: 'polyai' }), VOICE);
    expect(result.body).toContain('<Connect action="/polyai-handoff-to-flex"><VirtualAgent connectorName="polyai"/></Connect>');
  });

  it.each<Record<string, string>>([{ POLYAI_SIP_URI: 'sip:acme@polyai.example.com' }, { POLYAI_CONNECTOR_NAME: 'polyai' }])(
    'without a workflow, %p fails at once (the number\'s fallback URL takes the call) instead of at the hand-back',
    async (route) => {
      const result = await invokeFunction(incomingCall, functionEnv(undefined, { ...route, FLEX_WORKFLOW_SID: '' }), VOICE);
      expect(result.status).toBe(500);
      expect(logs()).toEqual(['{"fn":"incoming-call","outcome":"not-configured"}']);
    },
  );

  it('a SIP address that is not one, and no connector: Flex, saying what to fix', async () => {
    const result = await invokeFunction(incomingCall, functionEnv(undefined, { POLYAI_SIP_URI: 'polyai.example.com' }), VOICE);
    expect(contextOf(result).context.error).toEqual({ status: null, message: 'POLYAI_SIP_URI is not a SIP address (sip:… or sips:…).' });
  });
});

describe('polyai-handoff-to-flex: <Connect action> by VirtualAgentStatus', () => {
  const connect = (params: Record<string, string>, fetch: typeof globalThis.fetch, env: Record<string, string> = {}) =>
    invokeFunction(createHandoffToFlexHandler({ fetch }), functionEnv(undefined, env), { ...VOICE, VirtualAgentProvider: 'PolyAI', ...params });

  it('completed: no Flex task, a goodbye and a hang-up, and PolyAI is not asked', async () => {
    const api = always(200, verified);
    const result = await connect({ VirtualAgentStatus: 'completed' }, api.fetch);
    expect(result.body).toBe(`${XML}<Response><Say>Thank you for calling. Goodbye.</Say><Hangup/></Response>`);
    expect(api.queries()).toEqual([]);
    expect(logs()).toEqual(['{"fn":"polyai-handoff-to-flex","outcome":"completed"}']);
  });

  it('completed: the goodbye is the admin\'s, escaped, in their language, and needs no workflow', async () => {
    const env = { POLYAI_GOODBYE_MESSAGE: 'Merci & au revoir <3', POLYAI_GOODBYE_LANGUAGE: 'fr-FR', FLEX_WORKFLOW_SID: '' };
    const result = await connect({ VirtualAgentStatus: 'completed' }, always(200).fetch, env);
    expect(result.body).toBe(`${XML}<Response><Say language="fr-FR">Merci &amp; au revoir &lt;3</Say><Hangup/></Response>`);
    const odd = await connect({ VirtualAgentStatus: 'completed' }, always(200).fetch, { POLYAI_GOODBYE_LANGUAGE: 'fr" voice="x' });
    expect(odd.body).toBe(`${XML}<Response><Say>Thank you for calling. Goodbye.</Say><Hangup/></Response>`);
  });

  it.each(['fr', 'es-419', 'zh-Hant-TW', 'yue-HK'])('completed: says the goodbye in %p (a language, with up to two subtags)', async (language) => {
    const result = await connect({ VirtualAgentStatus: 'completed' }, always(200).fetch, { POLYAI_GOODBYE_LANGUAGE: language });
    expect(result.body).toBe(`${XML}<Response><Say language="${language}">Thank you for calling. Goodbye.</Say><Hangup/></Response>`);
  });

  it.each(['f', 'engl', 'en-G', 'en-Latn-GB-oxford', 'x-en', 'en" voice="Polly.Amy', 'fr-FR-'])(
    'completed: %p is not a language tag, so the goodbye is said without one',
    async (language) => {
      const result = await connect({ VirtualAgentStatus: 'completed' }, always(200).fetch, { POLYAI_GOODBYE_LANGUAGE: language });
      expect(result.body).toBe(`${XML}<Response><Say>Thank you for calling. Goodbye.</Say><Hangup/></Response>`);
    },
  );

  it('hangup: the caller left, nothing is routed', async () => {
    const result = await connect({ VirtualAgentStatus: 'hangup', CallStatus: 'completed' }, always(200, verified).fetch);
    expect(result.body).toBe(`${XML}<Response><Hangup/></Response>`);
    expect(logs()).toEqual(['{"fn":"polyai-handoff-to-flex","outcome":"caller-gone"}']);
  });

  it('live-agent-handoff without a conversation id: the Call SID is looked up and nothing is logged as a skipped id', async () => {
    for (const params of [{}, { VirtualAgentProviderData: '{"EndUserId":"u1"}' }, { VirtualAgentProviderData: '{"ConversationId":"../admin"}' }] as Array<Record<string, string>>) {
      const api = always(200, verified);
      await connect({ VirtualAgentStatus: 'live-agent-handoff', ...params }, api.fetch);
      expect(api.queries()).toEqual([`?id=${VERIFIED_CALL}`]);
    }
    expect(logs().map((line) => JSON.parse(line).outcome)).toEqual(['ok', 'ok', 'ok']);
  });

  it('live-agent-handoff: the conversation id in VirtualAgentProviderData is the handoff id', async () => {
    const api = always(200, verified);
    const providerData = JSON.stringify({ ConversationId: 'CONV-1234567890', EndUserId: 'u1', AgentHandoffParameters: { reason: 'billing' } });
    const result = await connect({ VirtualAgentStatus: 'live-agent-handoff', VirtualAgentProviderData: providerData }, api.fetch);
    expect(api.queries()).toEqual(['?id=CONV-1234567890']);
    expect(unbound(contextOf(result).attributes)).toEqual({ type: 'inbound', name: 'Jordan Ellis', from: CALLER, call_sid: VERIFIED_CALL, polyai: compactVerified });
  });

  it('live-agent-handoff: PolyAI has no data for the conversation id → the Call SID', async () => {
    const api = polyai((query) => (query.get('id') === VERIFIED_CALL ? { status: 200, body: verified } : { status: 404 }));
    const result = await connect({ VirtualAgentStatus: 'live-agent-handoff', VirtualAgentProviderData: '{"ConversationId":"CONV-9"}' }, api.fetch);
    expect(api.queries()).toEqual(['?id=CONV-9', `?id=${VERIFIED_CALL}`]);
    expect(contextOf(result).context.status).toBe('present');
  });

  it('does not try the Call SID after a slow 404: the hand-back stays within Studio\'s 10 s', async () => {
    const slow404 = jest.fn(() => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response('{}', { status: 404 })), 1_600)));
    const result = await connect({ VirtualAgentStatus: 'live-agent-handoff', VirtualAgentProviderData: '{"ConversationId":"CONV-9"}' }, slow404 as unknown as typeof fetch);
    expect(slow404).toHaveBeenCalledTimes(1);
    expect(contextOf(result).context.error).toEqual({ status: 404, message: 'PolyAI has no data for this call.' });
  });

  it('asks PolyAI once when the conversation id is the Call SID', async () => {
    const api = always(404);
    await connect({ VirtualAgentStatus: 'live-agent-handoff', VirtualAgentProviderData: JSON.stringify({ ConversationId: VERIFIED_CALL }) }, api.fetch);
    expect(api.queries()).toEqual([`?id=${VERIFIED_CALL}`]);
  });

  it.each([
    ['not JSON', '{ConversationId=CONV-1'],
    ['a Dialogflow path', '{"ConversationId":"projects/p/locations/l/conversations/c"}'],
    ['a list', '["CONV-1"]'],
    ['too long', JSON.stringify({ ConversationId: 'CONV-1', pad: 'x'.repeat(30_000) })],
  ])('live-agent-handoff with provider data that is %s: the Call SID', async (_, providerData) => {
    const api = always(200, verified);
    await connect({ VirtualAgentStatus: 'live-agent-handoff', VirtualAgentProviderData: providerData }, api.fetch);
    expect(api.queries()).toEqual([`?id=${VERIFIED_CALL}`]);
  });

  it.each([
    [{ VirtualAgentStatus: 'failed', VirtualAgentErrorCode: '32601', VirtualAgentError: 'Provider "polyai" timed out' }, 'PolyAI\'s virtual agent failed (error 32601): Provider "polyai" timed out'],
    [{ VirtualAgentStatus: 'failed' }, 'PolyAI\'s virtual agent failed.'],
    [{ VirtualAgentStatus: 'completed', VirtualAgentErrorCode: '32600' }, 'PolyAI\'s virtual agent failed (error 32600).'],
  ])('%p: Flex with "unavailable" and the reason, PolyAI not asked', async (params, message) => {
    const api = always(200, verified);
    const { attributes, context } = contextOf(await connect(params, api.fetch));
    expect(attributes.polyai).toEqual({ error: { status: null, message } });
    expect(context.status).toBe('unavailable');
    expect(api.queries()).toEqual([]);
    expect(logs()).toEqual(['{"fn":"polyai-handoff-to-flex","outcome":"agent-failed"}']);
  });

  it('failed: the reason is cut to 200 characters and the error code to 16', async () => {
    const params = { VirtualAgentStatus: 'failed', VirtualAgentErrorCode: `3260${'9'.repeat(36)}`, VirtualAgentError: `${'r'.repeat(200)}${'s'.repeat(50)}` };
    const { attributes } = contextOf(await connect(params, always(200, verified).fetch));
    expect(attributes.polyai).toEqual({ error: { status: null, message: `PolyAI's virtual agent failed (error 3260${'9'.repeat(12)}): ${'r'.repeat(200)}` } });
  });

  it('failed: a reason cut at 200 characters never ends in half an emoji', async () => {
    const params = { VirtualAgentStatus: 'failed', VirtualAgentError: `${'r'.repeat(199)}😀 and more` };
    const { attributes } = contextOf(await connect(params, always(200, verified).fetch));
    expect(attributes.polyai).toEqual({ error: { status: null, message: `PolyAI's virtual agent failed: ${'r'.repeat(199)}` } });
  });

  it.each(['paused', ''])('%p (or an older connector without a status): treated as a handoff, never dropped', async (status) => {
    const api = always(200, verified);
    const result = await connect(status === '' ? {} : { VirtualAgentStatus: status }, api.fetch);
    expect(contextOf(result).context.status).toBe('present');
  });

  it('a handoff without a workflow fails loudly so the number\'s fallback URL runs', async () => {
    const result = await connect({ VirtualAgentStatus: 'live-agent-handoff' }, always(200, verified).fetch, { FLEX_WORKFLOW_SID: 'WWnope' });
    expect(result).toEqual({ status: 500, headers: {}, body: 'FLEX_WORKFLOW_SID is not set: the number\'s fallback URL takes the call.' });
    expect(logs()).toEqual(['{"fn":"polyai-handoff-to-flex","outcome":"not-configured"}']);
  });
});

describe('polyai-sip-handoff: PolyAI\'s SIP REFER (referUrl)', () => {
  const refer = (params: Record<string, string>, fetch: typeof globalThis.fetch, env: Record<string, string> = {}) =>
    invokeFunction(createSipHandoffHandler({ fetch }), functionEnv(undefined, env), { ...VOICE, ...params });

  it('looks up the shared id from the configured X- header and enqueues with the handoff state', async () => {
    const api = always(200, verified);
    const result = await refer({ ReferTransferTarget: '<sip:flex@acme.example.com?X-PolyAI-Shared-Id=acme_2026-11-21_0001&X-Customer-ID=C-1>' }, api.fetch);
    expect(api.queries()).toEqual(['?shared_id=acme_2026-11-21_0001']);
    const { attributes, context } = contextOf(result);
    // PolyAI's API answered: its data is the context, the headers are not mixed in.
    expect(unbound(attributes)).toEqual({ type: 'inbound', name: 'Jordan Ellis', from: CALLER, call_sid: VERIFIED_CALL, polyai: compactVerified });
    expect(context.status).toBe('present');
    expect(result.body).toContain(`<Enqueue workflowSid="${WORKFLOW_SID}">`);
  });

  it('reads the header names the admin configured', async () => {
    const api = always(200, verified);
    await refer({ ReferTransferTarget: 'sip:flex@acme.example.com?x-conv=CONV-77' }, api.fetch, { POLYAI_SIP_ID_HEADER: 'X-Conv' });
    expect(api.queries()).toEqual(['?id=CONV-77']);
  });

  it('without an id header: the leg PolyAI answered, then the caller\'s call SID, moving on at 404', async () => {
    const api = polyai((query) => (query.get('id') === VERIFIED_CALL ? { status: 200, body: verified } : { status: 404 }));
    const result = await refer({ ReferTransferTarget: 'sip:+14155550100@acme.example.com', DialCallSid: CHILD_CALL }, api.fetch);
    expect(api.queries()).toEqual([`?id=${CHILD_CALL}`, `?id=${VERIFIED_CALL}`]);
    expect(contextOf(result).context.status).toBe('present');
  });

  it('PolyAI\'s API failing: the X- headers become the agent\'s context, marked partial, with the error', async () => {
    const api = always(500);
    const result = await refer(
      { ReferTransferTarget: '<sip:billing@acme.example.com;transport=tls?X-PolyAI-Shared-Id=s-1&X-Customer-ID=C-42&X-Reason=refund%20request&X-Verified=true&X-Caller-ID=+447700900999&X-Twilio-CallSid=CA1>' },
      api.fetch,
    );
    const { attributes, context } = contextOf(result);
    // Ids and identity values nothing fetched server-side confirmed: no envelope id, claims kept apart.
    expect(attributes.polyai).toEqual({
      data: { reason: 'refund request', caller_id: '+447700900999', destination: 'billing', unverified_sip_headers: { customer_id: 'C-42', verified: 'true' } },
      error: { status: 500, message: 'PolyAI had a server error (500).' },
    });
    expect(context.status).toBe('partial');
    expect(context.customer.id).toBeNull();
    expect(context.verification).toBeNull();
    expect(context.ids).toEqual({ id: null, sharedId: null, callSid: VERIFIED_CALL });
    expect(context.reason).toBe('refund request');
    expect(context.error).toEqual({ status: 500, message: 'PolyAI had a server error (500).' });
    expect(logs().join()).not.toMatch(/C-42|refund|s-1|447700900123/);
  });

  it('PolyAI\'s API failing: the conversation id header was only a lookup, never the context\'s id', async () => {
    const result = await refer({ ReferTransferTarget: '<sip:flex@acme.example.com?X-PolyAI-Conversation-Id=CONV-8&X-Reason=complaint>' }, always(500).fetch);
    expect(contextOf(result).attributes.polyai).toEqual({
      data: { reason: 'complaint', destination: 'flex' },
      error: { status: 500, message: 'PolyAI had a server error (500).' },
    });
  });

  it('PolyAI\'s API failing: an X-Destination header is the destination, not the REFER target', async () => {
    const result = await refer({ ReferTransferTarget: '<sip:flex@acme.example.com?X-Destination=billing_queue>' }, always(500).fetch);
    expect((contextOf(result).attributes.polyai as { data: unknown }).data).toEqual({ destination: 'billing_queue' });
  });

  it('a malformed call SID in Twilio\'s parameters is left out, not logged as a skipped id header', async () => {
    const api = always(200, verified);
    await refer({ ReferTransferTarget: 'sip:flex@acme.example.com?X-PolyAI-Conversation-Id=CONV-8', CallSid: 'CAnot-a-sid' }, api.fetch);
    expect(api.queries()).toEqual(['?id=CONV-8']);
    expect(logs().map((line) => JSON.parse(line).outcome)).toEqual(['ok']);
  });

  it('never reads SipHeader_ parameters (the caller\'s INVITE): not as context, not as an id to look up', async () => {
    const api = always(404);
    const result = await refer({ ReferTransferTarget: 'sip:flex@acme.example.com', 'SipHeader_X-Customer-ID': 'C-7', 'SipHeader_X-PolyAI-Shared-Id': 'other' }, api.fetch);
    expect(api.queries()).toEqual([`?id=${VERIFIED_CALL}`]);
    expect(JSON.stringify(contextOf(result).attributes)).not.toMatch(/C-7|other/);
  });

  it('an id header that is not a valid id: the call SIDs are tried, and the log tells the admin it was skipped', async () => {
    const api = always(200, verified);
    const result = await refer({ ReferTransferTarget: 'sip:flex@acme.example.com?X-PolyAI-Conversation-Id=../admin' }, api.fetch);
    expect(api.queries()).toEqual([`?id=${VERIFIED_CALL}`]);
    expect(contextOf(result).context.status).toBe('present');
    expect(logs()).toContainEqual(JSON.stringify({ fn: 'polyai-sip-handoff', outcome: 'invalid-id', skipped: 1 }));
    expect(logs().join()).not.toContain('admin');
  });

  it('no usable id and no headers: enqueued with the "invalid id" marker, PolyAI never asked', async () => {
    const api = always(200, verified);
    const result = await refer({ ReferTransferTarget: 'sip:flex@acme.example.com?X-PolyAI-Conversation-Id=../admin', CallSid: 'nope' }, api.fetch);
    expect(api.queries()).toEqual([]);
    const { attributes, context } = contextOf(result);
    expect(attributes.polyai).toEqual({
      data: { destination: 'flex' },
      error: { status: 400, message: 'No valid call SID, handoff id or shared id was given.' },
    });
    expect(context.status).toBe('partial');
  });

  it('bounds hostile headers: valid TwiML, values kept as text, at most 32 headers of 512 characters', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `X-H${i}=${i}`).join('&');
    const hostile = encodeURIComponent('"</Task><Hangup/>&amp;');
    const result = await refer(
      { ReferTransferTarget: `<sip:flex@acme.example.com?X-Evil=${hostile}&X-Long=${'a'.repeat(600)}&Bad Name=1&${many}>` },
      always(500).fetch,
    );
    const data = (contextOf(result).attributes.polyai as { data: Record<string, string> }).data;
    expect(data.evil).toBe('"</Task><Hangup/>&amp;');
    // The parser keeps 512 characters of a value; the task keeps what fits its attribute budget.
    const target = `<sip:flex@acme.example.com?X-Evil=${hostile}&X-Long=${'a'.repeat(600)}&Bad Name=1&${many}>`;
    expect(readSipHandback({ ReferTransferTarget: target }, []).headers.get('x-long')).toHaveLength(512);
    // 32 headers and the destination: what does not fit the task attribute budget is named in the marker.
    const incomplete = (contextOf(result).attributes.polyai as { incomplete?: { count: number; keys: string[] } }).incomplete;
    expect(incomplete?.keys).toContain('long');
    expect(Object.keys(data).length + (incomplete?.count ?? 0)).toBe(32 + 1);
    expect(result.body).not.toContain('<Hangup/>');
  });
});

describe('polyai-sip-handoff: the end of PolyAI\'s SIP leg (<Dial action>)', () => {
  const dialEnded = (params: Record<string, string>, fetch: typeof globalThis.fetch) =>
    invokeFunction(createSipHandoffHandler({ fetch }), functionEnv(), { ...VOICE, DialCallSid: CHILD_CALL, ...params });

  it('PolyAI hung up without headers: the agent finished the call, no Flex task', async () => {
    const api = always(200, verified);
    const result = await dialEnded({ DialCallStatus: 'completed', DialSipResponseCode: '200' }, api.fetch);
    expect(result.body).toBe(`${XML}<Response><Say>Thank you for calling. Goodbye.</Say><Hangup/></Response>`);
    expect(api.queries()).toEqual([]);
  });

  it('PolyAI answered and hung up without headers: the agent finished the call, no Flex task', async () => {
    const api = always(200, verified);
    const result = await dialEnded({ DialCallStatus: 'answered' }, api.fetch);
    expect(result.body).toBe(`${XML}<Response><Say>Thank you for calling. Goodbye.</Say><Hangup/></Response>`);
    expect(api.queries()).toEqual([]);
  });

  it('PolyAI answered and hung up with X- headers: a SIP BYE handoff, enqueued with the handoff state', async () => {
    const api = always(200, verified);
    const result = await dialEnded({ DialCallStatus: 'answered', 'DialSipHeader_X-PolyAI-Conversation-Id': 'CONV-5' }, api.fetch);
    expect(api.queries()).toEqual(['?id=CONV-5']);
    expect(contextOf(result).context.status).toBe('present');
  });

  it('SIP BYE handoff whose only header is the id, PolyAI\'s API failing: the error alone, nothing partial to show', async () => {
    const result = await dialEnded({ DialCallStatus: 'completed', 'DialSipHeader_X-PolyAI-Conversation-Id': 'CONV-5' }, always(500).fetch);
    const { attributes, context } = contextOf(result);
    expect(attributes.polyai).toEqual({ error: { status: 500, message: 'PolyAI had a server error (500).' } });
    expect(context.status).toBe('unavailable');
  });

  it('SIP BYE handoff with X- headers: enqueued with the handoff state', async () => {
    const api = always(200, verified);
    const result = await dialEnded({ DialCallStatus: 'completed', 'DialSipHeader_X-PolyAI-Conversation-Id': 'CONV-5', 'DialSipHeader_X-Reason': 'complaint' }, api.fetch);
    expect(api.queries()).toEqual(['?id=CONV-5']);
    expect(contextOf(result).context.status).toBe('present');
  });

  it.each([
    [{ DialCallStatus: 'no-answer', DialSipResponseCode: '480' }, 'PolyAI\'s SIP address did not take the call (no-answer, SIP 480).'],
    [{ DialCallStatus: 'busy', DialSipResponseCode: '486' }, 'PolyAI\'s SIP address did not take the call (busy, SIP 486).'],
    [{ DialCallStatus: 'failed', DialSipResponseCode: 'x<y' }, 'PolyAI\'s SIP address did not take the call (failed).'],
    [{ DialCallStatus: 'failed', DialSipResponseCode: '5031' }, 'PolyAI\'s SIP address did not take the call (failed).'],
    [{ DialCallStatus: 'failed', DialSipResponseCode: 'x503' }, 'PolyAI\'s SIP address did not take the call (failed).'],
    [{ DialCallStatus: 'failed', DialSipResponseCode: '603' }, 'PolyAI\'s SIP address did not take the call (failed, SIP 603).'],
    [{}, 'PolyAI gave the call back without a SIP REFER or a dial result.'],
  ])('%p: Flex with "unavailable" and why', async (params, message) => {
    const { attributes, context } = contextOf(await dialEnded(params, always(200, verified).fetch));
    expect(attributes.polyai).toEqual({ error: { status: null, message } });
    expect(context.status).toBe('unavailable');
  });

  it.each<Record<string, string>>([{ DialCallStatus: 'canceled' }, { DialCallStatus: 'completed', CallStatus: 'completed', 'DialSipHeader_X-Reason': 'x' }])('%p: the caller left, nothing is routed', async (params) => {
    const result = await dialEnded(params, always(200, verified).fetch);
    expect(result.body).toBe(`${XML}<Response><Hangup/></Response>`);
    expect(logs()).toEqual(['{"fn":"polyai-sip-handoff","outcome":"caller-gone"}']);
  });

  it.each(['canceled', 'busy', 'no-answer', 'failed'])('the caller\'s call is %p: nothing is routed, even after a SIP BYE handoff', async (callStatus) => {
    const api = always(200, verified);
    const result = await dialEnded({ CallStatus: callStatus, DialCallStatus: 'completed', 'DialSipHeader_X-PolyAI-Conversation-Id': 'CONV-5' }, api.fetch);
    expect(result.body).toBe(`${XML}<Response><Hangup/></Response>`);
    expect(api.queries()).toEqual([]);
  });
});
