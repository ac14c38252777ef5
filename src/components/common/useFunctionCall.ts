import { useCallback, useEffect, useState } from 'react';

import type { FunctionFailure } from '../../services/functionCall';

/** One call to a plugin-facing Function; the signal aborts it when the view unmounts or its input changes. */
export type FunctionLoader<T> = (signal: AbortSignal) => Promise<{ ok: true } & T | FunctionFailure>;

export type FunctionCallState<T> =
  | { status: 'loading' }
  | { status: 'loaded'; value: { ok: true } & T }
  | { status: 'failed'; code: number | null; message: string };

/** Calls on mount (the tab being opened) and again on retry; nothing survives an unmount. null: no call. */
export function useFunctionCall<T>(load: FunctionLoader<T> | null): { state: FunctionCallState<T>; retry: () => void } {
  const [state, setState] = useState<FunctionCallState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (load === null) return undefined;
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        if (result.ok) setState({ status: 'loaded', value: result });
        else if (!result.aborted) setState({ status: 'failed', code: result.status, message: result.message });
      })
      .catch((error: unknown) => {
        // The clients never reject; a custom loader might. No uncaught promise either way.
        if (!controller.signal.aborted) setState({ status: 'failed', code: null, message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [load, attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, retry };
}
