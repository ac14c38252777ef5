import type { ConversationLoader } from '../../src/flex/container/ConversationTranscript';

/** A transcript source whose one loader answers the whole call, for the first request and for any later one. */
export function wholeCall(load: ConversationLoader): { load: ConversationLoader; loadWhole: ConversationLoader } {
  return { load, loadWhole: load };
}
