/**
 * The whole handoff state, through the `polyai-handoff-state` Function with the agent's Flex token, when the
 * task's compact `polyai` attribute says something did not fit. Never rejects: every outcome is a value.
 */
import { callFunction, errorFrom, type FunctionFailure, type FunctionRequest } from './functionCall';
import { own, type HandoffIds } from '@polyai-context/model';

/** `body` is the Handoff API response as PolyAI sent it (`{ id, shared_id?, data }`), for the model to read. */
export type HandoffStateResult = { ok: true; body: unknown } | FunctionFailure;

export interface HandoffStateRequest extends FunctionRequest {
  ids: Pick<HandoffIds, 'id' | 'sharedId'>;
}

export const HANDOFF_STATE_FUNCTION_PATH = '/polyai-handoff-state';

export async function fetchHandoffState(request: HandoffStateRequest): Promise<HandoffStateResult> {
  // The handoff id when there is one (the Handoff API always names it), else the shared id, said as such.
  const { id, sharedId } = request.ids;
  const payload = id !== null ? { conversationId: id } : { conversationId: sharedId, lookup: 'shared_id' };
  const result = await callFunction(HANDOFF_STATE_FUNCTION_PATH, payload, request, 'This browser cannot fetch the PolyAI data.');
  if (!result.ok) return result;
  const body = own(result.body, 'polyai');
  return body === undefined || body === null ? errorFrom(result.body, 200) : { ok: true, body };
}
