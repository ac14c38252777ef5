/**
 * The `polyai` attribute's packing, edge by edge (found by mutation testing): the exact character at which a value
 * stops fitting, the shortest cut text, the repacks that make room for the names of what was left out, and cuts
 * that count each character as JSON writes it.
 */
import { INCOMPLETE_MARKER, MAX_POLYAI_ATTRIBUTE_CHARS, toPolyaiAttributes, type PolyaiEnvelope } from '@polyai-context/model';

function attribute(data: Record<string, unknown>, budget: number = MAX_POLYAI_ATTRIBUTE_CHARS): PolyaiEnvelope {
  return toPolyaiAttributes({ ok: true, body: { id: 'CA1', data } }, budget).polyai;
}

const keptData = (polyai: PolyaiEnvelope) => polyai.data as Record<string, unknown>;
/** A 40-character key name: the longest the marker lists whole. */
const field = (index: number) => `${'x'.repeat(39)}${index}`;

describe('polyai attribute: budget edges', () => {
  // 640 − 22 for `{"id":"CA1","data":{}}` − 41 held back for the largest marker (`{"incomplete":{"count":99999,
  // "keys":[]}}` and a comma) − the key (`"notes":` or `"summary":` and a comma) − 2 quotes.
  it('keeps a value whose entry fills the budget exactly, and leaves it out one character over', () => {
    expect(attribute({ notes: 'n'.repeat(566) })).toEqual({ id: 'CA1', data: { notes: 'n'.repeat(566) } });
    expect(attribute({ notes: 'n'.repeat(567) })).toEqual({ id: 'CA1', data: {}, [INCOMPLETE_MARKER]: { count: 1, keys: ['notes'] } });
  });

  it('keeps a summary that fits exactly whole, and cuts it one character over', () => {
    expect(attribute({ summary: 's'.repeat(564) })).toEqual({ id: 'CA1', data: { summary: 's'.repeat(564) } });
    const over = attribute({ summary: 's'.repeat(565) });
    expect(keptData(over).summary).toMatch(/^s{40,}…$/);
    expect(over[INCOMPLETE_MARKER]).toEqual({ count: 1, keys: ['summary'] });
  });

  it('cuts a text to no fewer than 40 characters and an ellipsis: with less room it is left out whole', () => {
    const summary = 'w'.repeat(2_000);
    let budget = 60;
    while (keptData(attribute({ summary }, budget)).summary === undefined) budget += 1;
    expect(attribute({ summary }, budget)).toEqual({ id: 'CA1', data: { summary: `${'w'.repeat(40)}…` }, [INCOMPLETE_MARKER]: { count: 1, keys: ['summary'] } });
    expect(attribute({ summary }, budget - 1)).toEqual({ id: 'CA1', data: {}, [INCOMPLETE_MARKER]: { count: 1, keys: ['summary'] } });
  });

  it('treats an undefined value as no value: neither stored nor listed as not loaded', () => {
    const polyai = attribute({ gone: undefined, intent: 'refund' });
    expect(polyai[INCOMPLETE_MARKER]).toBeUndefined();
    expect(JSON.parse(JSON.stringify(polyai))).toEqual({ id: 'CA1', data: { intent: 'refund' } });
  });

  it('returns data a Function can still change like parsed JSON: each kept value can be rewritten or removed', () => {
    const data = keptData(attribute({ intent: 'refund', summary: 'short' }));
    data.intent = 'billing';
    delete data.summary;
    expect(data).toEqual({ intent: 'billing' });
  });
});

