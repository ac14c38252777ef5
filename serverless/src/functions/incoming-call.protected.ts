/**
 * Voice webhook for the phone number. With `POLYAI_SIP_URI` (PolyAI's current Twilio path) it dials PolyAI's SIP
 * address; PolyAI's REFER or the end of its leg then reaches `polyai-sip-handoff`. With `POLYAI_CONNECTOR_NAME`
 * (the earlier connector add-on) it connects the call with `<Connect><VirtualAgent>`; `polyai-handoff-to-flex`
 * runs when the session ends. With neither, the call goes straight to Flex with an error marker.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { handoffErrorAttributes } from '@polyai-context/model';
import { text } from '../lib/config';
import { asPacking } from '../lib/handoff';
import { logOutcome } from '../lib/log';
import { twimlResponse } from '../lib/response';
import { enqueueAttributes, HANDOFF_ACTION_PATH, readPolyaiSipUri, readWorkflowSid, SIP_HANDOFF_PATH } from '../lib/routing';
import { connectToPolyaiTwiml, dialPolyaiSipTwiml, enqueueToFlexTwiml } from '../lib/twiml';

export const handler: ServerlessFunctionSignature = (context, event, callback) => {
  const env = context as Record<string, unknown>;
  // Checked before PolyAI answers: later, a hand-back without a workflow could only drop the call; here the
  // number's "Primary handler fails" URL takes it.
  const workflowSid = readWorkflowSid(env);
  if (workflowSid === null) {
    logOutcome('incoming-call', { outcome: 'not-configured' });
    callback('FLEX_WORKFLOW_SID is not set: the number\'s fallback URL takes the call.');
    return;
  }
  const sipUri = readPolyaiSipUri(env);
  if (sipUri !== null) {
    callback(null, twimlResponse(dialPolyaiSipTwiml(sipUri, SIP_HANDOFF_PATH)));
    return;
  }
  const connectorName = text(env.POLYAI_CONNECTOR_NAME);
  if (connectorName !== '') {
    callback(null, twimlResponse(connectToPolyaiTwiml(connectorName, HANDOFF_ACTION_PATH)));
    return;
  }
  logOutcome('incoming-call', { outcome: 'not-configured' });
  const problem =
    text(env.POLYAI_SIP_URI) === ''
      ? 'Neither PolyAI\'s SIP address nor a PolyAI connector is configured.'
      : 'POLYAI_SIP_URI is not a SIP address (sip:… or sips:…).';
  const polyai = handoffErrorAttributes(null, problem);
  callback(null, twimlResponse(enqueueToFlexTwiml(workflowSid, enqueueAttributes(event as Record<string, unknown>, asPacking(polyai), env))));
};
