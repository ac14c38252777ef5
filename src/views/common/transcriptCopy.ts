import { createContext, type MutableRefObject } from 'react';

/** The transcript as "Speaker: text" lines, as shown (masked unless revealed); null until one is loaded. */
export type TranscriptText = () => string[];

/**
 * Lets the loaded transcript hand "Copy all" its text without lifting the transcript's state into the
 * view: the view provides the ref, the transcript fills it while it is shown.
 */
export const TranscriptCopyContext = createContext<MutableRefObject<TranscriptText | null> | null>(null);
