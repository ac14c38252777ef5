/**
 * One table of PolyAI's keys (packages/model/src/polyaiKeys.ts): every key the tab reads is packed by priority
 * when the attribute budget cuts, and the documented packing order holds. Checked through the public functions
 * (parseHandoffContext, toPolyaiAttributes), on keys found in the docs and the fixtures, not on the table's literal.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import {
  compileMaskPatterns,
  DEFAULT_MASK_PATTERNS,
  IDENTITY_KEYS,
  isSensitivePath,
  parseHandoffContext,
  POLYAI_KEYS,
  toPolyaiAttributes,
  type HandoffContext,
} from '@polyai-context/model';

const ROOT = join(__dirname, '..', '..');

/** Values of each kind a section reads (text, yes/no, a confidence, a count, a verification object). */
const VALUES: readonly unknown[] = ['Value one', true, 0.5, 2, { successfully_identified: true }];

/** True when the tab reads `key` at the top of PolyAI's data: shown in a section, so not a captured field. */
function isRead(key: string): boolean {
  return VALUES.some((value) => {
    // The call's ids equal to the value: an id in the data repeating them is read, not listed.
    const context: HandoffContext = parseHandoffContext({ call_sid: 'Value one', polyai: { id: 'Value one', shared_id: 'Value one', data: { [key]: value } } });
    return context.status === 'present' && context.fields.length === 0;
  });
}

