/** Reading the stored verdict back from task attributes: strict values, hostile input never throws. */
import { readStoredVerdict } from '@polyai-context/model';

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
