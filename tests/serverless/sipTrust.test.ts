/**
 * Whose word the SIP route takes. Twilio documents `SipHeader_X-…` as the `X-` headers of the *incoming* INVITE
 * (the caller's side); PolyAI's own headers reach us only in the REFER's Refer-To URI (`ReferTransferTarget`) and
 * as `DialSipHeader_X-…` on `<Dial action>`. So a caller's header never names the conversation to fetch, never
 * becomes context, and never turns a hang-up into a Flex task; and what PolyAI's headers say about who the caller
 * is stays an unverified claim when PolyAI's API could not confirm it.
 */
import { parseHandoffContext } from '@polyai-context/model';
import { createSipHandoffHandler } from '../../serverless/src/functions/polyai-sip-handoff.protected';
import { UNVERIFIED_SIP_CLAIMS } from '../../serverless/src/lib/handback';
import { fixture } from '../support/fixtures';
import { functionEnv, invokeFunction, taskAttributesFrom, VERIFIED_CALL } from './support/functions';

/** Another caller's verified handoff, which PolyAI serves to whoever names its conversation id. */
const OTHER_CONVERSATION = 'CONV-OTHER-CALLER';
const otherCaller = fixture('handoff-state-verified.json');
const CALLER = '+447700900123';
const VOICE = { AccountSid: `AC${'1'.repeat(32)}`, CallSid: VERIFIED_CALL, From: CALLER, To: '+442071234567', CallStatus: 'in-progress', Direction: 'inbound' };
const GOODBYE = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Thank you for calling. Goodbye.</Say><Hangup/></Response>';

function polyaiServingOtherCaller(down = false) {
  const fetch = jest.fn(async (url: string | URL) => {
    const query = new URL(String(url)).searchParams;
    if (down) return new Response('{}', { status: 500 });
    const named = [query.get('id'), query.get('shared_id')].includes(OTHER_CONVERSATION);
    return named ? new Response(JSON.stringify(otherCaller), { status: 200 }) : new Response('{}', { status: 404 });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, asked: () => fetch.mock.calls.map(([url]) => new URL(String(url)).search) };
}

async function sipHandoff(params: Record<string, string>, down = false) {
  const api = polyaiServingOtherCaller(down);
  const result = await invokeFunction(createSipHandoffHandler({ fetch: api.fetch }), functionEnv(undefined, { POLYAI_INSIGHTS_SLOTS: '' }), { ...VOICE, ...params });
  return { result, asked: api.asked() };
}

function taskOf(result: { body: unknown; status: number; headers: Record<string, string> }) {
  const attributes = taskAttributesFrom('twiml', result);
  if (typeof attributes === 'string') throw new Error(`no task: ${attributes}`);
  return { attributes, context: parseHandoffContext(attributes) };
}

describe('a caller\'s SIP headers never decide whose context is shown', () => {
  it.each(['SipHeader_X-PolyAI-Conversation-Id', 'SipHeader_X-PolyAI-Shared-Id'])(
    'a REFER that names no id, with %s naming another caller\'s conversation: that conversation is never fetched',
    async (param) => {
      const { result, asked } = await sipHandoff({ ReferTransferTarget: '<sip:flex@acme.example.com>', [param]: OTHER_CONVERSATION });
      expect(asked.join()).not.toContain(OTHER_CONVERSATION);
      const { attributes, context } = taskOf(result);
      expect(JSON.stringify(attributes)).not.toMatch(/Jordan Ellis|12345|dob_and_postcode/);
      expect(context.verification).toBeNull();
      expect(context.customer).toEqual({ id: null, accountNumber: null, name: null });
      expect(context.ids.callSid).toBe(VERIFIED_CALL);
    },
  );

  it('the same id in PolyAI\'s own Refer-To header is looked up (the control: the route does work)', async () => {
    const { result, asked } = await sipHandoff({ ReferTransferTarget: `<sip:flex@acme.example.com?X-PolyAI-Conversation-Id=${OTHER_CONVERSATION}>` });
    expect(asked).toEqual([`?id=${OTHER_CONVERSATION}`]);
    expect(taskOf(result).context.customer.name).toBe('Jordan Ellis');
  });

  it.each(['completed', 'answered'])('a bare hang-up (DialCallStatus %s) carrying SipHeader_ parameters ends the call: no Flex task', async (status) => {
    const { result, asked } = await sipHandoff({
      DialCallStatus: status,
      'SipHeader_X-PolyAI-Conversation-Id': OTHER_CONVERSATION,
      'SipHeader_X-Reason': 'agent please',
      'SipHeader_X-Customer-ID': 'C-1',
    });
    expect(result.body).toBe(GOODBYE);
    expect(asked).toEqual([]);
  });

  it('a hang-up with PolyAI\'s own DialSipHeader_ is a SIP BYE handoff (the control)', async () => {
    const { result } = await sipHandoff({ DialCallStatus: 'completed', 'DialSipHeader_X-Reason': 'complaint' });
    expect(String(result.body)).toContain('<Enqueue');
  });
});

describe('PolyAI\'s API down: what PolyAI\'s headers say about identity is an unverified claim', () => {
  const referTo =
    '<sip:billing@acme.example.com?X-PolyAI-Conversation-Id=CONV-8&X-Call-Sid=CA00000000000000000000000000000042&X-Shared-Id=s-9' +
    '&X-Verified=true&X-Customer-ID=C-42&X-Caller-Name=Jordan%20Ellis&X-Reason=refund>';

  it('no header id becomes the call\'s id; name, "Verified" and customer id are listed as unverified claims, not shown as facts', async () => {
    const { result } = await sipHandoff({ ReferTransferTarget: referTo }, true);
    const { attributes, context } = taskOf(result);
    expect(context.ids).toEqual({ id: null, sharedId: null, callSid: VERIFIED_CALL });
    expect(context.verification).toBeNull();
    expect(context.customer).toEqual({ id: null, accountNumber: null, name: null });
    expect(context.reason).toBe('refund');
    expect(context.fields.map((field) => [field.path, field.value])).toEqual([
      [`${UNVERIFIED_SIP_CLAIMS}.call_sid`, 'CA00000000000000000000000000000042'],
      [`${UNVERIFIED_SIP_CLAIMS}.shared_id`, 's-9'],
      [`${UNVERIFIED_SIP_CLAIMS}.verified`, 'true'],
      [`${UNVERIFIED_SIP_CLAIMS}.customer_id`, 'C-42'],
      [`${UNVERIFIED_SIP_CLAIMS}.caller_name`, 'Jordan Ellis'],
    ]);
    // Flex Insights is told the caller's verification is unknown, not "Verified".
    expect((attributes.conversations as Record<string, string>).conversation_attribute_6).toBe('Unknown');
  });
});
