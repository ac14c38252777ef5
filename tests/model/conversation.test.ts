import { CONVERSATION_LIMITS, parseConversation } from '@polyai-context/model';
import { fixture } from '../support/fixtures';
import { rowsOf } from '../support/conversationRows';

/** One published `ConversationTurn` with every field empty, as PolyAI sends them ("" not null). */
const blankTurn = {
  user_input: '',
  user_input_dtmf: '',
  user_input_datetime: '2026-11-20T09:14:02Z',
  agent_response: '',
  agent_response_datetime: '2026-11-20T09:14:03Z',
  latency: 0.5,
  translated_user_input: '',
  english_agent_response: '',
  intents: [] as string[],
  entities: [] as Array<Record<string, string | string[]>>,
  is_ood: false,
  is_silence: false,
};

describe('parseConversation (PolyAI ConversationDetailResponse)', () => {
  it('reads the published sample: id, conversation-level fields, rows with their own times', () => {
    const conversation = parseConversation(fixture('conversation.json'));
    expect(conversation).toMatchObject({
      id: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9',
      summary: 'Duplicate subscription charge, wants refund',
      handoffReason: 'billing_dispute',
      handoffDestination: 'billing',
      inProgress: false,
      language: 'en-GB',
      truncated: false,
    });
    // Turn 1 has no caller input (the greeting), turn 4 is a silence: it is marked, not skipped.
    expect(rowsOf(conversation.turns).map((turn) => turn.speaker)).toEqual(['agent', 'caller', 'agent', 'caller', 'agent', 'caller', 'agent', 'caller', 'agent']);
    expect(rowsOf(conversation.turns)[0].time).toBe(Date.parse('2026-11-20T09:14:03Z'));
    expect(rowsOf(conversation.turns)[1]).toEqual({
      index: 1,
      speaker: 'caller',
      text: 'I was charged twice for my subscription',
      dtmf: null,
      translation: null,
      time: Date.parse('2026-11-20T09:14:09Z'),
      intents: ['dispute_charge'],
      entities: [],
      silence: false,
      outOfDomain: false,
    });
    expect(rowsOf(conversation.turns)[2].time).toBe(Date.parse('2026-11-20T09:14:12Z'));
    expect(rowsOf(conversation.turns)[3].entities).toEqual([
      { name: 'dob', values: ['1988-05-04'] },
      { name: 'postcode', values: ['SW1A 1AA'] },
    ]);
    expect(rowsOf(conversation.turns)[5]).toMatchObject({ speaker: 'caller', text: '', silence: true, time: Date.parse('2026-11-20T09:14:38Z') });
    expect(rowsOf(conversation.turns)[7].entities).toEqual([
      { name: 'charge_amount', values: ['42.50'] },
      { name: 'charge_date', values: ['2026-11-14'] },
      { name: 'merchant', values: ['Streamly', 'Streamly Premium'] },
    ]);
  });

  it('reads DTMF, translations and out-of-domain turns', () => {
    const turns = rowsOf(parseConversation({
      conversationId: 'CONV-1',
      accountId: 'ws-a',
      projectId: 'PROJECT-a',
      turns: [
        { ...blankTurn, user_input_dtmf: '1 2 3 4#', agent_response: 'Thanks' },
        { ...blankTurn, user_input: 'quiero hablar con alguien', translated_user_input: 'I want to talk to someone', agent_response: 'Un momento', english_agent_response: 'One moment' },
        { ...blankTurn, user_input: 'what is the weather', is_ood: true },
        { ...blankTurn, user_input: 'same', translated_user_input: 'same' },
        { ...blankTurn, user_input_dtmf: 'not keys' },
      ],
    }).turns);
    expect(turns[0]).toMatchObject({ speaker: 'caller', text: '', dtmf: '1234#' });
    expect(turns[1]).toMatchObject({ speaker: 'agent', text: 'Thanks', dtmf: null });
    expect(turns[2]).toMatchObject({ text: 'quiero hablar con alguien', translation: 'I want to talk to someone' });
    expect(turns[3]).toMatchObject({ speaker: 'agent', text: 'Un momento', translation: 'One moment' });
    expect(turns[4]).toMatchObject({ text: 'what is the weather', outOfDomain: true });
    expect(turns[5]).toMatchObject({ text: 'same', translation: null });
    // Neither speech, keys, silence nor out of domain: no blank row.
    expect(turns).toHaveLength(6);
  });

  it('puts badges on the agent row when the caller row is empty, and accepts the Function wrapper and JSON strings', () => {
    const body = JSON.stringify({ conversation: { turns: [{ ...blankTurn, agent_response: 'hello', intents: ['greet'], entities: [{ a: 'b' }] }] } });
    const turns = rowsOf(parseConversation(body).turns);
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ speaker: 'agent', intents: ['greet'], entities: [{ name: 'a', values: ['b'] }] });
  });

  it('does not read the guessed shape (timestamp, {name, value} entities, id) as the published one', () => {
    const conversation = parseConversation({ id: 'CA1', summary: 's', turns: [{ timestamp: '2026-11-20T09:14:02Z', user_input: 'hi', entities: [{ name: 'dob', value: 'x' }] }] });
    expect(conversation.id).toBeNull();
    expect(conversation.summary).toBeNull();
    expect(rowsOf(conversation.turns)[0].time).toBeNull();
    // `{name, value}` is read as PolyAI's mapping: two entities called "name" and "value".
    expect(rowsOf(conversation.turns)[0].entities).toEqual([
      { name: 'name', values: ['dob'] },
      { name: 'value', values: ['x'] },
    ]);
  });

  it('never throws on garbage and keeps only readable turns', () => {
    for (const input of [undefined, null, 42, 'not json', [], { turns: 'x' }, { turns: [null, 1, 'a', { user_input: 5 }, { agent_response: '  ' }] }]) {
      expect(() => parseConversation(input)).not.toThrow();
      expect(parseConversation(input).turns).toHaveLength(0);
    }
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    expect(parseConversation(hostile).turns).toHaveLength(0);
    const proto = parseConversation(JSON.parse('{"__proto__": {"polluted": true}, "turns": [{"user_input": "x", "entities": [{"__proto__": "y"}, {"bad": {"nested": 1}}, {"list": [1, null, "z"]}]}]}'));
    expect(rowsOf(proto.turns)[0].entities).toEqual([
      { name: '__proto__', values: ['y'] },
      { name: 'list', values: ['1', 'z'] },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseConversation({ inProgress: 'yes' }).inProgress).toBeNull();
    expect(rowsOf(parseConversation({ turns: [{ user_input: 'x', user_input_datetime: 'soon' }] }).turns)[0].time).toBeNull();
  });

  it('bounds rows, text and badges', () => {
    const limits = { ...CONVERSATION_LIMITS, maxTurns: 3, maxTextChars: 5, maxBadges: 2 };
    const turns = Array.from({ length: 10 }, () => ({ user_input: 'abcdefghij', intents: ['a', 'b', 'c'], entities: [{ x: ['1', '2', '3'], y: '1', z: '2' }] }));
    const conversation = parseConversation({ turns }, limits);
    expect(conversation.turns).toHaveLength(3);
    expect(rowsOf(conversation.turns)[0].text).toBe('abcde…');
    expect(rowsOf(conversation.turns)[0].intents).toEqual(['a', 'b']);
    expect(rowsOf(conversation.turns)[0].entities).toEqual([
      { name: 'x', values: ['1', '2'] },
      { name: 'y', values: ['1'] },
    ]);
    expect(conversation.truncated).toBe(true);
    expect(parseConversation({ turns: turns.slice(0, 3).map(() => ({ user_input: 'ok' })) }, limits).truncated).toBe(false);
    expect(parseConversation({ turns: turns.slice(0, 4).map(() => ({ user_input: 'ok' })) }, limits).truncated).toBe(true);
  });
});

