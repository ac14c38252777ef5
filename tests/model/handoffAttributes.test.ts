import fc from 'fast-check';

import { INCOMPLETE_MARKER, MAX_POLYAI_ATTRIBUTE_CHARS, parseHandoffContext, toPolyaiAttributes } from '@polyai-context/model';
import { fixture } from '../support/fixtures';
import { fuzz } from '../support/fuzz';

/** What Studio's Send To Flex puts in its Attributes field (serverless/studio/polyai-to-flex.json), rendered. */
function studioAttributes(polyai: unknown): string {
  return `{"type": "inbound", "name": "+447700900123", "call_sid": "CA5f1d2c3b4a5968778695a4b3c2d1e0f9", "polyai": ${JSON.stringify(polyai)}}`;
}
/** Send To Flex's documented limit for the whole Attributes JSON. */
const STUDIO_ATTRIBUTES_LIMIT = 1024;

describe('toPolyaiAttributes', () => {
  it('keeps a handoff that fits whole, priority keys first, and the plugin reads it as present', () => {
    const state = fixture('handoff-state-minimal.json') as { data: Record<string, unknown> };
    const attributes = toPolyaiAttributes({ ok: true, body: state });
    expect(attributes).toEqual({ polyai: state });
    expect(Object.keys(attributes.polyai.data as object)).toEqual(['customer_id', 'handoff_reason']);
    const context = parseHandoffContext(attributes);
    expect(context.status).toBe('present');
    expect(context.notLoaded).toBeNull();
  });

  it('fits the verified sample in Studio\'s 1,024 characters: ids, verification, customer ids, intent, name, reason, a cut summary, and a marker', () => {
    const verified = fixture('handoff-state-verified.json') as { id: string; data: Record<string, unknown> };
    // The verified sample plus what a real project adds: notes and a longer summary.
    const state = { ...verified, data: { ...verified.data, summary: `${verified.data.summary} `.repeat(4), notes: "n".repeat(400) } as Record<string, unknown> };
    expect(JSON.stringify(state).length).toBeGreaterThan(STUDIO_ATTRIBUTES_LIMIT);
    const { polyai } = toPolyaiAttributes({ ok: true, body: state });
    expect(JSON.stringify(polyai).length).toBeLessThanOrEqual(MAX_POLYAI_ATTRIBUTE_CHARS);
    expect(studioAttributes(polyai).length).toBeLessThanOrEqual(STUDIO_ATTRIBUTES_LIMIT);
    const data = polyai.data as Record<string, unknown>;
    expect(Object.keys(data).slice(0, 7)).toEqual(['verification', 'customer_id', 'account_number', 'intent', 'intent_confidence', 'caller_name', 'handoff_reason']);
    expect(polyai.id).toBe(state.id);
    expect(polyai.shared_id).toBe('acme_2026-11-20_7f3c9a');
    const marker = polyai[INCOMPLETE_MARKER] as { count: number; keys: string[] };
    const missing = Object.keys(state.data).filter((key) => data[key] !== state.data[key]);
    expect(missing.length).toBeGreaterThan(0);
    expect(marker).toEqual({ count: missing.length, keys: expect.arrayContaining(missing) });
    // The plugin shows what came and names what is not loaded yet.
    const context = parseHandoffContext({ polyai });
    expect(context.verification).toEqual({ identified: true, method: 'dob_and_postcode', attempts: 1 });
    expect(context.reason).toBe('billing_dispute');
    expect(context.customer.id).toBe('12345');
    expect(context.customer.name).toBe('Jordan Ellis');
    expect(context.notLoaded).toEqual({ count: missing.length, keys: expect.arrayContaining(missing) });
  });

  it('cuts a long summary instead of dropping it, and lists it as not loaded', () => {
    const summary = 'The caller explained at length. '.repeat(60);
    const { polyai } = toPolyaiAttributes({ ok: true, body: { id: 'CA1', data: { handoff_reason: 'billing', summary } } });
    const kept = (polyai.data as { summary: string }).summary;
    expect(kept.endsWith('…')).toBe(true);
    expect(summary.startsWith(kept.slice(0, -1))).toBe(true);
    expect(kept.length).toBeGreaterThan(400);
    expect(polyai[INCOMPLETE_MARKER]).toEqual({ count: 1, keys: ['summary'] });
    expect(JSON.stringify(polyai).length).toBeLessThanOrEqual(MAX_POLYAI_ATTRIBUTE_CHARS);
  });

  it('turns a failed fetch into an error marker the plugin reads as unavailable', () => {
    const attributes = toPolyaiAttributes({ ok: false, error: { status: 504, message: 'PolyAI did not answer within 3000 ms.' } });
    expect(attributes).toEqual({ polyai: { error: { status: 504, message: 'PolyAI did not answer within 3000 ms.' } } });
    const context = parseHandoffContext(attributes);
    expect(context.status).toBe('unavailable');
    expect(context.error).toEqual({ status: 504, message: 'PolyAI did not answer within 3000 ms.' });
  });

  it.each([
    ['a list', []],
    ['no data', { id: 'CA1' }],
    ['data that is text', { id: 'CA1', data: 'nope' }],
    ['null', null],
  ])('marks a body with %s as an error (502)', (_, body) => {
    expect(toPolyaiAttributes({ ok: true, body })).toEqual({ polyai: { error: { status: 502, message: 'PolyAI answered without handoff data.' } } });
  });

  it('never stores transcripts in task attributes, and says they were left out', () => {
    const attributes = toPolyaiAttributes({ ok: true, body: { id: 'x', data: { summary: 'short', transcript: 'long…', turns: [{ user_input: 'hi' }] } } });
    expect(attributes.polyai).toEqual({ id: 'x', data: { summary: 'short' }, incomplete: { count: 2, keys: ['transcript', 'turns'] } });
  });

  it('caps the attribute size at any budget, keeping keys in order until it is spent', () => {
    const data: Record<string, string> = { handoff_reason: 'billing' };
    for (let i = 0; i < 100; i += 1) data[`note_${i}`] = 'x'.repeat(200);
    for (const budget of [300, MAX_POLYAI_ATTRIBUTE_CHARS, 8_000]) {
      const attributes = toPolyaiAttributes({ ok: true, body: { id: 'CA1', data } }, budget);
      expect(JSON.stringify(attributes.polyai).length).toBeLessThanOrEqual(budget);
      const kept = attributes.polyai.data as Record<string, unknown>;
      expect(kept.handoff_reason).toBe('billing');
      const marker = attributes.polyai.incomplete as { count: number; keys: string[] };
      expect(Object.keys(kept).length + marker.count).toBe(101);
      expect(marker.keys.length).toBeLessThanOrEqual(marker.count);
      expect(marker.keys[0]).toBe(`note_${Object.keys(kept).length - 1}`);
    }
  });

  it('drops one oversized value but keeps the rest', () => {
    const attributes = toPolyaiAttributes({ ok: true, body: { data: { huge: 'x'.repeat(20_000), intent: 'refund' } } });
    expect(attributes.polyai).toEqual({ data: { intent: 'refund' }, incomplete: { count: 1, keys: ['huge'] } });
  });

  it('keeps a __proto__ key as data without touching any prototype', () => {
    const body = JSON.parse('{"id":"x","data":{"__proto__":{"polluted":true},"intent":"refund"}}');
    const attributes = toPolyaiAttributes({ ok: true, body });
    const data = attributes.polyai.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(data, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(attributes)).polyai.data.intent).toBe('refund');
  });

  it('cuts long ids and error messages', () => {
    const ok = toPolyaiAttributes({ ok: true, body: { id: 'i'.repeat(1_000), shared_id: 42, data: {} } });
    expect(ok.polyai).toEqual({ id: 'i'.repeat(200), data: {} });
    const failed = toPolyaiAttributes({ ok: false, error: { status: null, message: 'm'.repeat(1_000) } });
    expect((failed.polyai.error as { message: string }).message).toHaveLength(300);
  });
});

