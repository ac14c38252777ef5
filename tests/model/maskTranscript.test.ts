import fc from 'fast-check';
import { compileMaskPatterns, DEFAULT_MASK_PATTERNS, MASK, maskTurn, parseHandoffContext, sensitiveValuesOf, turnMasker, type CapturedField, type ConversationTurn, type TurnEntity } from '@polyai-context/model';

const patterns = compileMaskPatterns(DEFAULT_MASK_PATTERNS);

/** A caller row as parseConversation makes it, with only what a test sets. */
function turn(fields: Partial<ConversationTurn>): ConversationTurn {
  return { index: 0, speaker: 'caller', text: '', dtmf: null, translation: null, time: null, intents: [], entities: [], silence: false, outOfDomain: false, ...fields };
}

const entity = (name: string, ...values: string[]): TurnEntity => ({ name, values });

describe('maskTurn: sensitive entities in the words the caller said', () => {
  it('masks a sensitive entity everywhere the caller said it, in any letter case, and its badge; other entities and words stay', () => {
    const said = turn({ text: 'FLUFFY, my cat Fluffy, bought at Streamly', entities: [entity('security_answer', 'Fluffy'), entity('merchant', 'Streamly')] });
    expect(maskTurn(said, patterns, [])).toEqual({
      ...said,
      text: `${MASK}, my cat ${MASK}, bought at Streamly`,
      entities: [entity('security_answer', MASK), entity('merchant', 'Streamly')],
    });
  });

  it('returns null when a turn carries nothing sensitive: no reveal to offer', () => {
    expect(maskTurn(turn({ text: 'I was charged twice at Streamly', entities: [entity('merchant', 'Streamly')] }), patterns, [])).toBeNull();
    expect(maskTurn(turn({ text: 'my pin is 4321', entities: [entity('pin', '4321')] }), [], [])).toBeNull();
  });

  it('leaves an entity alone whose values are all masked at the source, and masks one with any value that is not', () => {
    const preMasked = turn({ text: 'the card ending 6789', entities: [entity('card', '****6789', 'XXXX-XXXX-6789')] });
    expect(maskTurn(preMasked, patterns, [])).toBeNull();
    const mixed = turn({ text: 'either 4111111111111111 or the other', entities: [entity('card', '****6789', '4111111111111111')] });
    // The pre-masked value is not in the words as said: the whole text is masked.
    expect(maskTurn(mixed, patterns, [])).toMatchObject({ text: MASK, entities: [entity('card', MASK)] });
  });

  it('reads entity values trimmed, and a blank sensitive value hides nothing', () => {
    expect(maskTurn(turn({ text: 'my pin is 4321', entities: [entity('pin', ' 4321 ')] }), patterns, [])?.text).toBe(`my pin is ${MASK}`);
    expect(maskTurn(turn({ text: 'my pin is', entities: [entity('pin', '  ')] }), patterns, [])).toBeNull();
  });

  it('masks the whole text when a sensitive value is not in it as written: its spoken form cannot be told apart', () => {
    const spoken = turn({ text: 'the fourth of May 1988', entities: [entity('dob', '1988-05-04')] });
    expect(maskTurn(spoken, patterns, [])).toMatchObject({ text: MASK, dtmf: null, translation: null, entities: [entity('dob', MASK)] });
    // One value said differently is enough, even when another was said as written.
    const both = turn({ text: 'the fourth of May 1988, pin 4321', entities: [entity('dob', '1988-05-04'), entity('pin', '4321')] });
    expect(maskTurn(both, patterns, [])?.text).toBe(MASK);
    // A maiden name given only as "same as my surname": nothing else in the turn to find it in.
    expect(maskTurn(turn({ text: 'it is the same as my surname', entities: [entity('security_answer', 'Stryker')] }), patterns, [])?.text).toBe(MASK);
  });

  it('does not join the text and the keys into one: a value half said, half typed masks the whole turn', () => {
    const split = turn({ text: 'my pin starts 43', dtmf: '21', entities: [entity('pin', '4321')] });
    expect(maskTurn(split, patterns, [])).toMatchObject({ text: MASK, dtmf: MASK });
  });

  it('finds a value typed on the keypad: the keys are masked, the words kept', () => {
    const typed = turn({ text: 'here you go', dtmf: '4321', entities: [entity('pin', '4321')] });
    expect(maskTurn(typed, patterns, [])).toMatchObject({ text: 'here you go', dtmf: MASK });
  });

  it('keeps an empty text empty when the rest of the turn is masked whole', () => {
    const keysOnly = turn({ text: '', dtmf: '04051988', entities: [entity('dob', '1988-05-04')] });
    expect(maskTurn(keysOnly, patterns, [])).toMatchObject({ text: '', dtmf: MASK, entities: [entity('dob', MASK)] });
  });

  it('finds a value in PolyAI\'s translation and masks it there where it stands, and the original words whole', () => {
    const translated = turn({ text: 'mi clave es uno dos tres cuatro', translation: 'my pin is 4321', entities: [entity('pin', '4321')] });
    expect(maskTurn(translated, patterns, [])).toMatchObject({ text: MASK, translation: `my pin is ${MASK}` });
    // The other way round: said as written, translated into words.
    const inWords = turn({ text: 'my pin is 4321', translation: 'mi clave es cuatro tres dos uno', entities: [entity('pin', '4321')] });
    expect(maskTurn(inWords, patterns, [])).toMatchObject({ text: `my pin is ${MASK}`, translation: MASK });
    // Typed on the keypad: the words around it are kept in both languages.
    const typed = turn({ text: 'aquí está', dtmf: '4321', translation: 'here it is', entities: [entity('pin', '4321')] });
    expect(maskTurn(typed, patterns, [])).toMatchObject({ text: 'aquí está', dtmf: MASK, translation: 'here it is' });
  });

  it('keeps keys pressed beside a value said in either language: they are not the value', () => {
    const said = turn({ text: 'my pin is 4321', dtmf: '#', entities: [entity('pin', '4321')] });
    expect(maskTurn(said, patterns, [])).toMatchObject({ text: `my pin is ${MASK}`, dtmf: '#' });
    const translated = turn({ text: 'mi clave es uno dos tres cuatro', dtmf: '#', translation: 'my pin is 4321', entities: [entity('pin', '4321')] });
    expect(maskTurn(translated, patterns, [])).toMatchObject({ text: MASK, dtmf: '#', translation: `my pin is ${MASK}` });
  });

  it('masks a sensitive entity\'s badge even when its value is too short to mask in the text', () => {
    const short = turn({ text: 'my pin is 12', entities: [entity('pin', '12')] });
    expect(maskTurn(short, patterns, [])).toEqual({ ...short, entities: [entity('pin', MASK)] });
    const silent = turn({ silence: true, entities: [entity('dob', '1988-05-04')] });
    expect(maskTurn(silent, patterns, [])).toEqual({ ...silent, entities: [entity('dob', MASK)] });
  });
});

