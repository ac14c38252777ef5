/**
 * Studio "Run Function" widget: `call_sid`, `from` and PolyAI's conversation `id` (or `shared_id`) in; the whole
 * task attributes out (`{ type, name, from, call_sid, polyai: … }`, the same builder as the TwiML routes), always
 * 200 so the flow always continues to Send To Flex. Protected: only requests signed by Twilio reach it.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { fetchFirstFound } from '../lib/handoff';
import type { ClientDeps } from '../lib/polyaiClient';
import { jsonResponse } from '../lib/response';
import { enqueueAttributes, SEND_TO_FLEX_ATTRIBUTES_CHARS } from '../lib/routing';

export function createPolyaiHandoffHandler(deps: ClientDeps = {}): ServerlessFunctionSignature {
  return async (context, rawEvent, callback) => {
    const event = rawEvent as Record<string, unknown>;
    // PolyAI's conversation id (from the Connect Virtual Agent widget) first; the Call SID if PolyAI has no data for it.
    const candidates = [{ shared_id: event.shared_id }, { id: event.id }, { call_sid: event.call_sid ?? event.CallSid }];
    const polyai = await fetchFirstFound('polyai-handoff', context, candidates, deps);
    // The whole answer becomes Send To Flex's Attributes: its 1,024 characters are this route's budget.
    callback(null, jsonResponse(200, enqueueAttributes(event, polyai, context, SEND_TO_FLEX_ATTRIBUTES_CHARS)));
  };
}

export const handler = createPolyaiHandoffHandler();
