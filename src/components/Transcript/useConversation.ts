import { useCallback, useEffect, useState } from 'react';

import type { Conversation } from '../../model';
import type { ConversationResult } from '../../services/conversationClient';

/** Fetches one transcript; the signal aborts it when the tab unmounts or the call changes. */
export type ConversationLoader = (signal: AbortSignal) => Promise<ConversationResult>;

export type ConversationState =
  | { status: 'loading' }
  | { status: 'loaded'; conversation: Conversation }
  /** `httpStatus` and `message` are the Function's, for the technical details. */
  | { status: 'failed'; message: string; httpStatus: number | null }
  /** PolyAI has no conversation under this id (404): nothing to retry. */
  | { status: 'missing' };

/** A retry that fails at once still shows "Trying again…" this long, so the agent sees it happen. */
export const RETRY_FEEDBACK_MS = 600;

export interface ConversationLoad {
  state: ConversationState;
  retry: () => void;
  /** True while a retry runs: the failure stays on screen with a busy "Try again" button. */
  retrying: boolean;
  /** When the last attempt finished (ms since the epoch), for "Last tried at …". */
  lastTried: number | null;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Loads on mount (the tab being opened), again on retry; nothing survives an unmount. */
export function useConversation(load: ConversationLoader): ConversationLoad {
  const [state, setState] = useState<ConversationState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [retrying, setRetrying] = useState(false);
  const [lastTried, setLastTried] = useState<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const isRetry = attempt > 0;
    if (isRetry) setRetrying(true);
    else setState({ status: 'loading' });
    const settle = (next: ConversationState | null) => {
      if (signal.aborted) return;
      setLastTried(Date.now());
      setRetrying(false);
      if (next) setState(next);
    };
    Promise.all([load(signal), isRetry ? pause(RETRY_FEEDBACK_MS, signal) : undefined])
      .then(([result]) => {
        if (result.ok) settle({ status: 'loaded', conversation: result.conversation });
        else if (result.status === 404) settle({ status: 'missing' });
        else settle(result.aborted ? null : { status: 'failed', message: result.message, httpStatus: result.status });
      })
      .catch((error: unknown) => {
        // The client never rejects; a custom loader might. No uncaught promise either way.
        settle({ status: 'failed', message: error instanceof Error ? error.message : String(error), httpStatus: null });
      });
    return () => controller.abort();
  }, [load, attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, retry, retrying, lastTried };
}