describe('maskTurn: the handoff\'s sensitive values', () => {
  it('masks them in the text, the keys and the translation, each on its own', () => {
    const values = ['4111111111111111'];
    expect(maskTurn(turn({ text: 'card 4111111111111111 please' }), patterns, values)?.text).toBe(`card ${MASK} please`);
    expect(maskTurn(turn({ text: 'there', dtmf: '4111111111111111' }), patterns, values)).toMatchObject({ text: 'there', dtmf: MASK });
    expect(maskTurn(turn({ text: 'la tarjeta', translation: 'card 4111111111111111' }), patterns, values)).toMatchObject({ text: 'la tarjeta', translation: `card ${MASK}` });
    expect(maskTurn(turn({ text: 'nothing to hide', dtmf: '1', translation: 'nada' }), patterns, values)).toBeNull();
  });

  it('masks values of three characters or more; shorter ones would mask ordinary words', () => {
    expect(maskTurn(turn({ text: 'no, the cvv is 123' }), patterns, ['no', '123'])?.text).toBe(`no, the cvv is ${MASK}`);
    expect(maskTurn(turn({ text: 'no, it is 12' }), patterns, ['no', '12'])).toBeNull();
  });

  it('masks a value containing another whole, whatever order they come in', () => {
    const said = turn({ text: 'card 4111111111111111 ends 1111' });
    expect(maskTurn(said, patterns, ['1111', '4111111111111111'])?.text).toBe(`card ${MASK} ends ${MASK}`);
    expect(maskTurn(said, patterns, ['4111111111111111', '1111'])?.text).toBe(`card ${MASK} ends ${MASK}`);
  });

  it('masks a value with regular-expression characters as written, not as a pattern', () => {
    const said = turn({ text: 'my password is pa$$w0rd.1, not pa$$w0rdX1' });
    expect(maskTurn(said, patterns, ['pa$$w0rd.1'])?.text).toBe(`my password is ${MASK}, not pa$$w0rdX1`);
  });

  it('masks at most 50 values a turn, whatever the handoff carries', () => {
    const fifty = Array.from({ length: 50 }, (_, index) => `value-${String(index).padStart(2, '0')}`);
    const said = turn({ text: 'value-00 and value-49 and overflow' });
    expect(maskTurn(said, patterns, [...fifty, 'overflow'])?.text).toBe(`${MASK} and ${MASK} and overflow`);
  });
});

