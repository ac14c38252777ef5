import type { Conversation } from '@polyai-context/model';

/** Where the transcript's call stands, as the view shows it. */
export type ConversationState =
  | { status: 'loading' }
  | { status: 'loaded'; conversation: Conversation }
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
