/**
 * The whole handoff state, through the `polyai-handoff-state` Function with the agent's Flex token, when the
 * task's compact `polyai` attribute says something did not fit. Never rejects: every outcome is a value.
 */
import { callFunction, errorFrom, failure, type FunctionRequest } from './functionCall';
import { received, type FunctionFailure, type HandoffIds, type HandoffStateRequestBody, type HandoffStateResponseBody, type PluginFunctionPath } from '@polyai-context/model';

/** `body` is the Handoff API response as PolyAI sent it (`{ id, shared_id?, data }`), for the model to read. */
export type HandoffStateResult = { ok: true; body: unknown } | FunctionFailure;

export interface HandoffStateRequest extends FunctionRequest {
  /** The task whose tab asks: the Function serves only a handoff this task was routed with. */
  taskSid: string;
  ids: Pick<HandoffIds, 'id' | 'sharedId'>;
}

export const HANDOFF_STATE_FUNCTION_PATH = '/polyai-handoff-state' satisfies PluginFunctionPath;

export async function fetchHandoffState(request: HandoffStateRequest): Promise<HandoffStateResult> {
  // The handoff id when there is one (the Handoff API always names it), else the shared id, said as such.
  const { taskSid, ids: { id, sharedId } } = request;
  const payload: Omit<HandoffStateRequestBody, 'Token'> | null =
    id !== null ? { taskSid, conversationId: id } : sharedId !== null ? { taskSid, conversationId: sharedId, lookup: 'shared_id' } : null;
  if (payload === null) return failure(null, 'This task names no handoff to fetch.');
  const result = await callFunction(HANDOFF_STATE_FUNCTION_PATH, payload, request, 'This browser cannot fetch the PolyAI data.');
  if (!result.ok) return result;
  const body = received<HandoffStateResponseBody>(result.body, 'polyai');
  return body === undefined || body === null ? errorFrom(result.body, 200) : { ok: true, body };
}
