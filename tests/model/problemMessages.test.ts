/**
 * What a problem says and carries (found by mutation testing): the kind of value found where an object was
 * expected, named in words the admin reads in the technical details, and no `path` key on a problem that has no
 * place in the data.
 */
import { DEFAULT_LIMITS, parseHandoffContext } from '@polyai-context/model';

describe('problem messages', () => {
  it.each([
    ['null', 'null'],
    ['[1]', 'a list'],
    ['"x"', 'text'],
    ['7', 'a number'],
    ['true', 'a boolean'],
  ])('names the JSON text %s as %s where the attributes, the polyai attribute or its data should be an object', (json, found) => {
    expect(parseHandoffContext(json).problems).toEqual([
      { code: 'attributes-not-object', message: `Expected the attributes to be an object, found ${found}.`, path: 'attributes' },
    ]);
    expect(parseHandoffContext({ polyai: json }).problems).toEqual([
      { code: 'polyai-not-object', message: `Expected the polyai to be an object, found ${found}.`, path: 'polyai' },
    ]);
    expect(parseHandoffContext({ polyai: { id: 'CA1', data: json } }).problems).toEqual([
      { code: 'data-not-object', message: `Expected the polyai.data to be an object, found ${found}.`, path: 'polyai.data' },
    ]);
  });

  it('gives a problem with no place in the data no path key at all', () => {
    const context = parseHandoffContext({ polyai: { data: { a: '1', b: '2', c: '3' } } }, { ...DEFAULT_LIMITS, maxFields: 2 });
    expect(context.problems).toStrictEqual([{ code: 'too-many-fields', message: 'Only the first 2 captured fields are shown.' }]);
    expect(Object.keys(context.problems[0])).toEqual(['code', 'message']);
  });
});

describe('where a problem points', () => {
  const long = 'x'.repeat(DEFAULT_LIMITS.maxStringChars + 1);
  const cut = (max: number, path: string) => ({ code: 'value-truncated', message: `A value longer than ${max} characters was shortened.`, path });

  it.each([
    ['a top-level call_sid', { call_sid: long, polyai: { data: { summary: 's' } } }, 'call_sid'],
    ['an envelope id', { polyai: { id: long, data: { summary: 's' } } }, 'polyai.id'],
    ['an envelope shared_id', { polyai: { shared_id: long, data: { summary: 's' } } }, 'polyai.shared_id'],
  ])('points the cut of %s over the text limit at its own key', (_name, attributes, path) => {
    expect(parseHandoffContext(attributes).problems).toEqual([cut(DEFAULT_LIMITS.maxStringChars, path)]);
  });

  it('points the cut of an over-long key name in the not-loaded marker at polyai.incomplete', () => {
    const context = parseHandoffContext({ polyai: { data: { summary: 's' }, incomplete: { keys: ['k'.repeat(DEFAULT_LIMITS.maxKeyChars + 1)] } } });
    expect(context.problems).toEqual([cut(DEFAULT_LIMITS.maxKeyChars, 'polyai.incomplete')]);
    expect(context.notLoaded).toEqual({ count: 1, keys: [`${'k'.repeat(DEFAULT_LIMITS.maxKeyChars)}…`] });
  });

  it('points the cut of an over-long error message at polyai.error.message, and the failure at polyai.error', () => {
    const message = `${'e'.repeat(500)}…`;
    const context = parseHandoffContext({ polyai: { data: { summary: 's' }, error: { status: 502, message: 'e'.repeat(501) } } });
    expect(context.error).toEqual({ status: 502, message });
    expect(context.problems).toEqual([cut(500, 'polyai.error.message'), { code: 'fetch-failed', message, path: 'polyai.error' }]);
  });

  it('says the attributes could not be read when reading them throws, and gives the tab an error to show', () => {
    const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap'); } });
    const context = parseHandoffContext(hostile);
    expect(context).toMatchObject({ status: 'unavailable', source: 'none', error: { status: null, message: 'The PolyAI data could not be read.' } });
    // No path key at all: the problem has no place in the data.
    expect(context.problems).toStrictEqual([{ code: 'internal-error', message: 'The task attributes could not be read.' }]);
  });
});
