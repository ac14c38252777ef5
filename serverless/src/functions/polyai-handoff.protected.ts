/**
 * Studio "Run Function" widget: `call_sid` (or `shared_id` / `id`) in, `{ polyai: …, conversations: … }` out
 * (`conversations`: the Flex Insights values, see lib/insights), always 200 so the flow always continues to
 * Send To Flex. Protected: only requests signed by Twilio reach it.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { fetchHandoffAttributes } from '../lib/handoff';
import { withHandoffInsights } from '../lib/insights';
import type { ClientDeps } from '../lib/polyaiClient';
import { jsonResponse } from '../lib/response';

export function createPolyaiHandoffHandler(deps: ClientDeps = {}): ServerlessFunctionSignature {
  return async (context, event, callback) => {
    const attributes = await fetchHandoffAttributes('polyai-handoff', context, event as Record<string, unknown>, deps);
    callback(null, jsonResponse(200, withHandoffInsights({ ...attributes }, context)));
  };
}

export const handler = createPolyaiHandoffHandler();
