/**
 * The SIP route's `<Dial referUrl>` and `<Dial action>`: Twilio requests it when PolyAI hands the call back with
 * SIP REFER (`ReferTransferTarget`, `X-` headers in the Refer-To URI) or when PolyAI's SIP leg ends (SIP BYE with
 * `DialSipHeader_X-…`, a finished call, or no answer). A handoff is enqueued to Flex with the handoff state, or
 * with PolyAI's `X-` headers marked partial when the Handoff API fails; a finished call ends with a goodbye.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { answerHandback, sipHandback } from '../lib/handback';
import type { ClientDeps } from '../lib/polyaiClient';
import { twimlResponse } from '../lib/response';

export function createSipHandoffHandler(deps: ClientDeps = {}): ServerlessFunctionSignature {
  return async (context, rawEvent, callback) => {
    const event = rawEvent as Record<string, unknown>;
    const answer = await answerHandback('polyai-sip-handoff', sipHandback(event, context), context, event, deps);
    if (answer.ok) callback(null, twimlResponse(answer.twiml));
    else callback(answer.problem);
  };
}

export const handler = createSipHandoffHandler();
