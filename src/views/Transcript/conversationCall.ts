import type { Conversation } from '@polyai-context/model';

/**
 * The call's rows before those loaded, when the first answer held only the latest (`count` of them, from the
 * start of the call): not asked for yet, loading (the whole call, once), or failed with a way to try again.
 */
export type EarlierTurns =
  | { status: 'left-out'; count: number; load: () => void }
  | { status: 'loading'; count: number }
  | { status: 'failed'; count: number; message: string; httpStatus: number | null; retry: () => void; retrying: boolean; lastTried: number | null };

/** Where the transcript's call stands, as the view shows it. */
export type ConversationState =
  | { status: 'loading' }
  /** `earlier` absent: `conversation` is the whole call. */
  | { status: 'loaded'; conversation: Conversation; earlier?: EarlierTurns }
  /** `httpStatus` and `message` are the Function's, for the technical details. */
  | { status: 'failed'; message: string; httpStatus: number | null }
  /** PolyAI has no conversation under this id (404): nothing to retry. */
  | { status: 'missing' };

/** The transcript's call as the container runs it (src/flex/container): plain state and a way to try again. */
export interface ConversationCall {
  state: ConversationState;
  retry: () => void;
  /** True while a retry runs: the failure stays on screen with a busy "Try again" button. */
  retrying: boolean;
  /** When the last attempt finished (ms since the epoch), for "Last tried at …". */
  lastTried: number | null;
}
