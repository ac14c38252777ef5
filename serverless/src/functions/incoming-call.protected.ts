/**
 * Voice webhook for the phone number: hands the call to the PolyAI Connector add-on. When PolyAI hands back,
 * Twilio requests `polyai-handoff-to-flex`. Without a connector configured the call goes straight to Flex.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { handoffErrorAttributes } from '../../../src/model';
import { text } from '../lib/config';
import { enqueueAttributes, HANDOFF_ACTION_PATH, readWorkflowSid } from '../lib/routing';
import { logOutcome } from '../lib/log';
import { twimlResponse } from '../lib/response';
import { connectToPolyaiTwiml, enqueueToFlexTwiml } from '../lib/twiml';

export const handler: ServerlessFunctionSignature = (context, event, callback) => {
  const connectorName = text((context as Record<string, unknown>).POLYAI_CONNECTOR_NAME);
  if (connectorName !== '') {
    callback(null, twimlResponse(connectToPolyaiTwiml(connectorName, HANDOFF_ACTION_PATH)));
    return;
  }
  const workflowSid = readWorkflowSid(context);
  if (workflowSid === null) {
    logOutcome('incoming-call', { outcome: 'not-configured' });
    callback('FLEX_WORKFLOW_SID is not set: the number\'s fallback URL takes the call.');
    return;
  }
  logOutcome('incoming-call', { outcome: 'not-configured' });
  const polyai = handoffErrorAttributes(null, 'The PolyAI connector is not configured.');
  callback(null, twimlResponse(enqueueToFlexTwiml(workflowSid, enqueueAttributes(event as Record<string, unknown>, polyai, context))));
};
