/**
 * Every route that creates a Flex task writes the handoff's Flex Insights values (default slots) through the one
 * builder (`enqueueAttributes`): Studio's Run Function, `<Connect action>`, PolyAI's SIP REFER and the fallback
 * without PolyAI. The PolyAI stand-in answers over loopback.
 */
import { handler as incomingCall } from '../../serverless/src/functions/incoming-call.protected';
import { createHandoffToFlexHandler } from '../../serverless/src/functions/polyai-handoff-to-flex.protected';
import { createPolyaiHandoffHandler } from '../../serverless/src/functions/polyai-handoff.protected';
import { createSipHandoffHandler } from '../../serverless/src/functions/polyai-sip-handoff.protected';
import { captureLogs, functionEnv, invokeFunction, standinPerTest, taskAttributesFrom, VERIFIED_CALL } from './support/functions';

captureLogs();
const standin = standinPerTest();
const VERIFIED_INSIGHTS = {
  conversation_attribute_4: 'billing_dispute',
  conversation_attribute_5: 'dispute_charge',
  conversation_attribute_6: 'Verified',
  conversation_attribute_7: 'billing_queue',
  conversation_attribute_8: 'Present',
};
/** Insights on (the deployed default): the test environment turns them off for the other route tests. */
const env = (overrides: Record<string, string> = {}) => functionEnv(standin().url, { POLYAI_INSIGHTS_SLOTS: '', ...overrides });

describe('Flex Insights values on every route', () => {
  it('Studio: polyai-handoff answers the attributes with conversations', async () => {
    const result = await invokeFunction(createPolyaiHandoffHandler(), env(), { call_sid: VERIFIED_CALL });
    expect(result.body).toMatchObject({ conversations: VERIFIED_INSIGHTS });
  });

  it('<Connect action>: the live-agent handoff enqueues with conversations', async () => {
    const result = await invokeFunction(createHandoffToFlexHandler(), env(), { CallSid: VERIFIED_CALL, VirtualAgentStatus: 'live-agent-handoff' });
    expect(taskAttributesFrom('twiml', result)).toMatchObject({ conversations: VERIFIED_INSIGHTS });
  });

  it('SIP REFER: the handoff enqueues with conversations', async () => {
    const result = await invokeFunction(createSipHandoffHandler(), env(), { CallSid: VERIFIED_CALL, ReferTransferTarget: 'sip:flex@acme.example.com' });
    expect(taskAttributesFrom('twiml', result)).toMatchObject({ conversations: VERIFIED_INSIGHTS });
  });

  it('no PolyAI configured: the task says the context was unavailable', async () => {
    const result = await invokeFunction(incomingCall, env({ POLYAI_SIP_URI: '', POLYAI_CONNECTOR_NAME: '' }), { CallSid: VERIFIED_CALL });
    expect(taskAttributesFrom('twiml', result)).toMatchObject({ conversations: { conversation_attribute_6: 'Unknown', conversation_attribute_8: 'Unavailable' } });
  });

  it('follows POLYAI_INSIGHTS_SLOTS', async () => {
    const result = await invokeFunction(createPolyaiHandoffHandler(), env({ POLYAI_INSIGHTS_SLOTS: 'reason=1,intent=content,verified=off,destination=off,context=off' }), {
      call_sid: VERIFIED_CALL,
    });
    expect((result.body as { conversations: unknown }).conversations).toEqual({ conversation_attribute_1: 'billing_dispute', content: 'dispute_charge' });
  });
});
