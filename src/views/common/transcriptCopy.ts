import { createContext, type MutableRefObject } from 'react';

/**
 * The whole call's transcript as "Speaker: text" lines, as shown (masked unless revealed): at once when the
 * whole call is loaded, once it arrives when only its latest turns are (never those alone); null when it
 * could not be loaded.
 */
export type TranscriptText = () => Promise<string[] | null>;

/**
 * Lets the loaded transcript hand "Copy all" its text without lifting the transcript's state into the
 * view: the view provides the ref, the transcript fills it while it is shown.
 */
export const TranscriptCopyContext = createContext<MutableRefObject<TranscriptText | null> | null>(null);
