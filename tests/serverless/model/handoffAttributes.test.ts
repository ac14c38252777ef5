import { MAX_POLYAI_ATTRIBUTE_CHARS, parseHandoffContext, toPolyaiAttributes } from '../../../src/model';
import { fixture } from '../../support/fixtures';

describe('toPolyaiAttributes', () => {
  it('keeps the Handoff API response under polyai, and the plugin reads it as present', () => {
    const state = fixture('handoff-state-verified.json');
    const attributes = toPolyaiAttributes({ ok: true, body: state });
    expect(attributes).toEqual({ polyai: state });
    const context = parseHandoffContext(attributes);
    expect(context.status).toBe('present');
    expect(context.summary).toMatch(/duplicate 42.50 charge/);
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

  it('never stores transcripts in task attributes', () => {
    const attributes = toPolyaiAttributes({ ok: true, body: { id: 'x', data: { summary: 'short', transcript: 'long…', turns: [{ user_input: 'hi' }] } } });
    expect(attributes.polyai).toEqual({ id: 'x', data: { summary: 'short' }, omitted_keys: 2 });
  });

  it('caps the attribute size, keeping keys in order until the budget is spent', () => {
    const data: Record<string, string> = { handoff_reason: 'billing' };
    for (let i = 0; i < 100; i += 1) data[`note_${i}`] = 'x'.repeat(200);
    const attributes = toPolyaiAttributes({ ok: true, body: { id: 'CA1', data } });
    const json = JSON.stringify(attributes.polyai);
    expect(json.length).toBeLessThanOrEqual(MAX_POLYAI_ATTRIBUTE_CHARS);
    const kept = attributes.polyai.data as Record<string, unknown>;
    expect(kept.handoff_reason).toBe('billing');
    expect(Object.keys(kept).length + (attributes.polyai.omitted_keys as number)).toBe(101);
    expect(attributes.polyai.omitted_keys).toBeGreaterThan(50);
  });

  it('drops one oversized value but keeps the rest', () => {
    const attributes = toPolyaiAttributes({ ok: true, body: { data: { huge: 'x'.repeat(20_000), intent: 'refund' } } });
    expect(attributes.polyai).toEqual({ data: { intent: 'refund' }, omitted_keys: 1 });
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
