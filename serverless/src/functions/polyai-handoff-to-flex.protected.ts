/**
 * `<Connect action>` of `incoming-call`: runs when PolyAI hands the call back, fetches the handoff state and
 * enqueues the call to Flex with it — or with an error marker, never without a route.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { fetchHandoffAttributes } from '../lib/handoff';
import { logOutcome } from '../lib/log';
import type { ClientDeps } from '../lib/polyaiClient';
import { twimlResponse } from '../lib/response';
import { enqueueAttributes, readWorkflowSid } from '../lib/routing';
import { enqueueToFlexTwiml } from '../lib/twiml';

export function createHandoffToFlexHandler(deps: ClientDeps = {}): ServerlessFunctionSignature {
  return async (context, event, callback) => {
    const workflowSid = readWorkflowSid(context);
    if (workflowSid === null) {
      logOutcome('polyai-handoff-to-flex', { outcome: 'not-configured' });
      callback('FLEX_WORKFLOW_SID is not set: the number\'s fallback URL takes the call.');
      return;
    }
    const params = event as Record<string, unknown>;
    const polyai = await fetchHandoffAttributes('polyai-handoff-to-flex', context, params, deps);
    callback(null, twimlResponse(enqueueToFlexTwiml(workflowSid, enqueueAttributes(params, polyai, context))));
  };
}

export const handler = createHandoffToFlexHandler();