/** Each limit and reading rule on its own (found by mutation testing): what the transcript shows at the edges. */
describe('parseConversation at its edges', () => {
  const turn = (fields: Record<string, unknown>) => ({ ...blankTurn, ...fields });
  const one = (fields: Record<string, unknown>, limits = CONVERSATION_LIMITS) => parseConversation({ turns: [turn(fields)] }, limits);

  it('has the documented limits: 20,000 rows, 5,000 characters a text, 20 badges, 20 MB of JSON', () => {
    expect(CONVERSATION_LIMITS).toEqual({ maxTurns: 20_000, maxTextChars: 5_000, maxBadges: 20, maxJsonChars: 20_000_000 });
  });

  it('says the transcript was cut for each reason on its own, and not otherwise', () => {
    const small = { ...CONVERSATION_LIMITS, maxTextChars: 5, maxBadges: 2 };
    expect(one({ user_input: 'abcde', intents: ['a', 'b'], entities: [{ x: ['1', '2'], y: '1' }] }, small).truncated).toBe(false);
    expect(one({ user_input: 'abcdef' }, small).truncated).toBe(true);
    expect(one({ user_input: 'a', intents: ['a', 'b', 'c'] }, small).truncated).toBe(true);
    expect(one({ user_input: 'a', entities: [{ x: ['1', '2', '3'] }] }, small).truncated).toBe(true);
    expect(one({ user_input: 'a', entities: [{ x: '1' }, { y: '1' }, { z: '1' }] }, small).truncated).toBe(true);
    const cut = one({ user_input: 'a', entities: [{ x: '1', y: '1', z: '1' }] }, small);
    expect(cut.truncated).toBe(true);
    expect(rowsOf(cut.turns)).toMatchObject([{ entities: [{ name: 'x' }, { name: 'y' }] }]);
    expect(parseConversation({ summary: 'x', turns: [] }, { ...CONVERSATION_LIMITS, maxJsonChars: 5 }).truncated).toBe(false);
    expect(parseConversation('{"turns":[]}', { ...CONVERSATION_LIMITS, maxJsonChars: 12 }).truncated).toBe(false);
    expect(parseConversation('{"turns": []}', { ...CONVERSATION_LIMITS, maxJsonChars: 12 })).toMatchObject({ truncated: true, turns: { length: 0 } });
  });

  it('stops at the row limit even when a turn has two rows', () => {
    const limits = { ...CONVERSATION_LIMITS, maxTurns: 3 };
    const { turns, truncated } = parseConversation({ turns: [turn({ user_input: 'a', agent_response: 'b' }), turn({ user_input: 'c', agent_response: 'd' })] }, limits);
    expect(rowsOf(turns).map((row) => [row.index, row.speaker, row.text])).toEqual([[0, 'caller', 'a'], [1, 'agent', 'b'], [2, 'caller', 'c']]);
    expect(truncated).toBe(true);
  });

  it('shows a silent turn as a caller row, with the turn\'s badges on the caller row only', () => {
    const turns = rowsOf(one({ is_silence: true, agent_response: 'Are you there?', intents: ['silence'], entities: [{ a: 'b' }] }).turns);
    expect(turns).toEqual([
      expect.objectContaining({ speaker: 'caller', text: '', silence: true, outOfDomain: false, intents: ['silence'], entities: [{ name: 'a', values: ['b'] }] }),
      expect.objectContaining({ speaker: 'agent', text: 'Are you there?', silence: false, intents: [], entities: [] }),
    ]);
    expect(one({ is_silence: 'true', is_ood: 1 }).turns).toHaveLength(0);
  });

  it('reads badges as trimmed text or finite numbers, at most 200 characters', () => {
    const turns = rowsOf(one({ user_input: 'x', intents: ['  refund ', 3, Number.NaN, '', '  ', null, 'i'.repeat(201)], entities: [{ '': 'no name', n: 7, long: 'v'.repeat(201), [`${'k'.repeat(201)}`]: 'x', none: [] }] }).turns);
    expect(turns[0].intents).toEqual(['refund', '3', 'i'.repeat(200)]);
    expect(turns[0].entities).toEqual([
      { name: 'n', values: ['7'] },
      { name: 'long', values: ['v'.repeat(200)] },
      { name: 'k'.repeat(200), values: ['x'] },
    ]);
  });

  it('reads keypad input: digits, * # A-D and w pauses, up to 64 keys, spaces and commas ignored', () => {
    const dtmf = (value: unknown) => rowsOf(one({ user_input_dtmf: value }).turns)[0]?.dtmf ?? null;
    expect(dtmf('12,34 *#')).toBe('1234*#');
    expect(dtmf('abcdw')).toBe('abcdw');
    expect(dtmf('1'.repeat(64))).toBe('1'.repeat(64));
    expect(dtmf('1'.repeat(65))).toBeNull();
    expect(dtmf('12e')).toBeNull();
    expect(dtmf('e12')).toBeNull(); // a non-key anywhere, not only at the end
    expect(dtmf(' , ')).toBeNull();
    expect(dtmf(1234)).toBeNull();
  });

  it('reads times a date can hold, and conversation-level fields trimmed', () => {
    const time = (value: unknown) => rowsOf(one({ user_input: 'x', user_input_datetime: value }).turns)[0].time;
    expect(time('2026-11-20T09:14:02Z')).toBe(Date.parse('2026-11-20T09:14:02Z'));
    expect(time('+275760-09-13T00:00:00.000Z')).toBe(8.64e15);
    expect(time('-271821-04-20T00:00:00.000Z')).toBe(-8.64e15);
    expect(time(1_700_000_000_000)).toBeNull();
    const conversation = parseConversation({ conversationId: ' CA1 ', shortSummary: ' s ', handoffReason: 'r', handoffDestination: 'd', inProgress: false, language: 'en-GB' });
    expect(conversation).toMatchObject({ id: 'CA1', summary: 's', handoffReason: 'r', handoffDestination: 'd', inProgress: false, language: 'en-GB', turns: { length: 0 }, truncated: false });
    expect(parseConversation({ inProgress: true }).inProgress).toBe(true);
    expect(parseConversation({ conversation: 'not an object', conversationId: 'outer' }).id).toBe('outer');
  });

  it('reads nothing from a body it cannot read, and does not call that cut', () => {
    const nothing = {
      id: null, summary: null, handoffReason: null, handoffDestination: null, inProgress: null, language: null, turns: expect.objectContaining({ length: 0 }),
      functionEvents: [], tags: [], note: null, polyScore: null, startedAt: null, finishedAt: null, polyaiSeconds: null, unread: [], truncated: false,
    };
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    for (const input of [undefined, 42, 'not json', [], hostile]) expect(parseConversation(input)).toEqual(nothing);
  });

  it('keeps the badges on the caller row when the caller spoke, pressed keys or went out of domain; the answer gets none', () => {
    const badges = { agent_response: 'Sure', intents: ['refund'], entities: [{ order_number: 'AB1234' }] };
    const onCaller = { intents: ['refund'], entities: [{ name: 'order_number', values: ['AB1234'] }] };
    const answer = { speaker: 'agent', text: 'Sure', intents: [], entities: [], silence: false, outOfDomain: false };
    for (const caller of [{ user_input: 'a refund please' }, { user_input_dtmf: '1234' }, { user_input: 'what is the weather', is_ood: true }]) {
      const turns = rowsOf(one({ ...caller, ...badges }).turns);
      expect(turns).toEqual([expect.objectContaining({ speaker: 'caller', ...onCaller }), expect.objectContaining(answer)]);
    }
  });

  it('reads intents and entities only from lists', () => {
    expect(rowsOf(one({ user_input: 'x', intents: 'refund', entities: { dob: '1988-05-04' } }).turns)[0]).toMatchObject({ intents: [], entities: [] });
    expect(rowsOf(parseConversation({ turns: [{ user_input: 'x' }] }).turns)[0]).toMatchObject({ intents: [], entities: [] });
  });

  it('reads at most as many turn entries as the row limit, whatever they hold, and says the rest was cut', () => {
    const limits = { ...CONVERSATION_LIMITS, maxTurns: 2 };
    expect(parseConversation({ turns: [null, 7, turn({ user_input: 'late' })] }, limits)).toMatchObject({ turns: { length: 0 }, truncated: true });
  });

  it('reads no turn past the row limit, and a stray non-object after the last row is not a cut', () => {
    // Two rows from the first turn fill the limit before the second entry is reached.
    const limits = { ...CONVERSATION_LIMITS, maxTurns: 2 };
    const full = { user_input: 'a', agent_response: 'b' };
    let reads = 0;
    const unread = { get user_input() { reads += 1; return 'late'; } };
    const withUnread = parseConversation({ turns: [full, unread] }, limits);
    expect(rowsOf(withUnread.turns)).toMatchObject([{ text: 'a' }, { text: 'b' }]);
    expect(withUnread.truncated).toBe(true);
    expect(reads).toBe(0);
    const withNull = parseConversation({ turns: [full, null] }, limits);
    expect(rowsOf(withNull.turns)).toMatchObject([{ text: 'a' }, { text: 'b' }]);
    expect(withNull.truncated).toBe(false);
  });

  it('reads at most as many entity objects as the badge limit, whatever they hold, and says the rest was cut', () => {
    const small = { ...CONVERSATION_LIMITS, maxBadges: 2 };
    const late = one({ user_input: 'a', entities: [null, 'x', { late: '1' }] }, small);
    expect(late.truncated).toBe(true);
    expect(rowsOf(late.turns)).toMatchObject([{ entities: [] }]);
  });
});

