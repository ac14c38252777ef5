import { parseConversation } from '../../../src/model';
import { CONVERSATION_LIMITS } from '../../../src/model/conversation';
import { fixture } from '../../support/fixtures';

describe('parseConversation', () => {
  it('reads the sample conversation into speaker turns', () => {
    const conversation = parseConversation(fixture('conversation.json'));
    expect(conversation.id).toBe('CA5f1d2c3b4a5968778695a4b3c2d1e0f9');
    expect(conversation.summary).toBe('Duplicate subscription charge, wants refund');
    expect(conversation.language).toBe('en-GB');
    expect(conversation.truncated).toBe(false);
    expect(conversation.turns.map((turn) => turn.speaker)).toEqual(['agent', 'caller', 'agent', 'caller', 'agent', 'caller', 'agent']);
    expect(conversation.turns[1]).toEqual({
      index: 1,
      speaker: 'caller',
      text: 'I was charged twice for my subscription',
      time: Date.parse('2026-11-20T09:14:09Z'),
      intents: ['dispute_charge'],
      entities: [],
    });
    expect(conversation.turns[3].entities).toEqual([
      { name: 'dob', value: '1988-05-04' },
      { name: 'postcode', value: 'SW1A 1AA' },
    ]);
  });

  it('accepts the Function wrapper, a JSON string and turns holding both sides', () => {
    const body = JSON.stringify({ conversation: { turns: [{ timestamp: 1763630043, user_input: 'hi', agent_response: 'hello', intents: [{ name: 'greet' }] }] } });
    const { turns } = parseConversation(body);
    expect(turns.map((turn) => [turn.speaker, turn.text, turn.intents])).toEqual([
      ['caller', 'hi', ['greet']],
      ['agent', 'hello', []],
    ]);
    expect(turns[0].time).toBe(1763630043000);
  });

  it('never throws on garbage and keeps only readable turns', () => {
    for (const input of [undefined, null, 42, 'not json', [], { turns: 'x' }, { turns: [null, 1, 'a', { user_input: 5 }, { agent_response: '  ' }] }]) {
      expect(() => parseConversation(input)).not.toThrow();
      expect(parseConversation(input).turns).toEqual([]);
    }
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    expect(parseConversation(hostile).turns).toEqual([]);
    const proto = parseConversation(JSON.parse('{"__proto__": {"polluted": true}, "turns": [{"user_input": "x", "entities": [{"name": "__proto__", "value": "y"}]}]}'));
    expect(proto.turns[0].entities).toEqual([{ name: '__proto__', value: 'y' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bounds turns, text and badges', () => {
    const limits = { ...CONVERSATION_LIMITS, maxTurns: 3, maxTextChars: 5, maxBadges: 2 };
    const turns = Array.from({ length: 10 }, () => ({ user_input: 'abcdefghij', intents: ['a', 'b', 'c'] }));
    const conversation = parseConversation({ turns }, limits);
    expect(conversation.turns).toHaveLength(3);
    expect(conversation.turns[0].text).toBe('abcde…');
    expect(conversation.turns[0].intents).toEqual(['a', 'b']);
    expect(conversation.truncated).toBe(true);
  });
});
