import { createContext } from 'react';
import type { Conversation } from '@polyai-context/model';

/**
 * Lets the transcript hand the conversation record it loaded to the rest of the tab (the times at a glance,
 * what PolyAI did) without a second fetch: the view provides the setter, the transcript calls it once loaded.
 */
export const ConversationRecordContext = createContext<((conversation: Conversation) => void) | null>(null);