describe('parseConversation over a long call', () => {
  const said = (index: number) => ({ ...blankTurn, user_input: `question ${index}`, agent_response: `answer ${index}` });
  const longCall = (last: object, turns = 10_000) => ({ turns: [...Array.from({ length: turns - 1 }, (_, index) => said(index)), last] });

  it('reads a turn at the end of a 10,000-turn call exactly as the same turn alone', () => {
    const last = {
      ...blankTurn,
      user_input: ' I need a refund ',
      user_input_dtmf: '1 2 3',
      translated_user_input: 'Necesito un reembolso',
      agent_response: 'Sure.',
      english_agent_response: 'sure.',
      intents: ['refund', 7, ''],
      entities: [{ order_number: 'AB1234', amounts: ['42.50', 42.5] }],
    };
    const alone = rowsOf(parseConversation({ turns: [last] }).turns);
    const long = parseConversation(longCall(last));
    expect(long.turns).toHaveLength(20_000);
    expect(rowsOf(long.turns).slice(-2)).toEqual(alone.map((turn) => ({ ...turn, index: turn.index + 19_998 })));
    expect(long.truncated).toBe(false);
  });

  it('reports a text cut or too many badges in the last turn of a long call', () => {
    const longText = longCall({ ...blankTurn, agent_response: 'x'.repeat(CONVERSATION_LIMITS.maxTextChars + 1) });
    expect(parseConversation(longText).truncated).toBe(true);
    const manyIntents = longCall({ ...blankTurn, user_input: 'hi', intents: Array.from({ length: CONVERSATION_LIMITS.maxBadges + 1 }, (_, index) => `i${index}`) });
    expect(parseConversation(manyIntents).truncated).toBe(true);
    expect(parseConversation(longCall(said(9_999))).truncated).toBe(false);
  });

  it('keeps each turn\'s badges its own: turns without badges share nothing that can be changed', () => {
    const turns = rowsOf(parseConversation(longCall({ ...blankTurn, agent_response: 'Done.', intents: ['refund'] }, 3)).turns);
    expect(turns.map((turn) => turn.intents)).toEqual([[], [], [], [], ['refund']]);
    expect(() => (turns[0].intents as string[]).push('leak')).toThrow(TypeError);
    expect(turns[1].intents).toEqual([]);
    expect(turns[4].intents).toEqual(['refund']);
  });
});

