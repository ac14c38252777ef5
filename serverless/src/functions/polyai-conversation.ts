/**
 * For the plugin's transcript: POST `{ Token, conversationId }` → 200 `{ conversation: <PolyAI Conversations
 * API body> }`, or `{ error: { status, message } }` with the same HTTP status. Public (browsers call it), so it
 * checks the Flex token itself and answers CORS only for the Flex origins in FLEX_ALLOWED_ORIGINS.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { validator } from 'twilio-flex-token-validator';
import { readPolyaiConfig } from '../lib/config';
import type { TokenValidator } from '../lib/flexToken';
import { isCallSid, isOpaqueId } from '../lib/ids';
import { logOutcome } from '../lib/log';
import { createPolyaiClient, STATUS_BAD_GATEWAY, type ClientDeps } from '../lib/polyaiClient';
import { openPluginRequest } from '../lib/pluginRequest';
import { jsonResponse } from '../lib/response';

export interface ConversationDeps extends ClientDeps {
  validateToken?: TokenValidator;
}

const FN = 'polyai-conversation';

export function createPolyaiConversationHandler(deps: ConversationDeps = {}): ServerlessFunctionSignature {
  const validateToken = deps.validateToken ?? ((token, accountSid, authToken) => validator(token, accountSid, authToken));
  return async (context, rawEvent, callback) => {
    const env = context as Record<string, unknown>;
    const event = rawEvent as Record<string, unknown>;
    const request = await openPluginRequest(FN, env, event, validateToken, callback);
    if (request === null) return;
    const { cors, fail } = request;

    const conversationId = event.conversationId;
    if (!isCallSid(conversationId) && !isOpaqueId(conversationId)) return fail(400, 'conversationId must be a call SID or a handoff id.');
    const config = readPolyaiConfig(env);
    if (!config.ok) return fail(500, 'The PolyAI Functions are not configured.');

    const started = Date.now();
    const result = await createPolyaiClient(config.config, deps).fetchConversation(conversationId);
    if (!result.ok) {
      // PolyAI refusing our API key is the backend's fault, not the agent's: never a 401/403 to the browser.
      const status = result.error.status === 401 || result.error.status === 403 ? STATUS_BAD_GATEWAY : result.error.status ?? STATUS_BAD_GATEWAY;
      return fail(status, result.error.message);
    }
    logOutcome(FN, { outcome: 'ok', status: 200, attempts: result.attempts, ms: Date.now() - started });
    callback(null, jsonResponse(200, { conversation: result.body }, cors.headers));
  };
}

export const handler = createPolyaiConversationHandler();
