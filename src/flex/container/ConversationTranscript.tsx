import React from 'react';

import { useFunctionCall, type FunctionLoader } from '../../functionCalls/useFunctionCall';
import type { ConversationCall } from '../../views/Transcript/conversationCall';
import { TranscriptSection, type TranscriptSectionProps, type TranscriptUnavailable } from '../../views/Transcript/TranscriptSection';
import type { Conversation } from '@polyai-context/model';

/** Fetches one transcript; the signal aborts it when the tab unmounts or the call changes. */
export type ConversationLoader = FunctionLoader<{ conversation: Conversation }>;

/**
 * Whether the call's transcript can be loaded, and how; or why not. `waiting`: it can, once the tab is opened
 * (shown as loading, nothing fetched yet).
 */
export type TranscriptAccess = { status: 'available'; load: ConversationLoader } | { status: 'waiting' } | { status: 'unavailable'; reason: TranscriptUnavailable };

/**
 * Loads on mount or once `load` is given (the tab opened), again on retry (showing that it tries, and when it
 * last tried). PolyAI having no conversation under the id (404) is nothing to retry.
 */
export function useConversation(load: ConversationLoader | null): ConversationCall {
  const { state, ...call } = useFunctionCall(load);
  if (state.status === 'loaded') return { ...call, state: { status: 'loaded', conversation: state.value.conversation } };
  if (state.status === 'failed') return { ...call, state: state.code === 404 ? { status: 'missing' } : { status: 'failed', message: state.message, httpStatus: state.code } };
  return { ...call, state };
}

/** The transcript section with its call: the call runs here, the view gets where it stands. */
export function ConversationTranscript({ source, ...view }: Omit<TranscriptSectionProps, 'source'> & { source: TranscriptAccess }): JSX.Element {
  const call = useConversation(source.status === 'available' ? source.load : null);
  return <TranscriptSection {...view} source={source.status === 'available' ? { status: 'available', call } : source} />;
}
