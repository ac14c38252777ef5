import { fixture } from './fixtures';

export type ConversationBody = Record<string, unknown> & { turns: Array<Record<string, unknown>> };

/** PolyAI's published sample conversation (devtools/fixtures/conversation.json). */
export const sampleConversation = fixture('conversation.json') as ConversationBody;

/**
 * A call of `count` PolyAI turns: the sample's turns repeated, each text numbered so every row is its own (times
 * as sent, so the body still reads as PolyAI's published `ConversationDetailResponse`).
 */
export function longCall(count: number): ConversationBody {
  const numbered = (key: string, value: unknown, index: number) => (typeof value === 'string' && value !== '' && !key.endsWith('_datetime') ? `${value} (${index})` : value);
  return {
    ...sampleConversation,
    turns: Array.from({ length: count }, (_, index) => {
      const turn = sampleConversation.turns[index % sampleConversation.turns.length];
      return Object.fromEntries(Object.entries(turn).map(([key, value]) => [key, numbered(key, value, index)]));
    }),
  };
}
