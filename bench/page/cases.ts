/**
 * The browser benchmark's cases, one registry for the page and the report: each is a task whose attributes
 * ring in through the preview's reservation desk, so the plugin reads them as it reads any Flex task.
 * Transcript cases also say how many turns the call had: the page answers the plugin's transcript request
 * with a call that long (see harness.ts).
 */
import { attributesWithFields, typicalAttributes } from '../fixtures/attributes';
import conversationFixture from '../../devtools/fixtures/conversation.json';

export interface BenchCase {
  id: string;
  label: string;
  /** Attributes as input, before the model's limits. */
  inputSize: string;
  attributes: () => Record<string, unknown>;
  /** Transcript cases: turns in the call. */
  turns?: number;
}

/**
 * A Conversations API body of `turns` turns: the fixture's turns repeated, each non-empty text numbered and
 * a second apart, so every text is distinct.
 */
export function conversationOf(turns: number): Record<string, unknown> {
  const source = conversationFixture.turns;
  const start = Date.parse(conversationFixture.startedAt);
  return {
    ...conversationFixture,
    turns: Array.from({ length: turns }, (_, index) => {
      const turn = source[index % source.length];
      const numbered = Object.fromEntries(Object.entries(turn).map(([key, value]) => [key, typeof value === 'string' && value !== '' ? `${value} (${index + 1})` : value]));
      const time = new Date(start + index * 1000).toISOString();
      return { ...numbered, user_input_datetime: time, agent_response_datetime: time };
    }),
  };
}

export const BENCH_CASES: BenchCase[] = [
  { id: 'typical', label: 'typical handoff', inputSize: 'verified Handoff API fixture', attributes: typicalAttributes },
  ...[100, 500, 2000].map((fields) => ({
    id: `fields-${fields}`,
    label: `${fields.toLocaleString('en-US')} captured fields`,
    inputSize: `typical handoff + ${fields.toLocaleString('en-US')} captured values`,
    attributes: () => attributesWithFields(fields),
  })),
  ...[100, 1000, 10000].map((turns) => ({
    id: `transcript-${turns}`,
    label: `${turns.toLocaleString('en-US')} transcript turns`,
    inputSize: `typical handoff + a ${turns.toLocaleString('en-US')}-turn call`,
    attributes: typicalAttributes,
    turns,
  })),
];