/** Backticked names in a text that look like data keys. */
function backticked(text: string): string[] {
  return [...text.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((match) => match[1]);
}

/** Top-level keys of every handoff fixture's data. */
function fixtureKeys(): string[] {
  const dir = join(ROOT, 'devtools', 'fixtures');
  return readdirSync(dir).filter((name) => name.endsWith('.json')).flatMap((name) => {
    try {
      const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { data?: unknown; polyai?: { data?: unknown } };
      const data = json.data ?? json.polyai?.data ?? json.polyai ?? json;
      return data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
    } catch {
      return [];
    }
  });
}

const tableKeys = Object.values(POLYAI_KEYS).filter((row) => row.priority !== 'within').flatMap((row) => row.aliases);
const candidates = [...new Set([
  ...tableKeys,
  ...backticked(readFileSync(join(ROOT, 'docs', 'handoff-data.md'), 'utf8')),
  ...backticked(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')),
  ...fixtureKeys(),
  'notes', 'slots', 'name', 'value', 'confidence', 'score',
])];
const readKeys = candidates.filter(isRead);

/** Characters the marker takes to name `key` as left out: room the packing holds back once something is. */
const markerName = (key: string) => JSON.stringify(key).length + 1;

/** The largest text under `other` that the budget keeps when it is the only key. */
function roomFor(other: string): number {
  let chars = 700;
  while (chars > 0 && !Object.prototype.hasOwnProperty.call(toPolyaiAttributes({ ok: true, body: { id: 'x', data: { [other]: 'n'.repeat(chars) } } }).polyai.data, other)) chars -= 1;
  return chars;
}
const ROOM = roomFor('notes');

/** A readable value of `key`: the first the tab reads it as. */
function valueFor(key: string): unknown {
  return VALUES.find((value) => {
    const context = parseHandoffContext({ call_sid: 'Value one', polyai: { id: 'Value one', shared_id: 'Value one', data: { [key]: value } } });
    return context.fields.length === 0;
  });
}

describe('one table of PolyAI keys', () => {
  it('finds the keys the tab reads among the docs\' and fixtures\' keys, and every one is in the table', () => {
    expect(readKeys.length).toBeGreaterThanOrEqual(30);
    expect(readKeys.filter((key) => !tableKeys.includes(key))).toEqual([]);
    // The nested intent keys are read only inside `intent`: at the top they are captured fields.
    for (const key of ['name', 'value', 'confidence', 'score', 'notes', 'slots']) expect(readKeys).not.toContain(key);
  });

  it('every key in the table but the transcripts is read by the tab', () => {
    const transcripts = POLYAI_KEYS.transcript.aliases;
    expect(tableKeys.filter((key) => !transcripts.includes(key) && !readKeys.includes(key))).toEqual([]);
  });

  it.each(readKeys)('`%s` is kept before a key the tab does not read when the budget has room for one of them', (key) => {
    expect(ROOM).toBeGreaterThan(100);
    // The other key comes first as PolyAI sent it, and fits with the marker naming `key`: only the priority keeps `key`.
    const data = { notes: 'n'.repeat(ROOM - markerName(key)), [key]: valueFor(key) };
    const { polyai } = toPolyaiAttributes({ ok: true, body: { id: 'x', data } });
    expect(Object.keys(polyai.data as object)).toEqual([key]);
    expect(polyai.incomplete).toEqual({ count: 1, keys: ['notes'] });
  });

  it.each(POLYAI_KEYS.transcript.aliases)('`%s` (a transcript) is never stored on the task, even with room to spare', (key) => {
    const { polyai } = toPolyaiAttributes({ ok: true, body: { id: 'x', data: { [key]: 'x' } } }, 100_000);
    expect(polyai.data).toEqual({});
  });

  /** Groups of the documented packing order (docs/handoff-data.md), each before the next. */
  const ORDER: ReadonlyArray<[group: string, key: string]> = [
    ['verification', 'successfully_identified'],
    ['customer id', 'customer_id'],
    ['intent', 'intent'],
    ['caller name', 'customer_name'],
    ['reason', 'reason'],
    ['destination', 'handoff_to'],
    ['language', 'lang'],
    ['short summary', 'shortSummary'],
    ['summary', 'handoff_summary'],
    ['last words', 'user_utterance'],
    ['ids in the data', 'shared_id'],
  ];
  const pairs = ORDER.slice(0, -1).map(([group, key], index) => [group, key, ORDER[index + 1][0], ORDER[index + 1][1]] as const);

  it.each(pairs)('%s (`%s`) is kept over %s (`%s`) when only one fits, in either key order', (_first, earlier, _second, later) => {
    // The later key's value fills the room with the marker naming the earlier key, which is small.
    const big = roomFor(later) - markerName(earlier);
    for (const data of [{ [later]: 'n'.repeat(big), [earlier]: valueFor(earlier) }, { [earlier]: valueFor(earlier), [later]: 'n'.repeat(big) }]) {
      const { polyai } = toPolyaiAttributes({ ok: true, body: { id: 'x', data } });
      const kept = polyai.data as Record<string, unknown>;
      expect(kept[earlier]).toEqual(valueFor(earlier));
      // A text the table cuts may stay, cut to the room left; whole it never fits beside the earlier key.
      expect(kept[later]).not.toBe('n'.repeat(big));
      expect(polyai.incomplete?.keys).toContain(later);
    }
  });

  it('keeps the caller\'s name and ids before a long summary, which is cut to the room left', () => {
    const summary = 'The caller explained at length. '.repeat(60);
    const { polyai } = toPolyaiAttributes({ ok: true, body: { id: 'x', data: { summary, caller_name: 'Jordan Ellis', customer_id: '12345' } } });
    expect(Object.keys(polyai.data as object)).toEqual(['customer_id', 'caller_name', 'summary']);
    const context = parseHandoffContext({ polyai });
    expect(context.customer).toEqual({ id: '12345', accountNumber: null, name: 'Jordan Ellis' });
    expect(context.summary).toMatch(/^The caller explained at length\..*…$/);
  });

  it('a key is masked by default exactly when the table marks it masked', () => {
    const patterns = compileMaskPatterns(DEFAULT_MASK_PATTERNS);
    for (const row of Object.values(POLYAI_KEYS)) {
      for (const alias of row.aliases) expect([alias, isSensitivePath([alias], patterns)]).toEqual([alias, row.sensitivity === 'masked']);
    }
  });

  it('the identity keys are the caller\'s ids, name and verification and the call\'s ids, nothing about the call\'s content', () => {
    expect([...IDENTITY_KEYS].sort()).toEqual([
      'account_number', 'attempts', 'auth_method', 'call_sid', 'caller_name', 'customer_id', 'customer_name', 'id', 'identified', 'method',
      'shared_id', 'successfully_identified', 'verification', 'verification_attempts', 'verified',
    ]);
  });
});
