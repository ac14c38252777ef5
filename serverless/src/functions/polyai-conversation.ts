/**
 * For the plugin's transcript: POST `{ Token, taskSid, conversationId, turns? }` → 200 `{ conversation: <PolyAI
 * Conversations API body>, latest? }`, or `{ error: { status, message } }` with the same HTTP status. With
 * `turns: "latest"` (the tab's first request) the body keeps only the turns that make the transcript's last rows
 * and `latest` says how many rows the call has and how many were left out (model latestTurns.ts); without it,
 * PolyAI's whole body as received, as older plugins expect. Public (browsers call it): the shared plugin pipeline
 * (lib/pluginFunction) checks CORS, the Flex token and that the agent holds a task for that task and that the
 * task was routed with this conversation before this runs.
 */
import { readPolyaiConfig } from '../lib/config';
import { conversationAnswer, received, type ConversationRequestBody } from '@polyai-context/model';
import { errorAnswer as failure, pluginFunction, polyaiErrorAnswer, type PluginDeps } from '../lib/pluginFunction';
import { createPolyaiClient } from '../lib/polyaiClient';

export type ConversationDeps = PluginDeps;

export function createPolyaiConversationHandler(deps: ConversationDeps = {}) {
  return pluginFunction('polyai-conversation', deps, async ({ env, event, conversationId, polyai }) => {
    const turns = received<ConversationRequestBody>(event, 'turns');
    if (turns !== undefined && turns !== 'latest') return failure(400, 'turns must be "latest" when given.');
    const config = readPolyaiConfig(env);
    if (!config.ok) return failure(500, 'The PolyAI Functions are not configured.');
    const result = await createPolyaiClient(polyai(config.config), deps).fetchConversation(conversationId);
    if (!result.ok) return polyaiErrorAnswer(result.error);
    return { status: 200, body: conversationAnswer(result.body, turns === 'latest') };
  });
}

export const handler = createPolyaiConversationHandler();
