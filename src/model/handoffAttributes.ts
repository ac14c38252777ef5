/**
 * Shapes what a Function writes into task attributes under `polyai`: the Handoff API response (checked and
 * size-capped) or an error marker. Studio ("Send To Flex") and `<Enqueue><Task>` both use it, so the plugin
 * reads one shape whichever path routed the call. Pure: no network.
 */
import { POLYAI_ATTRIBUTE } from './parseHandoffContext';
import type { HandoffError } from './types';
import { cutText, isRecord, own, type JsonRecord } from './values';

/** Budget for the `polyai` attribute as JSON. TaskRouter caps all task attributes together, Flex adds its own. */
export const MAX_POLYAI_ATTRIBUTE_CHARS = 8_000;

const MAX_ID_CHARS = 200;
const MAX_ERROR_MESSAGE_CHARS = 300;

/** Keys that hold transcripts: those are fetched lazily by the plugin, never stored on the task. */
const TRANSCRIPT_KEYS = new Set(['transcript', 'turns', 'conversation', 'messages', 'history']);

/** What a Function learned from the Handoff API: the response body, or why there is none. */
export type HandoffFetchResult = { ok: true; body: unknown } | { ok: false; error: HandoffError };

export interface PolyaiTaskAttributes {
  [POLYAI_ATTRIBUTE]: JsonRecord;
}

export function handoffErrorAttributes(status: number | null, message: string): PolyaiTaskAttributes {
  return { [POLYAI_ATTRIBUTE]: { error: { status, message: cutText(message, MAX_ERROR_MESSAGE_CHARS) } } };
}

/**
 * `{ polyai: { id, shared_id?, data } }` from a Handoff API body, or `{ polyai: { error } }`. Data keys are
 * kept in PolyAI's order until the budget is spent; how many were left out is recorded in `omitted_keys`.
 */
export function toPolyaiAttributes(
  result: HandoffFetchResult,
  maxChars: number = MAX_POLYAI_ATTRIBUTE_CHARS,
): PolyaiTaskAttributes {
  if (!result.ok) return handoffErrorAttributes(result.error.status, result.error.message);
  const body = result.body;
  const data = isRecord(body) ? own(body, 'data') : undefined;
  if (!isRecord(body) || !isRecord(data)) {
    return handoffErrorAttributes(502, 'PolyAI answered without handoff data.');
  }

  const envelope: JsonRecord = {};
  for (const key of ['id', 'shared_id']) {
    const value = own(body, key);
    if (typeof value === 'string') envelope[key] = cutText(value, MAX_ID_CHARS);
  }
  const kept: JsonRecord = {};
  envelope.data = kept;
  // Room for `,"omitted_keys":NNNNN` so that marking an omission never breaks the budget.
  let used = JSON.stringify(envelope).length + 24;
  let omitted = 0;
  for (const key of Object.keys(data)) {
    const value = data[key];
    const entryChars = TRANSCRIPT_KEYS.has(key) ? Infinity : JSON.stringify(key).length + jsonLength(value) + 2;
    if (used + entryChars > maxChars) {
      omitted += 1;
      continue;
    }
    // defineProperty: a `__proto__` key from PolyAI stays data and never becomes a prototype.
    Object.defineProperty(kept, key, { value, enumerable: true, writable: true, configurable: true });
    used += entryChars;
  }
  if (omitted > 0) envelope.omitted_keys = omitted;
  return { [POLYAI_ATTRIBUTE]: envelope };
}

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Infinity; // cyclic or BigInt: cannot be stored as JSON at all
  }
}