describe('toPolyaiAttributes, for any handoff', () => {
  const key = fc.oneof(fc.constantFrom('summary', 'utterance', 'handoff_reason', 'verification', 'customer_id', 'transcript', '__proto__'), fc.string({ maxLength: 50 }));
  const value = fc.oneof(fc.string({ maxLength: 600 }), fc.fullUnicodeString({ maxLength: 200 }), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 80 }), { maxKeys: 6 }));
  const handoff = fc.record({ id: fc.string({ maxLength: 40 }), data: fc.dictionary(key, value, { maxKeys: 30 }) });

  it('stays within the budget, and every key is kept whole or named in the marker count', () => {
    fuzz(
      fc.tuple(handoff, fc.integer({ min: 300, max: 3_000 })),
      ([body, budget]) => {
        const { polyai } = toPolyaiAttributes({ ok: true, body }, budget);
        expect(JSON.stringify(polyai).length).toBeLessThanOrEqual(budget);
        const kept = polyai.data as Record<string, unknown>;
        const whole = Object.keys(body.data).filter((name) => Object.prototype.hasOwnProperty.call(kept, name) && JSON.stringify(kept[name]) === JSON.stringify(body.data[name]));
        const marker = polyai[INCOMPLETE_MARKER] as { count: number; keys: string[] } | undefined;
        expect(marker?.count ?? 0).toBe(Object.keys(body.data).length - whole.length);
        for (const name of marker?.keys ?? []) expect(whole.map((k) => k.slice(0, 40))).not.toContain(name);
      },
      0.002,
    );
  });
});

