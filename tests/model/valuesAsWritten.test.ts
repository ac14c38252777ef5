/**
 * Values are read as they were written (rules in docs/handoff-data.md, "How values are read").
 */
import { formatValue } from '../../src/views/HandoffContextView/formatValue';
import {
  compileMaskPatterns,
  cutText,
  DEFAULT_LIMITS,
  DEFAULT_MASK_PATTERNS,
  isSensitivePath,
  labelForPath,
  own,
  parseConversation,
  parseHandoffContext,
  recordFromJson,
  toConfidence,
  toCount,
  toNumber,
  type CapturedField,
} from '@polyai-context/model';
import { enUS, formatString, type Translate } from '../../src/strings';
import { rowsOf } from '../support/conversationRows';

const t: Translate = (key, values) => formatString(enUS[key], values);
const field = (value: string | number): CapturedField => ({ path: 'x', segments: ['x'], label: 'X', value, kind: typeof value === 'number' ? 'number' : 'string' });
const data = (values: Record<string, unknown>) => parseHandoffContext({ polyai: { id: 'CA1', data: values } });
const masks = compileMaskPatterns(DEFAULT_MASK_PATTERNS);

describe('values read as written', () => {
  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31T10:00:00Z'])('shows the impossible date %s as written, never as another day', (value) => {
    expect(formatValue(field(value), t)).toBe(value);
  });

  it('still formats real dates in the agent\'s locale', () => {
    expect(formatValue(field('2024-02-29'), t)).toBe('Feb 29, 2024');
  });

  it.each(['0x10', '0b11', '0o7', 'Infinity', '1_000', ' ', '12abc'])('reads %j as no number (a count of attempts stays a problem)', (value) => {
    expect(toNumber(value)).toBeUndefined();
    expect(toCount(value)).toBeUndefined();
    const context = data({ verification: { verification_attempts: value, identified: true } });
    expect(context.verification?.attempts).toBeNull();
  });

  it('reads decimal numbers written as text', () => {
    expect([' 3 ', '-2.5', '.5', '1e3', '+4'].map(toNumber)).toEqual([3, -2.5, 0.5, 1000, 4]);
  });

  it.each<[unknown, number | undefined]>([
    [0, 0], [0.87, 0.87], [1, 1], ['0.5', 0.5], ['85%', 0.85], ['85 %', 0.85], ['100%', 1], ['0%', 0],
    [1.0001, undefined], [1.5, undefined], [50, undefined], [150, undefined], ['50', undefined], ['150%', undefined], [-0.1, undefined], ['-5%', undefined], ['%', undefined],
  ])('reads confidence %j as %j', (value, expected) => {
    expect(toConfidence(value)).toBe(expected);
  });

  it('shows a confidence it cannot read as a problem to the agent, and no percentage', () => {
    const context = data({ intent: 'billing', intent_confidence: 50 });
    expect(context.intent).toEqual({ name: 'billing', confidence: null });
    expect(context.status).toBe('partial');
    expect(context.problems).toContainEqual({ code: 'field-invalid', message: 'Expected a confidence from 0 to 1, or a percentage written with % (such as 85%), found a number.', path: 'intent_confidence' });
  });

  it('reads a Date, a Map and a Set for what they hold', () => {
    const context = data({
      callback_at: new Date(Date.UTC(2026, 10, 30, 9, 30)),
      bad_date: new Date(Number.NaN),
      slots: new Map<unknown, unknown>([['city', 'Leeds'], [7, 'seven']]),
      tags: new Set(['vip', 'billing']),
    });
    const byPath = Object.fromEntries(context.fields.map((item) => [item.path, item.value]));
    expect(byPath).toEqual({ callback_at: '2026-11-30T09:30:00.000Z', bad_date: null, 'slots.city': 'Leeds', 'slots.7': 'seven', 'tags[0]': 'vip', 'tags[1]': 'billing' });
    expect(parseHandoffContext(new Map([['polyai', { data: { summary: 'from a Map' } }]])).summary).toBe('from a Map');
  });

  it.each([{ polyai: {} }, { polyai: { data: {} } }, { polyai: '{}' }, { polyai: { id: 'CA1', data: {} } }])('reads %j as unavailable, not present', (attributes) => {
    const context = parseHandoffContext(attributes);
    expect(context.status).toBe('unavailable');
    expect(context.error?.message).toBe('PolyAI handed over no data for this call.');
  });

  it('never splits a surrogate pair when it cuts a value, a key or a transcript turn', () => {
    const emoji = '\u{1F600}';
    const context = parseHandoffContext({ polyai: { data: { summary: `${'a'.repeat(9_999)}${emoji}`, [`${'k'.repeat(199)}${emoji}`]: 1 } } });
    expect(context.summary).toBe(`${'a'.repeat(9_999)}…`);
    expect(context.fields[0].segments[0]).toBe(`${'k'.repeat(199)}…`);
    const turns = rowsOf(parseConversation({ turns: [{ user_input: `${'b'.repeat(4_999)}${emoji}` }] }).turns);
    expect(turns[0].text).toBe(`${'b'.repeat(4_999)}…`);
    for (const text of [context.summary ?? '', String(context.fields[0].segments[0]), turns[0].text]) expect(Buffer.from(text).toString()).toBe(text);
  });

  it('normalises keys (NFKC, format characters removed) before labels, and warns when two keys become one', () => {
    const context = data({ customer_id: 'C-1', 'customer\u200b_id': 'C-2', 'ｏｒｄｅｒ_ｉｄ': 'O-1' });
    expect(context.customer.id).toBe('C-1');
    expect(context.fields.map((item) => item.label)).toEqual(['Order ID']);
    expect(context.problems).toContainEqual({ code: 'duplicate-key', message: 'Two keys read as "Customer ID": only the first is shown.', path: 'customer_id' });
    expect(labelForPath(context.fields[0].segments)).toBe('Order ID');
  });

  it('masks look-alike, fullwidth and zero-width spellings of sensitive keys', () => {
    for (const key of ['\u0430ccount_number', 'ассоunt_number', 'ａｃｃｏｕｎｔ_ｎｕｍｂｅｒ', 'account\u200d_number', 'ρin', 'саrd']) {
      expect(isSensitivePath([key], masks)).toBe(true);
    }
    expect(isSensitivePath(['shipping'], masks)).toBe(false);
  });

  it('keeps the rest of the data when one getter throws', () => {
    const values: Record<string, unknown> = { summary: 'Billing question', order_number: 'A-1' };
    Object.defineProperty(values, 'poison', { enumerable: true, get: () => { throw new Error('getter'); } });
    const context = data(values);
    expect(context.summary).toBe('Billing question');
    expect(context.fields.map((item) => item.path)).toEqual(['order_number']);
    expect(context.problems).toEqual([{ code: 'field-invalid', message: 'A value could not be read.', path: 'poison' }]);

    const flat: Record<string, unknown> = { handoff_reason: 'billing', utterance: 'refund please' };
    Object.defineProperty(flat, 'poison', { enumerable: true, get: () => { throw new Error('getter'); } });
    const fromFlat = parseHandoffContext(flat);
    expect([fromFlat.reason, fromFlat.utterance, fromFlat.status]).toEqual(['billing', 'refund please', 'partial']);
  });
});

