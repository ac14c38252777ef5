import { parseHandoffContext, type HandoffContext } from '@polyai-context/model';

// Flex re-evaluates tab conditions and re-renders often; attributes objects are replaced, not mutated,
// when a task updates, so caching by identity parses each version once and frees it with the task.
const cache = new WeakMap<object, HandoffContext>();

export function handoffContextOf(attributes: unknown): HandoffContext {
  if (typeof attributes !== 'object' || attributes === null) return parseHandoffContext(attributes);
  let context = cache.get(attributes);
  if (!context) {
    context = parseHandoffContext(attributes);
    cache.set(attributes, context);
  }
  return context;
}
