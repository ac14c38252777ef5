import { useCallback, useEffect, useState } from 'react';

import type { FunctionFailure } from '@polyai-context/model';

/** One call to a plugin-facing Function; the signal aborts it when the view unmounts or its input changes. */
export type FunctionLoader<T> = (signal: AbortSignal) => Promise<{ ok: true } & T | FunctionFailure>;

export type FunctionCallState<T> =
  | { status: 'loading' }
  | { status: 'loaded'; value: { ok: true } & T }
  | { status: 'failed'; code: number | null; message: string };

/** A retry that fails at once still shows "Trying again…" this long, so the agent sees it happen. */
export const RETRY_FEEDBACK_MS = 600;

export interface FunctionCall<T> {
  state: FunctionCallState<T>;
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

/** Calls on mount (the tab being opened) and again on retry; nothing survives an unmount. null: no call. */
export function useFunctionCall<T>(load: FunctionLoader<T> | null): FunctionCall<T> {
  const [state, setState] = useState<FunctionCallState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [retrying, setRetrying] = useState(false);
  const [lastTried, setLastTried] = useState<number | null>(null);
  useEffect(() => {
    if (load === null) return undefined;
    const controller = new AbortController();
    const { signal } = controller;
    // A retry keeps the failure on screen (busy button) instead of flashing a loading state.
    const isRetry = attempt > 0;
    if (isRetry) setRetrying(true);
    // Already loading (the first call): no render for nothing, the tab is opening.
    else setState((current) => (current.status === 'loading' ? current : { status: 'loading' }));
    const settle = (next: FunctionCallState<T> | null) => {
      if (signal.aborted) return;
      setLastTried(Date.now());
      setRetrying(false);
      if (next) setState(next);
    };
    Promise.all([load(signal), isRetry ? pause(RETRY_FEEDBACK_MS, signal) : undefined])
      .then(([result]) => {
        if (result.ok) settle({ status: 'loaded', value: result });
        else settle(result.aborted ? null : { status: 'failed', code: result.status, message: result.message });
      })
      .catch((error: unknown) => {
        // The clients never reject; a custom loader might. No uncaught promise either way.
        settle({ status: 'failed', code: null, message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [load, attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, retry, retrying, lastTried };
}
