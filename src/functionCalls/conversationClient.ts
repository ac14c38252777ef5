/**
 * The transcript, through the `polyai-conversation` Function with the agent's Flex token (the PolyAI key stays
 * in the Function). Never rejects: every outcome, abort included, is a value.
 */
import { callFunction, errorFrom, failure, type FunctionRequest } from './functionCall';
import { earlierTurnsOf, parseConversation, received, type Conversation, type ConversationResponseBody, type FunctionFailure, type HandoffIds, type PluginFunctionPath } from '@polyai-context/model';

/** `earlier`: how many of the call's rows, from its start, the answer left out (0: `conversation` is the whole call). */
export type ConversationResult = { ok: true; conversation: Conversation; earlier: number } | FunctionFailure;

export interface ConversationRequest extends FunctionRequest {
  /** The task whose tab asks: the Function serves only a conversation this task was routed with. */
  taskSid: string;
  conversationId: string;
  /** Ask for the latest turns only (the tab's first request); the Function may answer the whole call anyway. */
  latest?: boolean;
}

export const CONVERSATION_FUNCTION_PATH = '/polyai-conversation' satisfies PluginFunctionPath;

/** The id a task's transcript is fetched by: PolyAI's handoff id (its conversation id), else the call SID. */
export function transcriptIdOf(ids: Pick<HandoffIds, 'id' | 'callSid'>): string | null {
  return ids.id ?? ids.callSid;
}

export async function fetchConversation(request: ConversationRequest): Promise<ConversationResult> {
  const { taskSid, conversationId, latest = false } = request;
  const result = await callFunction(CONVERSATION_FUNCTION_PATH, latest ? { taskSid, conversationId, turns: 'latest' } : { taskSid, conversationId }, request, 'This browser cannot fetch the transcript.');
  if (!result.ok) return result;
  const body = received<ConversationResponseBody>(result.body, 'conversation');
  if (body === undefined || body === null) return errorFrom(result.body, 200);
  const conversation = parseConversation(body);
  // A whole call (not asked for the latest, or an older Function that answers every request whole) leaves nothing out.
  const earlier = latest ? earlierTurnsOf(received<ConversationResponseBody>(result.body, 'latest'), conversation.turns.length) : 0;
  if (earlier === null) return failure(200, 'The Function\'s latest turns do not add up with its count of the call\'s turns.');
  return { ok: true, conversation, earlier };
}
