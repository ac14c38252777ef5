import { useMemo } from 'react';

import { useFunctionCall, type FunctionLoader } from '../../functionCalls/useFunctionCall';
import { parseHandoffContext, POLYAI_ATTRIBUTE, type HandoffContext } from '@polyai-context/model';

/** Fetches the whole Handoff API body for the task (see functionCalls/handoffStateClient). */
export type HandoffStateLoader = FunctionLoader<{ body: unknown }>;

/** Where the part of the handoff that did not fit in the task stands. */
export type FullHandoffState =
  /** Everything came with the task. */
  | { status: 'complete' }
  /** Something did not fit, and there is no way to fetch it (no Functions URL or no id). */
  | { status: 'unreachable' }
  | { status: 'loading' }
  /** The fetch failed: the compact fields stay; retry feedback as for the transcript. */
  | { status: 'failed'; code: number | null; message: string; retry: () => void; retrying: boolean; lastTried: number | null };

// The same object for each settled phase, so that a render with nothing new renders the view no more.
const COMPLETE: FullHandoffState = { status: 'complete' };
const UNREACHABLE: FullHandoffState = { status: 'unreachable' };
const LOADING: FullHandoffState = { status: 'loading' };

/**
 * The context to show: the compact one from the task at once; when its marker says something did not fit, the
 * whole handoff fetched by id replaces it (one round trip, once `opened`: the agent opened the tab; loading
 * until then). On failure the compact context stays and the state says what is missing.
 */
export function useFullHandoff(compact: HandoffContext, load: HandoffStateLoader | null, opened = true): { context: HandoffContext; state: FullHandoffState } {
  const needed = compact.notLoaded !== null;
  const { state, retry, retrying, lastTried } = useFunctionCall(needed && opened ? load : null);
  const full = useMemo(() => {
    if (state.status !== 'loaded') return null;
    const attributes = compact.ids.callSid === null ? {} : { call_sid: compact.ids.callSid };
    return parseHandoffContext({ ...attributes, [POLYAI_ATTRIBUTE]: state.value.body });
  }, [state, compact.ids.callSid]);
  if (!needed) return { context: compact, state: COMPLETE };
  if (load === null) return { context: compact, state: UNREACHABLE };
  if (state.status === 'loading') return { context: compact, state: LOADING };
  if (state.status === 'failed') return { context: compact, state: { status: 'failed', code: state.code, message: state.message, retry, retrying, lastTried } };
  // PolyAI's whole answer turned out unreadable (e.g. `data` null): keep what the task carried.
  if (full === null || full.status === 'unavailable' || full.status === 'absent') {
    const message = `PolyAI data could not be read: ${full?.error?.message ?? 'no handoff data'}`;
    return { context: compact, state: { status: 'failed', code: 502, message, retry, retrying, lastTried } };
  }
  return { context: full, state: COMPLETE };
}