describe('polyai attribute: room for the names of what was left out', () => {
  it('holds back room for a long key by its first 40 characters only', () => {
    const long = 'L'.repeat(100);
    // The notes leave exactly the 43 characters the long key's listed name takes (`"LLL…L",`, 40 letters).
    expect(attribute({ notes: 'n'.repeat(523), [long]: 'v'.repeat(1_000) })).toEqual({
      id: 'CA1', data: { notes: 'n'.repeat(523) }, [INCOMPLETE_MARKER]: { count: 1, keys: ['L'.repeat(40)] },
    });
    // One character less room: the notes make way for the name.
    expect(attribute({ notes: 'n'.repeat(524), [long]: 'v'.repeat(1_000) })).toEqual({
      id: 'CA1', data: {}, [INCOMPLETE_MARKER]: { count: 2, keys: ['notes', 'L'.repeat(40)] },
    });
  });

  it('repacks to name every key it leaves out, even when that leaves out another value', () => {
    // Three values fit with no room for the fourth's name; making room for it leaves out the third, and then
    // room for both names leaves out the second: the first value stays, the other three are named.
    const data = { [field(0)]: 'v'.repeat(10), [field(1)]: 'v'.repeat(10), [field(2)]: 'v'.repeat(10), [field(3)]: 'v'.repeat(40) };
    expect(attribute(data, 250)).toEqual({
      id: 'CA1', data: { [field(0)]: 'v'.repeat(10) }, [INCOMPLETE_MARKER]: { count: 3, keys: [field(1), field(2), field(3)] },
    });
  });

  it('stops repacking once the names fit, rather than keep a larger value it cannot name', () => {
    // `big` fits, but then the long key left out after it cannot be named; without `big`, it fits and `big`'s
    // short name does too.
    const data = { intent: 'refund', big: 'b'.repeat(508), [field(0)]: 'v'.repeat(100) };
    expect(attribute(data)).toEqual({ id: 'CA1', data: { intent: 'refund', [field(0)]: 'v'.repeat(100) }, [INCOMPLETE_MARKER]: { count: 1, keys: ['big'] } });
  });

  it('repacks at most twice: then names as many left-out keys as fit and counts them all', () => {
    const data = { [field(0)]: 'v'.repeat(13), [field(1)]: 'v'.repeat(13), [field(2)]: 'v'.repeat(13), [field(3)]: '' };
    const polyai = attribute(data, 250);
    expect(polyai).toEqual({ id: 'CA1', data: { [field(0)]: 'v'.repeat(13) }, [INCOMPLETE_MARKER]: { count: 3, keys: [field(1), field(2)] } });
    expect(JSON.stringify(polyai).length).toBeLessThanOrEqual(250);
  });
});

describe('polyai attribute: cut texts', () => {
  /** Where a string splits a character: a high surrogate without its low half, or a low one without its high. */
  const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const cutSummary = (summary: string, budget: number) => keptData(attribute({ summary }, budget)).summary as string;

  it('cuts between characters, never inside one: an emoji summary ends in a whole emoji and the ellipsis', () => {
    for (const summary of ['😀'.repeat(400), `a${'😀'.repeat(400)}`]) {
      for (let budget = 300; budget < 310; budget += 1) {
        const kept = cutSummary(summary, budget);
        expect(kept).toMatch(/😀…$/u);
        expect(LONE_SURROGATE.test(kept)).toBe(false);
      }
    }
  });

  it.each([
    ['quotes', '"', 2],
    ['backslashes', '\\', 2],
    ['control characters', '\u0001', 6],
  ])('counts %s as JSON writes them: the cut fills the room a plain text would, less at most one escape', (_, char, written) => {
    const plain = cutSummary('w'.repeat(2_000), MAX_POLYAI_ATTRIBUTE_CHARS);
    const room = JSON.stringify(plain).length;
    for (const summary of [`${'w'.repeat(20)}${char.repeat(2_000)}`, `${'w'.repeat(300)}${char.repeat(20)}${'w'.repeat(2_000)}`, `w${char}`.repeat(1_000)]) {
      const kept = cutSummary(summary, MAX_POLYAI_ATTRIBUTE_CHARS);
      expect(summary.startsWith(kept.slice(0, -1))).toBe(true);
      expect(JSON.stringify(kept).length).toBeLessThanOrEqual(room);
      expect(JSON.stringify(kept).length).toBeGreaterThan(room - written);
    }
  });
});
