/**
 * Rules of the tab's own sections (docs/handoff-data.md), one table row per rule in
 * docs/rules.md: every alias of every section is read, and when PolyAI's data holds two sources of the same fact
 * the same one wins whichever comes first in the object. The source that lost is not dropped: it stays visible
 * as a captured field.
 */
import { parseHandoffContext, type HandoffContext } from '@polyai-context/model';

type Read = (context: HandoffContext) => unknown;

/** Each text section, its aliases in the order they win, and where the tab shows it. */
const TEXT_SECTIONS: ReadonlyArray<[section: string, aliases: readonly string[], read: Read]> = [
  ['summary', ['summary', 'handoff_summary', 'short_summary', 'shortSummary'], (c) => c.summary],
  ['reason', ['handoff_reason', 'reason'], (c) => c.reason],
  ['destination', ['handoff_destination', 'handoff_to', 'destination'], (c) => c.destination],
  ['utterance', ['utterance', 'last_utterance', 'user_utterance'], (c) => c.utterance],
  ['language', ['asr_lang_code', 'language', 'lang'], (c) => c.language],
  ['customer id', ['customer_id'], (c) => c.customer.id],
  ['account number', ['account_number'], (c) => c.customer.accountNumber],
  ['caller name', ['caller_name', 'customer_name'], (c) => c.customer.name],
  ['intent', ['intent'], (c) => c.intent?.name ?? null],
];

/** PolyAI's data as the Handoff API envelope carries it; keys in the order given. */
function read(data: Record<string, unknown>, envelope: Record<string, unknown> = { id: 'handoff-1' }): HandoffContext {
  return parseHandoffContext({ polyai: { ...envelope, data } });
}

const capturedPaths = (context: HandoffContext) => context.fields.map((field) => field.path);

const everyAlias = TEXT_SECTIONS.flatMap(([section, aliases, readSection]) => aliases.map((alias) => [section, alias, readSection] as const));

/** Every ordered pair of aliases of a section: [winner, loser]. */
const pairs = TEXT_SECTIONS.flatMap(([section, aliases, readSection]) =>
  aliases.flatMap((winner, index) => aliases.slice(index + 1).map((loser) => [section, winner, loser, readSection] as const)),
);

describe('known sections: every alias is read', () => {
  it.each(everyAlias)('%s from `%s`, and not listed again as a captured field', (_section, alias, readSection) => {
    const context = read({ [alias]: 'Value one', other: 'x' });
    expect(readSection(context)).toBe('Value one');
    expect(capturedPaths(context)).toEqual(['other']);
    expect(context.status).toBe('present');
  });

  it.each(everyAlias)('%s from `%s` in a hand-written flow\'s flat attributes too', (_section, alias, readSection) => {
    // `intent` alone marks flat attributes; the section under test sits beside it.
    const context = parseHandoffContext({ intent: 'dispute_charge', [alias]: alias === 'intent' ? 'dispute_charge' : 'Value one' });
    expect(context.source).toBe('flat');
    expect(readSection(context)).toBe(alias === 'intent' ? 'dispute_charge' : 'Value one');
  });

  it.each(everyAlias)('%s: an empty or blank `%s` is no value: the next source (or nothing) is shown', (_section, alias, readSection) => {
    expect(readSection(read({ [alias]: '' }))).toBeNull();
    expect(readSection(read({ [alias]: '   ' }))).toBeNull();
  });
});

describe('known sections: which source wins when PolyAI\'s data disagrees with itself', () => {
  it.each(pairs)('%s: `%s` wins over `%s` in either key order; the other stays a captured field', (_section, winner, loser, readSection) => {
    for (const data of [{ [winner]: 'First choice', [loser]: 'Second choice' }, { [loser]: 'Second choice', [winner]: 'First choice' }]) {
      const context = read(data);
      expect(readSection(context)).toBe('First choice');
      expect(capturedPaths(context)).toEqual([loser]);
    }
  });

  it.each(pairs)('%s: an empty `%s` gives way to `%s`', (_section, winner, loser, readSection) => {
    for (const data of [{ [winner]: '', [loser]: 'Second choice' }, { [loser]: 'Second choice', [winner]: ' ' }]) {
      expect(readSection(read(data))).toBe('Second choice');
    }
  });

  it.each(pairs)('%s: a `%s` that is not text (a list) gives way to `%s`, with a problem', (_section, winner, loser, readSection) => {
    const context = read({ [loser]: 'Second choice', [winner]: ['a', 'list'] });
    expect(readSection(context)).toBe('Second choice');
    expect(context.problems).toEqual([expect.objectContaining({ code: 'field-invalid', path: winner })]);
  });
});

