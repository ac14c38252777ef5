/**
 * For the plugin's transcript: POST `{ Token, taskSid, conversationId }` → 200 `{ conversation: <PolyAI Conversations
 * API body> }`, or `{ error: { status, message } }` with the same HTTP status. Public (browsers call it): the
 * shared plugin pipeline (lib/pluginFunction) checks CORS, the Flex token and that the agent holds a task for
 * that task and that the task was routed with this conversation before this runs.
 */
import { readPolyaiConfig } from '../lib/config';
import type { ConversationResponseBody } from '@polyai-context/model';
import { errorAnswer as failure, pluginFunction, polyaiErrorAnswer, type PluginDeps } from '../lib/pluginFunction';
import { createPolyaiClient } from '../lib/polyaiClient';

export type ConversationDeps = PluginDeps;

export function createPolyaiConversationHandler(deps: ConversationDeps = {}) {
  return pluginFunction('polyai-conversation', deps, async ({ env, conversationId, polyai }) => {
    const config = readPolyaiConfig(env);
    if (!config.ok) return failure(500, 'The PolyAI Functions are not configured.');
    const result = await createPolyaiClient(polyai(config.config), deps).fetchConversation(conversationId);
    if (!result.ok) return polyaiErrorAnswer(result.error);
    return { status: 200, body: { conversation: result.body } satisfies ConversationResponseBody };
  });
}

export const handler = createPolyaiConversationHandler();
