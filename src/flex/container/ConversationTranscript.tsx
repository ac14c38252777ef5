import React, { useCallback, useState } from 'react';

import { useFunctionCall, type FunctionLoader } from '../../functionCalls/useFunctionCall';
import type { ConversationCall, EarlierTurns } from '../../views/Transcript/conversationCall';
import { TranscriptSection, type TranscriptSectionProps, type TranscriptUnavailable } from '../../views/Transcript/TranscriptSection';
import type { Conversation } from '@polyai-context/model';

/** Fetches one transcript; the signal aborts it when the tab unmounts or the call changes. `earlier`: rows left out before those it holds (absent or 0: the whole call). */
export type ConversationLoader = FunctionLoader<{ conversation: Conversation; earlier?: number }>;

/**
 * Whether the call's transcript can be loaded, and how; or why not. `waiting`: it can, once the tab is opened
 * (shown as loading, nothing fetched yet). `load` asks for the latest turns, `loadWhole` for the whole call.
 */
export type TranscriptAccess =
  | { status: 'available'; load: ConversationLoader; loadWhole: ConversationLoader }
  | { status: 'waiting' }
  | { status: 'unavailable'; reason: TranscriptUnavailable };

/**
 * Loads the latest turns on mount or once `load` is given (the tab opened), again on retry (showing that it
 * tries, and when it last tried). PolyAI having no conversation under the id (404) is nothing to retry. When
 * that answer left earlier turns out, the whole call is fetched once the view asks for it (`earlier.load`),
 * and only once: it then replaces the latest turns.
 */
export function useConversation(load: ConversationLoader | null, loadWhole: ConversationLoader | null): ConversationCall {
  const { state, ...call } = useFunctionCall(load);
  const count = state.status === 'loaded' ? (state.value.earlier ?? 0) : 0;
  // Which whole call was asked for: a loader of another conversation is not this one's.
  const [wanted, setWanted] = useState<ConversationLoader | null>(null);
  const asked = wanted !== null && wanted === loadWhole;
  const whole = useFunctionCall(asked && count > 0 ? loadWhole : null);
  const ask = useCallback(() => setWanted(() => loadWhole), [loadWhole]);
  if (state.status === 'failed') return { ...call, state: state.code === 404 ? { status: 'missing' } : { status: 'failed', message: state.message, httpStatus: state.code } };
  if (state.status !== 'loaded') return { ...call, state };
  if (count === 0) return { ...call, state: { status: 'loaded', conversation: state.value.conversation } };
  if (asked && whole.state.status === 'loaded') return { ...call, state: { status: 'loaded', conversation: whole.state.value.conversation } };
  let earlier: EarlierTurns;
  if (!asked) earlier = { status: 'left-out', count, load: ask };
  else if (whole.state.status === 'failed') {
    const { message, code } = whole.state;
    earlier = { status: 'failed', count, message, httpStatus: code, retry: whole.retry, retrying: whole.retrying, lastTried: whole.lastTried };
  } else earlier = { status: 'loading', count };
  return { ...call, state: { status: 'loaded', conversation: state.value.conversation, earlier } };
}

/** The transcript section with its call: the call runs here, the view gets where it stands. */
export function ConversationTranscript({ source, ...view }: Omit<TranscriptSectionProps, 'source'> & { source: TranscriptAccess }): JSX.Element {
  const available = source.status === 'available';
  const call = useConversation(available ? source.load : null, available ? source.loadWhole : null);
  return <TranscriptSection {...view} source={available ? { status: 'available', call } : source} />;
}