describe('intent: the name and its confidence', () => {
  it.each(['name', 'value', 'intent'])('reads the name of an intent object from `%s`', (key) => {
    expect(read({ intent: { [key]: 'dispute_charge' } }).intent).toEqual({ name: 'dispute_charge', confidence: null });
  });

  it.each([
    ['name', 'value'],
    ['name', 'intent'],
    ['value', 'intent'],
  ])('intent object: `%s` wins over `%s` in either key order', (winner, loser) => {
    for (const intent of [{ [winner]: 'first', [loser]: 'second' }, { [loser]: 'second', [winner]: 'first' }]) {
      expect(read({ intent }).intent?.name).toBe('first');
    }
  });

  it.each(['confidence', 'score'])('reads the confidence of an intent object from `%s`', (key) => {
    expect(read({ intent: { name: 'x', [key]: 0.7 } }).intent).toEqual({ name: 'x', confidence: 0.7 });
  });

  it('intent object: `confidence` wins over `score` in either key order', () => {
    expect(read({ intent: { name: 'x', confidence: 0.7, score: 0.2 } }).intent?.confidence).toBe(0.7);
    expect(read({ intent: { name: 'x', score: 0.2, confidence: 0.7 } }).intent?.confidence).toBe(0.7);
  });

  it('the intent object\'s own confidence wins over `intent_confidence` beside it, in either key order', () => {
    expect(read({ intent: { name: 'x', confidence: 0.7 }, intent_confidence: 0.2 }).intent?.confidence).toBe(0.7);
    expect(read({ intent_confidence: 0.2, intent: { name: 'x', confidence: 0.7 } }).intent?.confidence).toBe(0.7);
  });

  it('`intent_confidence` fills what the intent lacks, for an intent given as text or as an object', () => {
    expect(read({ intent: 'x', intent_confidence: '87%' }).intent).toEqual({ name: 'x', confidence: 0.87 });
    expect(read({ intent: { name: 'x' }, intent_confidence: 0.4 }).intent).toEqual({ name: 'x', confidence: 0.4 });
  });

  it('a confidence without an intent shows no intent', () => {
    expect(read({ intent_confidence: 0.4, other: 1 }).intent).toBeNull();
  });
});

describe('verification: nested under `verification` first, the top-level keys fill what it lacks', () => {
  const IDENTIFIED = ['successfully_identified', 'identified', 'verified'];
  const METHOD = ['auth_method', 'method'];
  const ATTEMPTS = ['verification_attempts', 'attempts'];

  it.each(IDENTIFIED.flatMap((key) => [[key, 'top level'], [key, 'nested']]))('reads identified from `%s` (%s)', (key, where) => {
    for (const [value, expected] of [[true, true], ['no', false]] as const) {
      const data = where === 'nested' ? { verification: { [key]: value } } : { [key]: value };
      expect(read(data).verification).toEqual({ identified: expected, method: null, attempts: null });
    }
  });

  it.each(METHOD.flatMap((key) => [[key, 'top level'], [key, 'nested']]))('reads the method from `%s` (%s)', (key, where) => {
    const data = where === 'nested' ? { verification: { [key]: 'dob' } } : { [key]: 'dob' };
    expect(read(data).verification).toEqual({ identified: null, method: 'dob', attempts: null });
  });

  it.each(ATTEMPTS.flatMap((key) => [[key, 'top level'], [key, 'nested']]))('reads attempts from `%s` (%s)', (key, where) => {
    const data = where === 'nested' ? { verification: { [key]: '2' } } : { [key]: '2' };
    expect(read(data).verification).toEqual({ identified: null, method: null, attempts: 2 });
  });

  it.each([
    ['identified', IDENTIFIED, [true, false]],
    ['method', METHOD, ['dob', 'pin']],
    ['attempts', ATTEMPTS, [1, 3]],
  ] as const)('%s: an earlier alias wins over a later one, in either key order', (field, aliases, [first, second]) => {
    for (const [index, winner] of aliases.entries()) {
      for (const loser of aliases.slice(index + 1)) {
        for (const data of [{ [winner]: first, [loser]: second }, { [loser]: second, [winner]: first }]) {
          expect(read(data).verification?.[field]).toBe(first);
          expect(read({ verification: data }).verification?.[field]).toBe(first);
        }
      }
    }
  });

  it.each([
    ['identified', 'successfully_identified', true, false],
    ['method', 'auth_method', 'dob', 'pin'],
    ['attempts', 'verification_attempts', 1, 3],
  ] as const)('%s: the nested value wins over the top-level one, whichever comes first', (field, key, nested, top) => {
    expect(read({ verification: { [key]: nested }, [key]: top }).verification?.[field]).toBe(nested);
    expect(read({ [key]: top, verification: { [key]: nested } }).verification?.[field]).toBe(nested);
  });

  it('each value is taken from where it is: nested identified, top-level method and attempts', () => {
    expect(read({ auth_method: 'dob', verification: { successfully_identified: false }, verification_attempts: 2 }).verification).toEqual({
      identified: false,
      method: 'dob',
      attempts: 2,
    });
  });
});

