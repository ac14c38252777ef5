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