describe('parseConversation reads each row when it is asked for', () => {
  /** A turn whose times count how often they are read (only a row read in full reads its time). */
  const counted = (reads: number[], index: number) => ({
    ...blankTurn,
    user_input: `caller ${index}`,
    agent_response: `agent ${index}`,
    get user_input_datetime() {
      reads.push(index);
      return '2026-11-20T09:14:03Z';
    },
  });

  it('reads no row until asked for, then each once, and answers the same row each time', () => {
    const reads: number[] = [];
    const { turns } = parseConversation({ turns: Array.from({ length: 1_000 }, (_, index) => counted(reads, index)) });
    expect(turns).toHaveLength(2_000);
    expect(reads).toEqual([]);
    const last = turns.at(1_998);
    expect(last).toMatchObject({ index: 1_998, speaker: 'caller', text: 'caller 999', time: Date.parse('2026-11-20T09:14:03Z') });
    expect(turns.at(1_998)).toBe(last);
    expect(turns.at(1_999)).toMatchObject({ index: 1_999, speaker: 'agent', text: 'agent 999' });
    expect(reads).toEqual([999]);
  });

  it('answers nothing outside the rows', () => {
    const { turns } = parseConversation({ turns: [{ ...blankTurn, user_input: 'only' }] });
    expect([-1, 1, 0.5, Number.NaN].map((index) => turns.at(index))).toEqual([undefined, undefined, undefined, undefined]);
    expect(turns.at(0)).toMatchObject({ text: 'only' });
  });

  it('knows the call was cut before any row is read: a translation, an answer\'s translation or an entity list over its limit', () => {
    const long = 'x'.repeat(CONVERSATION_LIMITS.maxTextChars + 1);
    const many = Array.from({ length: CONVERSATION_LIMITS.maxBadges + 1 }, (_, index) => `v${index}`);
    for (const last of [
      { ...blankTurn, user_input: 'hola', translated_user_input: long },
      { ...blankTurn, agent_response: 'Un momento', english_agent_response: long },
      { ...blankTurn, user_input: 'hi', entities: [{ amounts: many }] },
      { ...blankTurn, user_input: 'hi', entities: many.map((value) => ({ [value]: value })) },
    ]) {
      const reads: number[] = [];
      expect(parseConversation({ turns: [counted(reads, 0), last] }).truncated).toBe(true);
      expect(reads).toEqual([]);
    }
    // A translation is only read for a row that is shown: one of no row cuts nothing.
    expect(parseConversation({ turns: [{ ...blankTurn, translated_user_input: long }] }).truncated).toBe(false);
  });
});
