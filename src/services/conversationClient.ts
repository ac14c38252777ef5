/**
 * The browser's only network call: the transcript, through the `polyai-conversation` Function with
 * the agent's Flex token (the PolyAI key stays in the Function). Never rejects: every outcome,
 * abort included, is a value.
 */
import { isRecord, own, parseConversation, type Conversation } from '../model';

export type ConversationResult =
  | { ok: true; conversation: Conversation }
  | { ok: false; aborted: boolean; status: number | null; message: string };

export interface ConversationRequest {
  functionsBaseUrl: string;
  token: string;
  conversationId: string;
  signal?: AbortSignal;
  /** For tests and the preview; defaults to the browser's fetch. */
  fetchImpl?: typeof fetch;
}

export const CONVERSATION_FUNCTION_PATH = '/polyai-conversation';

const MESSAGE_CHARS = 300;

function failure(status: number | null, message: string, aborted = false): ConversationResult {
  return { ok: false, aborted, status, message: message.slice(0, MESSAGE_CHARS) };
}

function errorFrom(body: unknown, status: number): ConversationResult {
  const error = isRecord(body) ? own(body, 'error') : undefined;
  if (isRecord(error)) {
    const errorStatus = own(error, 'status');
    const message = own(error, 'message');
    return failure(typeof errorStatus === 'number' ? errorStatus : status, typeof message === 'string' ? message : `HTTP ${status}`);
  }
  return failure(status, `HTTP ${status}`);
}

export async function fetchConversation(request: ConversationRequest): Promise<ConversationResult> {
  const { functionsBaseUrl, token, conversationId, signal } = request;
  const fetchImpl = request.fetchImpl ?? (typeof fetch === 'function' ? fetch : undefined);
  if (!fetchImpl) return failure(null, 'This browser cannot fetch the transcript.');
  try {
    const response = await fetchImpl(`${functionsBaseUrl}${CONVERSATION_FUNCTION_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Token: token, conversationId }),
      signal,
    });
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok) return errorFrom(body, response.status);
    const conversation = isRecord(body) ? own(body, 'conversation') : undefined;
    if (conversation === undefined || conversation === null) return errorFrom(body, response.status);
    return { ok: true, conversation: parseConversation(conversation) };
  } catch (error) {
    if (signal?.aborted) return failure(null, 'Aborted', true);
    return failure(null, error instanceof Error ? error.message : 'The transcript could not be fetched.');
  }
}