describe('ids: the call\'s ids are Twilio\'s and the envelope\'s, never the data\'s', () => {
  const CALL = `CA${'d'.repeat(32)}`;
  const OTHER_CALL = `CA${'e'.repeat(32)}`;

  it.each([
    ['id', 'id'],
    ['shared_id', 'sharedId'],
  ] as const)('`%s`: the envelope\'s; one in the data that differs is data, listed as a captured field', (key, field) => {
    const both = read({ [key]: 'from-data', other: 'x' }, { [key]: 'from-envelope' });
    expect(both.ids[field]).toBe('from-envelope');
    expect(capturedPaths(both)).toEqual([key, 'other']);
    const dataOnly = read({ [key]: 'from-data', other: 'x' }, {});
    expect(dataOnly.ids[field]).toBeNull();
    expect(capturedPaths(dataOnly)).toEqual([key, 'other']);
  });

  it.each(['id', 'shared_id'])('`%s` in the data repeating the envelope\'s is not listed twice', (key) => {
    expect(capturedPaths(read({ [key]: 'same', other: 'x' }, { [key]: 'same' }))).toEqual(['other']);
  });

  it('`call_sid`: the task\'s, whichever comes first; PolyAI\'s differing one is data', () => {
    for (const attributes of [{ call_sid: CALL, polyai: { id: 'h', data: { call_sid: OTHER_CALL } } }, { polyai: { id: 'h', data: { call_sid: OTHER_CALL } }, call_sid: CALL }]) {
      const context = parseHandoffContext(attributes);
      expect(context.ids.callSid).toBe(CALL);
      expect(capturedPaths(context)).toEqual(['call_sid']);
    }
    expect(parseHandoffContext({ polyai: { id: 'h', data: { call_sid: OTHER_CALL } } }).ids.callSid).toBeNull();
  });
});

describe('values PolyAI sends, in any letter case and spacing', () => {
  it.each([
    ['true', true], ['True', true], [' TRUE ', true], ['yes', true], ['Yes', true], ['Y', true], ['y', true], ['1', true], [1, true], [true, true],
    ['false', false], ['FALSE', false], [' no ', false], ['No', false], ['N', false], ['n', false], ['0', false], [0, false], [false, false],
  ])('identified %j reads as %s', (value, expected) => {
    expect(read({ successfully_identified: value }).verification?.identified).toBe(expected);
  });

  it.each(['verified', 'ok', '2', 'si', 'nope', 2, -1])('identified %j is not guessed at: no answer, and a problem', (value) => {
    const context = read({ successfully_identified: value });
    expect(context.verification).toBeNull();
    expect(context.problems).toEqual([expect.objectContaining({ code: 'field-invalid', path: 'successfully_identified' })]);
  });

  it.each([
    [0, 0], [1, 1], ['0.87', 0.87], [' 0.87 ', 0.87], ['87%', 0.87], ['87 %', 0.87], [' 87 % ', 0.87], ['0%', 0], ['100%', 1],
  ])('confidence %j reads as %s', (value, expected) => {
    expect(read({ intent: 'x', intent_confidence: value }).intent?.confidence).toBeCloseTo(expected, 10);
  });

  it.each([87, '87', 1.0001, -0.1, '-1%', '100.5%', '150%', '%', 'high'])('confidence %j is refused: no percentage, and a problem', (value) => {
    const context = read({ intent: 'x', intent_confidence: value });
    expect(context.intent).toEqual({ name: 'x', confidence: null });
    expect(context.problems).toEqual([expect.objectContaining({ code: 'field-invalid', path: 'intent_confidence' })]);
  });

  it('trims the spacing around text values it shows in a section', () => {
    expect(read({ handoff_reason: '  billing_dispute \n' }).reason).toBe('billing_dispute');
  });
});
