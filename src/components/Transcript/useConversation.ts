import { useFunctionCall, type FunctionLoader } from '../common/useFunctionCall';
import type { Conversation } from '../../model';

/** Fetches one transcript; the signal aborts it when the tab unmounts or the call changes. */
export type ConversationLoader = FunctionLoader<{ conversation: Conversation }>;

export type ConversationState =
  | { status: 'loading' }
  | { status: 'loaded'; conversation: Conversation }
  | { status: 'failed'; message: string }
  /** PolyAI has no conversation under this id (404): nothing to retry. */
  | { status: 'missing' };

/** Loads on mount (the tab being opened), again on retry; nothing survives an unmount. */
export function useConversation(load: ConversationLoader): { state: ConversationState; retry: () => void } {
  const { state, retry } = useFunctionCall(load);
  if (state.status === 'loaded') return { state: { status: 'loaded', conversation: state.value.conversation }, retry };
  if (state.status === 'failed') return { state: state.code === 404 ? { status: 'missing' } : { status: 'failed', message: state.message }, retry };
  return { state, retry };
}
