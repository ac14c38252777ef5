/** Reading the stored verdict back from task attributes: strict values, hostile input never throws. */
import { isVerdict, isVerdictReason, normaliseReason, readStoredVerdict, VERDICTS } from '@polyai-context/model';

describe('readStoredVerdict', () => {
  it('reads a stored verdict from an attributes object or JSON string', () => {
    const attributes = { polyai_verdict: { verdict: 'incomplete', reason: 'missing_data', by: 'agent', at: '2026-11-30T06:00:00.000Z' } };
    const expected = { verdict: 'incomplete', reason: 'missing_data', by: 'agent', at: '2026-11-30T06:00:00.000Z' };
    expect(readStoredVerdict(attributes)).toEqual(expected);
    expect(readStoredVerdict(JSON.stringify(attributes))).toEqual(expected);
  });

  it.each([
    [undefined],
    ['not json'],
    [{ polyai_verdict: 'wrong' }],
    [{ polyai_verdict: { verdict: 'great' } }],
    [{ polyai_verdict: { verdict: 'constructor' } }],
    [JSON.stringify({ polyai_verdict: { verdict: 'right' }, pad: 'x'.repeat(70_000) })],
  ])('has no verdict for %#', (attributes) => {
    expect(readStoredVerdict(attributes)).toBeNull();
  });

  it('drops unknown reasons and authors, and any reason on "right"', () => {
    expect(readStoredVerdict({ polyai_verdict: { verdict: 'wrong', reason: 'bored', by: 'root', at: 5 } })).toEqual({ verdict: 'wrong', reason: null, by: null, at: null });
    expect(readStoredVerdict({ polyai_verdict: { verdict: 'right', reason: 'not_verified', by: 'supervisor' } })).toMatchObject({ reason: null, by: 'supervisor' });
  });

  it('never throws on a throwing getter', () => {
    const attributes = {};
    Object.defineProperty(attributes, 'polyai_verdict', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(readStoredVerdict(attributes)).toBeNull();
  });
});

describe('readStoredVerdict at its edges', () => {
  const stored = (fields: Record<string, unknown>) => readStoredVerdict({ polyai_verdict: fields });

  it.each(['right', 'incomplete', 'wrong'])('reads the verdict %s', (verdict) => {
    expect(stored({ verdict })).toEqual({ verdict, reason: null, by: null, at: null });
  });

  it.each(['wrong_intent', 'not_verified', 'missing_data', 'should_not_escalate'])('keeps the reason %s on a wrong or incomplete verdict', (reason) => {
    expect(stored({ verdict: 'wrong', reason })?.reason).toBe(reason);
    expect(stored({ verdict: 'incomplete', reason })?.reason).toBe(reason);
    expect(stored({ verdict: 'right', reason })?.reason).toBeNull();
  });

  it('reads who stored it and when, a time of at most 40 characters', () => {
    expect(stored({ verdict: 'wrong', by: 'agent', at: 'a'.repeat(40) })).toMatchObject({ by: 'agent', at: 'a'.repeat(40) });
    expect(stored({ verdict: 'wrong', at: 'a'.repeat(41) })?.at).toBeNull();
  });

  it('reads attributes JSON of up to 64,000 characters', () => {
    const json = (length: number) => {
      const base = JSON.stringify({ polyai_verdict: { verdict: 'right' }, pad: '' });
      return JSON.stringify({ polyai_verdict: { verdict: 'right' }, pad: 'x'.repeat(length - base.length) });
    };
    expect(json(64_000)).toHaveLength(64_000);
    expect(readStoredVerdict(json(64_000))?.verdict).toBe('right');
    expect(readStoredVerdict(json(64_001))).toBeNull();
  });

  it('knows its verdicts and reasons, and nothing else', () => {
    expect(VERDICTS.filter(isVerdict)).toEqual(['right', 'incomplete', 'wrong']);
    expect(['Right', '', 3, 'toString'].some(isVerdict)).toBe(false);
    expect(['Wrong_intent', '', null, 'hasOwnProperty'].some(isVerdictReason)).toBe(false);
    expect(normaliseReason('incomplete', 'missing_data')).toBe('missing_data');
    expect(normaliseReason('right', 'missing_data')).toBeNull();
  });
});
