/**
 * The transcript, through the `polyai-conversation` Function with the agent's Flex token (the PolyAI key stays
 * in the Function). Never rejects: every outcome, abort included, is a value.
 */
import { callFunction, errorFrom, type FunctionRequest } from './functionCall';
import { parseConversation, received, type Conversation, type ConversationResponseBody, type FunctionFailure, type HandoffIds, type PluginFunctionPath } from '@polyai-context/model';

export type ConversationResult = { ok: true; conversation: Conversation } | FunctionFailure;

export interface ConversationRequest extends FunctionRequest {
  /** The task whose tab asks: the Function serves only a conversation this task was routed with. */
  taskSid: string;
  conversationId: string;
}

export const CONVERSATION_FUNCTION_PATH = '/polyai-conversation' satisfies PluginFunctionPath;

/** The id a task's transcript is fetched by: PolyAI's handoff id (its conversation id), else the call SID. */
export function transcriptIdOf(ids: Pick<HandoffIds, 'id' | 'callSid'>): string | null {
  return ids.id ?? ids.callSid;
}

export async function fetchConversation(request: ConversationRequest): Promise<ConversationResult> {
  const result = await callFunction(CONVERSATION_FUNCTION_PATH, { taskSid: request.taskSid, conversationId: request.conversationId }, request, 'This browser cannot fetch the transcript.');
  if (!result.ok) return result;
  const conversation = received<ConversationResponseBody>(result.body, 'conversation');
  if (conversation === undefined || conversation === null) return errorFrom(result.body, 200);
  return { ok: true, conversation: parseConversation(conversation) };
}
