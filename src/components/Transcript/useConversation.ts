import { useCallback, useEffect, useState } from 'react';

import type { Conversation } from '../../model';
import type { ConversationResult } from '../../services/conversationClient';

/** Fetches one transcript; the signal aborts it when the tab unmounts or the call changes. */
export type ConversationLoader = (signal: AbortSignal) => Promise<ConversationResult>;

export type ConversationState =
  | { status: 'loading' }
  | { status: 'loaded'; conversation: Conversation }
  | { status: 'failed'; message: string }
  /** PolyAI has no conversation under this id (404): nothing to retry. */
  | { status: 'missing' };

/** Loads on mount (the tab being opened), again on retry; nothing survives an unmount. */
export function useConversation(load: ConversationLoader): { state: ConversationState; retry: () => void } {
  const [state, setState] = useState<ConversationState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        if (result.ok) setState({ status: 'loaded', conversation: result.conversation });
        else if (result.status === 404) setState({ status: 'missing' });
        else if (!result.aborted) setState({ status: 'failed', message: result.message });
      })
      .catch((error: unknown) => {
        // The client never rejects; a custom loader might. No uncaught promise either way.
        if (!controller.signal.aborted) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [load, attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, retry };
}