describe('sensitiveValuesOf: what the transcript masks from the handoff', () => {
  it('takes the account number and every sensitive captured text or number; nothing else', () => {
    const context = parseHandoffContext({
      polyai: { data: { account_number: '12345678', card: { number: '4111111111111111', verified: true, expiry: null }, pin: 4321, merchant: 'Streamly', answer: 'x' } },
    });
    expect(sensitiveValuesOf(context, patterns)).toEqual(['12345678', '4111111111111111', '4321']);
  });

  it('leaves out values masked at their source and everything when no pattern applies', () => {
    const context = parseHandoffContext({ polyai: { data: { account_number: '****5678', card: { number: 'XXXX-XXXX-1111' } } } });
    expect(sensitiveValuesOf(context, patterns)).toEqual([]);
    expect(sensitiveValuesOf(parseHandoffContext({ polyai: { data: { account_number: '12345678', pin: '4321' } } }), [])).toEqual([]);
  });

  it('trims the values it returns', () => {
    const context = parseHandoffContext({});
    const pin: CapturedField = { path: 'pin', segments: ['pin'], label: 'Pin', value: ' 4321 ', kind: 'string' };
    const spaced = { ...context, customer: { ...context.customer, accountNumber: ' 12345678 ' }, fields: [pin] };
    expect(sensitiveValuesOf(spaced, patterns)).toEqual(['12345678', '4321']);
  });
});

describe('turnMasker: maskTurn for a whole call, the values prepared once', () => {
  // Letters whose case the masking folds in ways lower-casing does not (final sigma, sharp s, long s, micro
  // sign, Kelvin sign, dotted and dotless i), beside plain ones, digits and spaces.
  const letters = ['a', 'A', 'b', 's', 'S', 'σ', 'ς', 'Σ', 'ß', 'ſ', 'µ', 'μ', 'K', 'k', 'İ', 'ı', 'i', '1', '2', ' '];
  const text = fc.array(fc.constantFrom(...letters), { maxLength: 12 }).map((chars) => chars.join(''));
  const entities = fc.array(fc.record({ name: fc.constantFrom('pin', 'merchant', 'dob', 'note'), values: fc.array(text, { minLength: 1, maxLength: 2 }) }), { maxLength: 2 });
  const turns = fc.record({ text, dtmf: fc.option(fc.constantFrom('1234', '12', '#1'), { nil: null }), translation: fc.option(text, { nil: null }), entities });

  it('masks every turn exactly as maskTurn does', () => {
    fc.assert(
      fc.property(turns, fc.array(text, { maxLength: 3 }), (fields, values) => {
        const said = turn(fields);
        expect(turnMasker(patterns, values)(said)).toEqual(maskTurn(said, patterns, values));
      }),
      { numRuns: 2000 },
    );
  });

  it('masks a whole call as maskTurn masks each of its turns, one masker for the call', () => {
    fc.assert(
      fc.property(fc.array(turns, { maxLength: 20 }), fc.array(text, { maxLength: 3 }), (call, values) => {
        const mask = turnMasker(patterns, values);
        const said = call.map((fields, index) => turn({ ...fields, index }));
        expect(said.map(mask)).toEqual(said.map((each) => maskTurn(each, patterns, values)));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a handoff value in another letter case, and passes over a turn without it', () => {
    const mask = turnMasker(patterns, ['Fluffy', 'ΟΔΟΣ']);
    expect(mask(turn({ text: 'my cat FLUFFY' }))?.text).toBe(`my cat ${MASK}`);
    expect(mask(turn({ text: 'on οδος street' }))?.text).toBe(`on ${MASK} street`);
    expect(mask(turn({ translation: 'mi gato fluffy' }))?.translation).toBe(`mi gato ${MASK}`);
    expect(mask(turn({ text: 'my cat Tom', entities: [entity('merchant', 'Streamly')] }))).toBeNull();
    expect(mask(turn({ text: 'my pin is 4321', entities: [entity('pin', '4321')] }))?.text).toBe(`my pin is ${MASK}`);
  });
});
