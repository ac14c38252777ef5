import { CONVERSATION_LIMITS, conversationAnswer, earlierTurnsOf, LATEST_TURNS, latestTurns, parseConversation, type ConversationTurn } from '@polyai-context/model';
import { TAIL_TURNS } from '../../src/views/Transcript/TranscriptList';
import { longCall, sampleConversation } from '../support/longCall';
import { rowsOf } from '../support/conversationRows';

/** A row as the tab shows it, whatever its place in the list it was read from. */
const placeless = ({ index: _index, ...row }: ConversationTurn) => row;

describe('latestTurns: the Function\'s first answer holds the transcript\'s last rows', () => {
  it('cuts a long call to the turns that make its last rows, which read exactly as the whole call\'s last rows', () => {
    const body = longCall(1_000);
    const whole = rowsOf(parseConversation(body).turns);
    const cut = latestTurns(body);
    expect(cut).not.toBeNull();
    const { conversation, latest } = cut!;
    const page = rowsOf(parseConversation(conversation).turns);
    expect(latest).toEqual({ total: whole.length, earlier: whole.length - page.length });
    expect(page.length).toBeGreaterThanOrEqual(LATEST_TURNS);
    // Whole turns only: at most one more row than asked for (the caller's half of the first turn kept).
    expect(page.length).toBeLessThanOrEqual(LATEST_TURNS + 1);
    expect(page.map(placeless)).toEqual(whole.slice(latest.earlier).map(placeless));
    // Everything but the turn list is PolyAI's body as sent.
    expect({ ...conversation, turns: undefined }).toEqual({ ...body, turns: undefined });
  });

  it('answers a 10,000-turn call with what it answers a 1,000-turn call: the first answer does not grow with the call', () => {
    const size = (turns: number, latest: boolean) => JSON.stringify(conversationAnswer(longCall(turns), latest)).length;
    // Each text's number has a digit more at 10,000: a few percent, not ten times.
    expect(size(10_000, true) / size(1_000, true)).toBeLessThan(1.05);
    expect(size(10_000, true)).toBeLessThan(size(10_000, false) / 50);
  });

  it('keeps a turn\'s two halves together where the cut falls between them', () => {
    // Every turn makes a caller's and an agent's row: 3 rows from the end is an agent's half.
    const turns = Array.from({ length: 10 }, (_, index) => ({ user_input: `q${index}`, agent_response: `a${index}` }));
    const cut = latestTurns({ turns }, 3);
    expect(cut?.conversation.turns).toEqual(turns.slice(8));
    expect(cut?.latest).toEqual({ total: 20, earlier: 16 });
    expect(rowsOf(parseConversation(cut?.conversation).turns).map((row) => row.text)).toEqual(['q8', 'a8', 'q9', 'a9']);
  });

  it('counts rows, not PolyAI\'s entries: turns that make no row are passed over as the transcript passes them', () => {
    const turns: unknown[] = [];
    for (let index = 0; index < 300; index += 1) turns.push({ user_input: `q${index}` }, {}, 'not a turn', { user_input: '   ', agent_response: '' });
    const cut = latestTurns({ turns }, 5);
    expect(cut?.latest).toEqual({ total: 300, earlier: 295 });
    expect(rowsOf(parseConversation(cut?.conversation).turns).map((row) => row.text)).toEqual(['q295', 'q296', 'q297', 'q298', 'q299']);
  });

  it('is null when nothing would be left out, and the Function then answers the body whole', () => {
    expect(latestTurns(sampleConversation)).toBeNull();
    expect(latestTurns(longCall(LATEST_TURNS / 2))).toBeNull();
    expect(conversationAnswer(sampleConversation, true).conversation).toBe(sampleConversation);
    expect(conversationAnswer(sampleConversation, true)).not.toHaveProperty('latest');
  });

  it('answers the whole body when not asked for the latest turns, however long the call', () => {
    const body = longCall(1_000);
    expect(conversationAnswer(body, false)).toEqual({ conversation: body });
    expect(conversationAnswer(body, false).conversation).toBe(body);
    expect(conversationAnswer(body, true).latest).toMatchObject({ total: 1_800 });
  });

  it('answers a call over the transcript\'s limits whole: its rows are its first ones, not its last', () => {
    const limits = { ...CONVERSATION_LIMITS, maxTurns: 50 };
    expect(latestTurns(longCall(100), 10, limits)).toBeNull();
    const entries = [...longCall(20).turns, ...Array.from({ length: 40 }, () => ({}))];
    expect(latestTurns({ turns: entries }, 10, limits)).toBeNull();
    // Within them, it cuts (row 26 is an agent's half: its caller's row comes too).
    expect(latestTurns(longCall(20), 10, limits)?.latest).toEqual({ total: 36, earlier: 25 });
  });

  it.each<[string, unknown]>([
    ['no body', undefined],
    ['a string', '{"turns":[]}'],
    ['a list', [{ user_input: 'hi' }]],
    ['no turn list', { conversationId: 'CA1' }],
    ['a turn list that is not a list', { turns: { 0: { user_input: 'hi' }, length: 1 } }],
    ['a sparse list claiming 2^32-1 turns', { turns: Object.assign([], { length: 2 ** 32 - 1 }) }],
  ])('is null for %s', (_, body) => {
    expect(latestTurns(body, 1)).toBeNull();
  });

  it('never throws: a body or turn whose reading throws is answered whole', () => {
    const throwing = Object.defineProperty({ user_input: 'hi' }, 'agent_response', { enumerable: true, get: () => { throw new Error('boom'); } });
    const hostile = [
      { turns: [{ user_input: 'a' }, throwing, { user_input: 'b' }] },
      { turns: new Proxy([{ user_input: 'a' }, { user_input: 'b' }], { get: () => { throw new Error('boom'); } }) },
      new Proxy({ turns: [{ user_input: 'a' }, { user_input: 'b' }] }, { ownKeys: () => { throw new Error('boom'); } }),
    ];
    for (const body of hostile) {
      expect(() => latestTurns(body, 1)).not.toThrow();
      expect(() => conversationAnswer(body, true)).not.toThrow();
    }
  });

  it('is null for a count that keeps no row', () => {
    for (const rows of [0, -1, 1.5, Number.NaN]) expect(latestTurns(longCall(10), rows)).toBeNull();
  });

  it('holds at least the rows the tab shows first', () => {
    expect(LATEST_TURNS).toBeGreaterThanOrEqual(TAIL_TURNS);
  });
});

describe('earlierTurnsOf: what the plugin reads of an answer\'s `latest`', () => {
  it('is 0 without one (the whole call, as an older Function answers)', () => {
    expect(earlierTurnsOf(undefined, 9)).toBe(0);
  });

  it('is the rows left out when they add up with the rows the body made', () => {
    expect(earlierTurnsOf({ total: 1_800, earlier: 1_700 }, 100)).toBe(1_700);
  });

  it.each<[string, unknown, number]>([
    ['null', null, 100],
    ['not adding up', { total: 1_800, earlier: 1_000 }, 100],
    ['nothing left out', { total: 100, earlier: 0 }, 100],
    ['fractions', { total: 100.5, earlier: 0.5 }, 100],
    ['strings', { total: '1800', earlier: '1700' }, 100],
    ['more than the transcript ever holds', { total: CONVERSATION_LIMITS.maxTurns + 100, earlier: CONVERSATION_LIMITS.maxTurns }, 100],
    ['a list', [1_800, 1_700], 100],
  ])('is null for %s', (_, latest, rows) => {
    expect(earlierTurnsOf(latest, rows)).toBeNull();
  });
});
