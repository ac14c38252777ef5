/**
 * For the plugin's transcript: POST `{ Token, conversationId }` → 200 `{ conversation: <PolyAI Conversations
 * API body> }`, or `{ error: { status, message } }` with the same HTTP status. Public (browsers call it): the
 * shared plugin-facing pipeline (flexFunction.ts) checks the origin and the Flex token first.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { readPolyaiConfig } from '../lib/config';
import { browserStatus, flexFunction, type FlexFunctionDeps } from '../lib/flexFunction';
import { isCallSid, isOpaqueId } from '../lib/ids';
import { createPolyaiClient, type ClientDeps } from '../lib/polyaiClient';

export interface ConversationDeps extends ClientDeps, FlexFunctionDeps {}

export function createPolyaiConversationHandler(deps: ConversationDeps = {}): ServerlessFunctionSignature {
  return flexFunction('polyai-conversation', deps, async ({ env, event, ok, fail }) => {
    const conversationId = event.conversationId;
    if (!isCallSid(conversationId) && !isOpaqueId(conversationId)) return fail(400, 'conversationId must be a call SID or a handoff id.');
    const config = readPolyaiConfig(env);
    if (!config.ok) return fail(500, 'The PolyAI Functions are not configured.');

    const started = Date.now();
    const result = await createPolyaiClient(config.config, deps).fetchConversation(conversationId);
    if (!result.ok) return fail(browserStatus(result), result.error.message);
    ok({ conversation: result.body }, { attempts: result.attempts, ms: Date.now() - started });
  });
}

export const handler = createPolyaiConversationHandler();
