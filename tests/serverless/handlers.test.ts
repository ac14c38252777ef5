/** Handler unit tests: fake Twilio context and callback (the local runtime), fake fetch, no network. */
import { parseHandoffContext, toPolyaiAttributes } from '@polyai-context/model';
import { handler as incomingCall } from '../../serverless/src/functions/incoming-call.protected';
import { createHandoffToFlexHandler } from '../../serverless/src/functions/polyai-handoff-to-flex.protected';
import { createPolyaiHandoffHandler } from '../../serverless/src/functions/polyai-handoff.protected';
import { fixture } from '../support/fixtures';
import { unbound, captureLogs, functionEnv, invokeFunction, taskAttributesFrom, VERIFIED_CALL, WORKFLOW_SID } from './support/functions';

const logs = captureLogs();
const verified = fixture('handoff-state-verified.json');
/** What the Functions write: the compact attribute (see handoffAttributes). */
const compactVerified = toPolyaiAttributes({ ok: true, body: verified }).polyai;

function fetchAnswering(status: number, body: unknown) {
  return jest.fn(async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch & jest.Mock;
}

describe('polyai-handoff (Studio Run Function)', () => {
  it('answers 200 with the task attributes (caller, call SID, polyai) and logs no key and no caller data', async () => {
    const fetch = fetchAnswering(200, verified);
    const result = await invokeFunction(createPolyaiHandoffHandler({ fetch }), functionEnv(), { call_sid: VERIFIED_CALL, from: '+447700900123' });
    expect({ ...result, body: unbound(result.body) }).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { type: 'inbound', name: 'Jordan Ellis', from: '+447700900123', call_sid: VERIFIED_CALL, polyai: compactVerified },
    });
    expect(logs()).toHaveLength(1);
    expect(logs()[0]).toMatch(/"fn":"polyai-handoff","outcome":"ok","status":200,"attempts":1/);
    expect(logs().join()).not.toMatch(new RegExp(`${VERIFIED_CALL}|standin-key|Jordan|447700900123`));
  });

  it('answers 200 with an error marker for an invalid id, without calling PolyAI', async () => {
    const fetch = fetchAnswering(200, verified);
    const result = await invokeFunction(createPolyaiHandoffHandler({ fetch }), functionEnv(), { call_sid: 'CA<script>' });
    expect(result.body).toEqual({ type: 'inbound', polyai: { error: { status: 400, message: 'No valid call SID, handoff id or shared id was given.' } } });
    expect(fetch).not.toHaveBeenCalled();
    expect(logs().join()).not.toMatch(/script/);
  });

  it('answers 200 with an error marker when it is not configured', async () => {
    const result = await invokeFunction(createPolyaiHandoffHandler(), functionEnv(undefined, { POLYAI_API_KEY: '' }), { call_sid: VERIFIED_CALL });
    expect({ ...result, body: unbound(result.body) }).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { type: 'inbound', call_sid: VERIFIED_CALL, polyai: { error: { status: null, message: 'The PolyAI Functions are not configured.' } } },
    });
    expect(parseHandoffContext(result.body).status).toBe('unavailable');
  });

  it('still answers 200 when something unexpected throws', async () => {
    const fetch = jest.fn(() => {
      throw new Error('boom');
    }) as unknown as typeof globalThis.fetch;
    const result = await invokeFunction(createPolyaiHandoffHandler({ fetch }), functionEnv(), { call_sid: VERIFIED_CALL });
    expect(result.status).toBe(200);
    expect(parseHandoffContext(result.body).status).toBe('unavailable');
  });
});

describe('incoming-call (TwiML)', () => {
  it('hands the call to the PolyAI connector with the handoff Function as <Connect action>', async () => {
    const result = await invokeFunction(incomingCall, functionEnv(undefined, { POLYAI_CONNECTOR_NAME: 'polyai_acme "live"' }), { CallSid: VERIFIED_CALL });
    expect(result).toEqual({
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body:
        '<?xml version="1.0" encoding="UTF-8"?><Response><Connect action="/polyai-handoff-to-flex">' +
        '<VirtualAgent connectorName="polyai_acme &quot;live&quot;"/></Connect></Response>',
    });
  });

  it('sends the call straight to Flex with an error marker when neither route is configured', async () => {
    const result = await invokeFunction(incomingCall, functionEnv(), { CallSid: VERIFIED_CALL, From: '+447700900123' });
    // The task's binding (lib/taskBinding) ends the attributes; its expiry follows the clock.
    const binding = /,&quot;polyai_access&quot;:&quot;[0-9a-z]+\.[\w-]{16}&quot;}<\/Task>/;
    expect(String(result.body)).toMatch(binding);
    expect(String(result.body).replace(binding, '}</Task>')).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><Response><Enqueue workflowSid="${WORKFLOW_SID}"><Task>` +
        '{&quot;type&quot;:&quot;inbound&quot;,&quot;name&quot;:&quot;+447700900123&quot;,&quot;from&quot;:&quot;+447700900123&quot;,' +
        `&quot;call_sid&quot;:&quot;${VERIFIED_CALL}&quot;,&quot;polyai&quot;:{&quot;error&quot;:{&quot;status&quot;:null,` +
        '&quot;message&quot;:&quot;Neither PolyAI&apos;s SIP address nor a PolyAI connector is configured.&quot;}}}</Task></Enqueue></Response>',
    );
  });

  it('fails loudly (so the number\'s fallback URL runs) without a valid workflow SID', async () => {
    const result = await invokeFunction(incomingCall, functionEnv(undefined, { FLEX_WORKFLOW_SID: 'WWnope' }), {});
    expect(result.status).toBe(500);
  });
});

describe('polyai-handoff-to-flex (TwiML <Connect action>)', () => {
  it('enqueues to Flex with the handoff state in <Task>', async () => {
    const fetch = fetchAnswering(200, verified);
    const result = await invokeFunction(createHandoffToFlexHandler({ fetch }), functionEnv(), { CallSid: VERIFIED_CALL, From: '+447700900123' });
    expect(result.headers).toEqual({ 'content-type': 'text/xml' });
    expect(unbound(taskAttributesFrom('twiml', result))).toEqual({
      type: 'inbound',
      // The verified caller's name from PolyAI is what Flex shows (POLYAI_TASK_NAME, taskName.test.ts).
      name: 'Jordan Ellis',
      from: '+447700900123',
      call_sid: VERIFIED_CALL,
      polyai: compactVerified,
    });
  });

  it('enqueues with an error marker when PolyAI fails', async () => {
    const fetch = fetchAnswering(404, { error_message: 'No handoff state found for the given id' });
    const result = await invokeFunction(createHandoffToFlexHandler({ fetch }), functionEnv(), { CallSid: VERIFIED_CALL });
    expect(result.body).toContain(`<Enqueue workflowSid="${WORKFLOW_SID}"><Task>`);
    expect(result.body).toContain('&quot;polyai&quot;:{&quot;error&quot;:{&quot;status&quot;:404,&quot;message&quot;:&quot;PolyAI has no data for this call.&quot;}}');
  });
});