/** The readers' edges (found by mutation testing): what each written form reads as. */
describe('values: readers at their edges', () => {
  it.each<[unknown, boolean | undefined]>([
    [true, true], [false, false], [1, true], [0, false], [2, undefined],
    [' TRUE ', true], ['yes', true], ['Y', true], ['1', true],
    ['false', false], ['No', false], ['n', false], ['0', false],
    ['maybe', undefined], ['', undefined], [null, undefined],
  ])('reads %j as the boolean %j (whether the caller was identified)', (value, expected) => {
    expect(parseHandoffContext({ polyai: { data: { identified: value } } }).verification?.identified ?? undefined).toBe(expected);
  });

  it('reads decimals with exponents and signs, never NaN or an endless number', () => {
    expect(['1.', '1.25e-2', '-1E+2', '007'].map(toNumber)).toEqual([1, 0.0125, -100, 7]);
    expect(['1e999', '.', '-', 'e5', '1e', '1..2', '--1'].map(toNumber)).toEqual(Array(7).fill(undefined));
    expect([Number.NaN, Number.POSITIVE_INFINITY, '3', {}].map(toNumber)).toEqual([undefined, undefined, 3, undefined]);
    expect([0, 3, '4', -1, 1.5].map(toCount)).toEqual([0, 3, 4, undefined, undefined]);
  });

  it('reads confidence percentages with spaces inside and around', () => {
    expect(toConfidence(' 85 % ')).toBe(0.85);
    expect(toConfidence('100.5%')).toBeUndefined();
    expect(toConfidence('abc%')).toBeUndefined();
  });

  it('reads decimals with several digits before or after the point', () => {
    expect(['12.5', '.25', '-0.125'].map(toNumber)).toEqual([12.5, 0.25, -0.125]);
  });

  it('keeps text of exactly the limit whole, even when it ends in a lone high surrogate', () => {
    expect(cutText('ab\uDBFF', 3)).toBe('ab\uDBFF');
    expect(cutText('ab\uD800z', 3)).toBe('ab');
  });

  it('cuts text without splitting a surrogate pair, and only when too long', () => {
    expect(cutText('abc', 3)).toBe('abc');
    expect(cutText('abcd', 3)).toBe('abc');
    expect(cutText('ab😀c', 3)).toBe('ab');
    expect(cutText('a😀bc', 3)).toBe('a😀');
    expect(cutText('ab\uDBFFz', 3)).toBe('ab');
    expect(cutText('ab\uDC00z', 3)).toBe('ab\uDC00');
    expect(cutText('ab\uD7FFz', 3)).toBe('ab\uD7FF');
  });

  it('reads non-JSON objects as the JSON they stand for', () => {
    const plainValue = (value: unknown) => own({ value }, 'value');
    expect(plainValue(new Date('2026-11-30T06:00:00Z'))).toBe('2026-11-30T06:00:00.000Z');
    expect(plainValue(new Date('not a date'))).toBeNull();
    expect(plainValue(new Map<unknown, unknown>([['a', 1], [2, 'two'], [{}, 'object key'], [true, 'boolean key']]))).toEqual({ a: 1, 2: 'two' });
    expect(plainValue(new Set(['x', 'y']))).toEqual(['x', 'y']);
    expect([new String('s'), new Number(4), new Boolean(false)].map(plainValue)).toEqual(['s', 4, false]);
    expect([new Uint8Array(2), new ArrayBuffer(2), new DataView(new ArrayBuffer(1))].map(plainValue)).toEqual([undefined, undefined, undefined]);
    const plain = { a: 1 };
    expect(plainValue(plain)).toBe(plain);
    expect(plainValue([1])).toEqual([1]);
  });

  it('reads at most 1,000 entries of a Map or Set', () => {
    const plainValue = (value: unknown) => own({ value }, 'value');
    const many = Array.from({ length: 1_001 }, (_, index) => index);
    expect(plainValue(new Set(many))).toEqual(many.slice(0, 1_000));
    expect(Object.keys(plainValue(new Map(many.map((index) => [`k${index}`, index]))) as object)).toHaveLength(1_000);
  });

  it('reads an object given as itself or as JSON text up to its size limit', () => {
    const record = { a: 1 };
    expect(recordFromJson(record, 5)).toBe(record);
    expect(recordFromJson('{"a":1}', 7)).toEqual({ a: 1 });
    expect(recordFromJson('{"a":1}', 6)).toBeNull();
    expect([[1], '[1]', '"a"', 'null', '{bad', 3, null].map((value) => recordFromJson(value, 100))).toEqual(Array(7).fill(null));
  });

  it('reads own values only, and an unreadable one as missing', () => {
    const record = Object.create({ inherited: 1 }) as Record<string, unknown>;
    record.mine = new Date('2026-11-30T06:00:00Z');
    Object.defineProperty(record, 'broken', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(own(record, 'inherited')).toBeUndefined();
    expect(own(record, 'mine')).toBe('2026-11-30T06:00:00.000Z');
    expect(own(record, 'broken')).toBeUndefined();
    expect(own(record, 'constructor')).toBeUndefined();
  });
});

describe('captured fields: the walk at its budget', () => {
  const budget = DEFAULT_LIMITS.maxFields * 20; // visits: maxFields × VISITS_PER_FIELD
  // data costs one visit, the list one, each hole one: `last` is visit number holes + 3.
  const withHoles = (holes: number) => data({ list: new Array(holes), last: 'end' });

  it('reads the value that uses the last visit of the budget, and reports nothing', () => {
    const context = withHoles(budget - 3);
    expect(context.fields.map((item) => item.path)).toEqual(['last']);
    expect(context.problems.filter((problem) => problem.code === 'too-many-fields')).toEqual([]);
  });

  it('stops before the first value past the budget, and says so', () => {
    const context = withHoles(budget - 2);
    expect(context.fields).toEqual([]);
    expect(context.problems).toContainEqual({ code: 'too-many-fields', message: `Only the first ${budget} values were read.` });
  });

  it('shows no row for empty data', () => {
    expect(data({}).fields).toEqual([]);
  });
  it('shows no empty-object row for the data itself when its keys cannot be listed', () => {
    let listings = 0; // the envelope lists the keys once; the walk's listing throws
    const values = new Proxy({ summary: 'Billing question' }, {
      ownKeys(target) {
        listings += 1;
        if (listings > 1) throw new Error('keys');
        return Reflect.ownKeys(target);
      },
    });
    const context = data(values as unknown as Record<string, unknown>);
    expect(context.summary).toBe('Billing question');
    expect(context.fields).toEqual([]);
    expect(context.problems).toEqual([{ code: 'field-invalid', message: 'A value could not be read.', path: '' }]);
  });
});
