/**
 * `<Connect action>` of `incoming-call`: runs when the `<Connect><VirtualAgent>` session ends and reads Twilio's
 * `VirtualAgentStatus`. Completed → a goodbye, no Flex task; live-agent handoff → the handoff state (by the
 * conversation id in `VirtualAgentProviderData`, else the Call SID) and a Flex task with it; failed → a Flex task
 * marked "unavailable" with the reason. Never a call without a route.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { answerHandback, connectorHandback } from '../lib/handback';
import type { ClientDeps } from '../lib/polyaiClient';
import { twimlResponse } from '../lib/response';

export function createHandoffToFlexHandler(deps: ClientDeps = {}): ServerlessFunctionSignature {
  return async (context, rawEvent, callback) => {
    const event = rawEvent as Record<string, unknown>;
    const answer = await answerHandback('polyai-handoff-to-flex', connectorHandback(event, context), context, event, deps);
    if (answer.ok) callback(null, twimlResponse(answer.twiml));
    else callback(answer.problem);
  };
}

export const handler = createHandoffToFlexHandler();
