/**
 * For the plugin, when the task's compact `polyai` attribute says something did not fit: POST `{ Token, taskSid,
 * conversationId }` (the handoff id; `lookup: "shared_id"` when it is the shared id) → 200 `{ polyai: <the whole
 * Handoff API body> }`, or `{ error: { status, message } }` with the same HTTP status. The API key stays here.
 * Public (browsers call it): the shared plugin pipeline (lib/pluginFunction) checks CORS, the Flex token and that
 * the agent holds the task and that the task was routed with this id before this runs, as for polyai-conversation.
 */
import { isRecord, own, received, type HandoffStateRequestBody, type HandoffStateResponseBody } from '@polyai-context/model';
import { readPolyaiConfig } from '../lib/config';
import { errorAnswer as failure, pluginFunction, polyaiErrorAnswer, type PluginDeps } from '../lib/pluginFunction';
import { createPolyaiClient, STATUS_BAD_GATEWAY } from '../lib/polyaiClient';

export type HandoffStateDeps = PluginDeps;

export function createPolyaiHandoffStateHandler(deps: HandoffStateDeps = {}) {
  return pluginFunction(
    'polyai-handoff-state',
    deps,
    async ({ env, conversationId, lookup, polyai }) => {
      const config = readPolyaiConfig(env);
      if (!config.ok) return failure(500, 'The PolyAI Functions are not configured.');
      // Only the id the access check approved is looked up, the way it approved it.
      const result = await createPolyaiClient(polyai(config.config), deps).fetchHandoffState({ param: lookup, value: conversationId });
      if (!result.ok) return polyaiErrorAnswer(result.error);
      if (!isRecord(result.body) || own(result.body, 'data') === undefined) return failure(STATUS_BAD_GATEWAY, 'PolyAI answered without handoff data.');
      return { status: 200, body: { polyai: result.body } satisfies HandoffStateResponseBody };
    },
    // As PolyAI's shared id only when the plugin says so.
    (event) => (received<HandoffStateRequestBody>(event, 'lookup') === 'shared_id' ? 'shared_id' : 'id'),
  );
}

export const handler = createPolyaiHandoffStateHandler();