/** Each key rule on its own (found by mutation testing): the order, the transcripts, the texts cut to fit. */
describe('toPolyaiAttributes: key by key', () => {
  /** The documented packing order (docs/handoff-data.md), every alias the tab reads. */
  const PRIORITY = [
    'verification', 'successfully_identified', 'identified', 'verified', 'auth_method', 'method', 'verification_attempts', 'attempts',
    'customer_id', 'account_number', 'intent', 'intent_confidence', 'caller_name', 'customer_name', 'handoff_reason', 'reason',
    'handoff_destination', 'handoff_to', 'destination', 'asr_lang_code', 'language', 'lang', 'short_summary', 'shortSummary',
    'summary', 'handoff_summary', 'utterance', 'last_utterance', 'user_utterance', 'shared_id', 'id', 'call_sid',
  ];

  it('puts what an agent needs first in a fixed order, then the rest as PolyAI sent it', () => {
    const data = Object.fromEntries([['zeta', 1], ...[...PRIORITY].reverse().map((key) => [key, 'v']), ['alpha', 2]]);
    const attributes = toPolyaiAttributes({ ok: true, body: { id: 'x', data } }, 100_000);
    expect(Object.keys(attributes.polyai.data as object)).toEqual([...PRIORITY, 'zeta', 'alpha']);
  });

  it.each(['transcript', 'turns', 'conversation', 'messages', 'history'])('never stores %s, however small', (key) => {
    const attributes = toPolyaiAttributes({ ok: true, body: { id: 'x', data: { [key]: 'x', intent: 'refund' } } }, 100_000);
    expect(attributes.polyai).toEqual({ id: 'x', data: { intent: 'refund' }, [INCOMPLETE_MARKER]: { count: 1, keys: [key] } });
  });

  it.each(['summary', 'handoff_summary', 'short_summary', 'shortSummary', 'utterance', 'last_utterance', 'user_utterance', 'handoff_reason', 'reason'])('cuts a long %s to fit instead of dropping it', (key) => {
    const attributes = toPolyaiAttributes({ ok: true, body: { id: 'x', data: { [key]: 'w'.repeat(2_000) } } });
    const kept = (attributes.polyai.data as Record<string, string>)[key];
    expect(kept).toMatch(/^w{40,}…$/);
    expect(attributes.polyai[INCOMPLETE_MARKER]).toEqual({ count: 1, keys: [key] });
    expect(JSON.stringify(attributes.polyai).length).toBeLessThanOrEqual(MAX_POLYAI_ATTRIBUTE_CHARS);
  });

  it('drops rather than cuts other long texts, and texts with too little room left', () => {
    const other = toPolyaiAttributes({ ok: true, body: { id: 'x', data: { notes: 'w'.repeat(2_000) } } });
    expect(other.polyai).toEqual({ id: 'x', data: {}, [INCOMPLETE_MARKER]: { count: 1, keys: ['notes'] } });
    const tight = toPolyaiAttributes({ ok: true, body: { id: 'x', data: { summary: 'w'.repeat(2_000) } } }, 100);
    expect(tight.polyai.data).toEqual({});
  });

  it('names left-out keys by their first 40 characters', () => {
    const key = `transcript_${'k'.repeat(60)}`;
    const attributes = toPolyaiAttributes({ ok: true, body: { id: 'x', data: { transcript: 'x', [key]: 'w'.repeat(2_000) } } });
    expect(attributes.polyai[INCOMPLETE_MARKER]).toEqual({ count: 2, keys: ['transcript', key.slice(0, 40)] });
  });

  it('keeps ids only when they are text, and reads a body without data as an error', () => {
    expect(toPolyaiAttributes({ ok: true, body: { id: 7, shared_id: 'S1', data: {} } }).polyai).toEqual({ shared_id: 'S1', data: {} });
    expect(toPolyaiAttributes({ ok: true, body: { id: 'x', data: [] } }).polyai).toEqual({ error: { status: 502, message: 'PolyAI answered without handoff data.' } });
    expect(toPolyaiAttributes({ ok: true, body: 'x' }).polyai).toEqual({ error: { status: 502, message: 'PolyAI answered without handoff data.' } });
    expect(toPolyaiAttributes({ ok: false, error: { status: 404, message: 'Not found' } }).polyai).toEqual({ error: { status: 404, message: 'Not found' } });
  });

  it('leaves out a value that cannot be stored as JSON', () => {
    const attributes = toPolyaiAttributes({ ok: true, body: { id: 'x', data: { big: BigInt(10), intent: 'refund' } } });
    expect(attributes.polyai).toEqual({ id: 'x', data: { intent: 'refund' }, [INCOMPLETE_MARKER]: { count: 1, keys: ['big'] } });
  });
});
