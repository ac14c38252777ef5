/**
 * Translations and duplicates (docs/agent-experience.md, "Transcript"): PolyAI's translation is shown under the original words only
 * when it says something else; a text repeated as its own translation, in any letter case or spacing, is shown
 * once, for the caller's words and the agent's alike. The conversation's facts fill only what the handoff lacks.
 */
import { parseConversation } from '@polyai-context/model';
import { rowsOf } from '../../support/conversationRows';

function turnsOf(turn: Record<string, unknown>) {
  return rowsOf(parseConversation({ conversationId: 'CA1', turns: [turn] }).turns);
}

const SAME_WORDS: ReadonlyArray<[string, string]> = [
  ['I want to talk to someone', 'I want to talk to someone'],
  ['I want to talk to someone', 'i want to talk to someone'],
  ['I want to talk to someone', 'I WANT TO TALK TO SOMEONE'],
  ['I want to talk to someone', '  I want  to talk\tto someone '],
  ['ｃａｒｄ', 'card'],
];

const OTHER_WORDS: ReadonlyArray<[string, string]> = [
  ['quiero hablar con alguien', 'I want to talk to someone'],
  ['I want to talk to someone', 'I want to talk to someone.'],
  ['I want to talk to someone', 'I want to talk to someone else'],
];

describe('a translation is shown only when it says something else', () => {
  it.each(SAME_WORDS)('the caller said %j, translated %j: shown once', (said, translated) => {
    const [caller] = turnsOf({ user_input: said, translated_user_input: translated });
    expect(caller).toMatchObject({ speaker: 'caller', text: said.trim(), translation: null });
  });

  it.each(SAME_WORDS)('the agent said %j, in English %j: shown once', (said, english) => {
    const [agent] = turnsOf({ agent_response: said, english_agent_response: english });
    expect(agent).toMatchObject({ speaker: 'agent', text: said.trim(), translation: null });
  });

  it.each(OTHER_WORDS)('the caller said %j, translated %j: both shown', (said, translated) => {
    expect(turnsOf({ user_input: said, translated_user_input: translated })[0].translation).toBe(translated);
  });

  it.each(OTHER_WORDS)('the agent said %j, in English %j: both shown', (said, english) => {
    expect(turnsOf({ agent_response: said, english_agent_response: english })[0].translation).toBe(english);
  });

  it.each(['', '   ', null, 42])('an empty or missing translation (%j) is no translation', (translated) => {
    expect(turnsOf({ user_input: 'hola', translated_user_input: translated })[0].translation).toBeNull();
  });

  it('the caller\'s translation is never the agent\'s: each row keeps its own', () => {
    const [caller, agent] = turnsOf({ user_input: 'hola', translated_user_input: 'hello', agent_response: 'Un momento', english_agent_response: 'hola' });
    expect(caller.translation).toBe('hello');
    expect(agent.translation).toBe('hola');
  });
});
