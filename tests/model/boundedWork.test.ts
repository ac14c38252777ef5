/**
 * The work the model does is bounded by its limits, not by what an object claims. Counted
 * in reads (proxies count every property read), not timed: the figures in ms are in docs/SECURITY.md.
 */
import { DEFAULT_LIMITS, parseConversation, parseHandoffContext } from '@polyai-context/model';
import { rowsOf } from '../support/conversationRows';

/** Most reads a walk may make: maxFields × 20 visits (VISITS_PER_FIELD), plus a little for the envelope. */
const MAX_READS = DEFAULT_LIMITS.maxFields * 20 + 50;

/** Wraps `target` so that every property read is counted. */
function counted<T extends object>(target: T, trap?: (key: PropertyKey) => unknown): { proxy: T; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(target, {
    get(object, key, receiver) {
      reads += 1;
      return trap ? trap(key) : Reflect.get(object, key, receiver);
    },
  });
  return { proxy, reads: () => reads };
}

function sparse(length: number): unknown[] {
  const list: unknown[] = [];
  list.length = length;
  list[3] = 'found';
  return list;
}

describe('bounded work on any object', () => {
  it.each([1e8, 2 ** 32 - 1])('reads a sparse list of length %i within the visit budget', (length) => {
    const { proxy, reads } = counted(sparse(length));
    const context = parseHandoffContext({ polyai: { data: { summary: 'kept', items: proxy } } });
    expect(reads()).toBeLessThanOrEqual(MAX_READS);
    expect(context.summary).toBe('kept');
    expect(context.fields).toContainEqual(expect.objectContaining({ path: 'items[3]', value: 'found' }));
    expect(context.problems).toContainEqual({ code: 'too-many-fields', message: `Only the first ${DEFAULT_LIMITS.maxFields * 20} values were read.` });
  });

  it('bounds a proxy that claims 2^32−1 entries', () => {
    const { proxy, reads } = counted([], (key) => (key === 'length' ? 2 ** 32 - 1 : undefined));
    const context = parseHandoffContext({ polyai: { data: { list: proxy, summary: 'kept' } } });
    expect(reads()).toBeLessThanOrEqual(MAX_READS);
    expect(context.summary).toBe('kept');
  });

  it('bounds a proxy whose every read throws, and keeps the rest', () => {
    const { proxy, reads } = counted([], (key) => {
      if (key === 'length') return 2 ** 32 - 1;
      throw new Error('trap');
    });
    const context = parseHandoffContext({ polyai: { data: { list: proxy, summary: 'kept' } } });
    expect(reads()).toBeLessThanOrEqual(MAX_READS);
    expect(context.summary).toBe('kept');
    expect(context.problems).toContainEqual({ code: 'field-invalid', message: 'A value could not be read.', path: 'list' });
  });

  it('reads typed arrays and buffers as nothing instead of a million keys', () => {
    const context = parseHandoffContext({ polyai: { data: { blob: new Uint8Array(10_000_000), summary: 'kept' } } });
    expect(context.fields).toEqual([]);
    expect(context.summary).toBe('kept');
  });

  it('bounds a transcript whose turns list claims 2^32−1 entries', () => {
    const turns = sparse(2 ** 32 - 1);
    turns[3] = { user_input: 'hello' };
    const { proxy, reads } = counted(turns);
    const conversation = parseConversation({ turns: proxy });
    expect(rowsOf(conversation.turns).map((turn) => turn.text)).toEqual(['hello']);
    expect(conversation.truncated).toBe(true);
    expect(reads()).toBeLessThanOrEqual(20_000 + 10);
  });
});
