import { useFunctionCall, type FunctionCall, type FunctionLoader } from '../common/useFunctionCall';
import type { Conversation } from '@polyai-context/model';

export { RETRY_FEEDBACK_MS } from '../common/useFunctionCall';

/** Fetches one transcript; the signal aborts it when the tab unmounts or the call changes. */
export type ConversationLoader = FunctionLoader<{ conversation: Conversation }>;

export type ConversationState =
  | { status: 'loading' }
  | { status: 'loaded'; conversation: Conversation }
  /** `httpStatus` and `message` are the Function's, for the technical details. */
  | { status: 'failed'; message: string; httpStatus: number | null }
  /** PolyAI has no conversation under this id (404): nothing to retry. */
  | { status: 'missing' };

/** Loads on mount or once `load` is given (the tab opened), again on retry (showing that it tries, and when it last tried). */
export function useConversation(load: ConversationLoader | null): Omit<FunctionCall<unknown>, 'state'> & { state: ConversationState } {
  const { state, ...call } = useFunctionCall(load);
  if (state.status === 'loaded') return { ...call, state: { status: 'loaded', conversation: state.value.conversation } };
  if (state.status === 'failed') return { ...call, state: state.code === 404 ? { status: 'missing' } : { status: 'failed', message: state.message, httpStatus: state.code } };
  return { ...call, state };
}
