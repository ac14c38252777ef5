/**
 * Shapes what a Function writes into task attributes under `polyai`: a compact copy of the Handoff API response,
 * or an error marker. Studio ("Send To Flex") and `<Enqueue><Task>` both use it, so the plugin reads one shape
 * whichever path routed the call. Pure: no network.
 *
 * Studio's Send To Flex documents its Attributes field as "max. 1024 characters" for the whole task attributes
 * JSON, and the flow's own attributes (type, name, call_sid, an admin's additions) share it. So `polyai` holds the
 * most useful fields first and a marker of what did not fit; the plugin fetches the rest by id when the tab opens.
 */
import type { PolyaiEnvelope } from './contracts';
import { INCOMPLETE_MARKER, POLYAI_ATTRIBUTE } from './envelope';
import { CUT_KEYS, NEVER_STORED_KEYS, PRIORITY_KEYS } from './polyaiKeys';
import type { HandoffError } from './types';
import { cutText, isRecord, own, type JsonRecord } from './values';

/**
 * Budget for the `polyai` attribute as JSON: Send To Flex's 1,024 characters minus room for the rest of the task
 * attributes the Functions write (`type`, `call_sid`, and the caller address twice, 64 characters each, which
 * JSON escaping can double: 384 characters in all).
 */
export const MAX_POLYAI_ATTRIBUTE_CHARS = 640;

const MAX_ID_CHARS = 200;
const MAX_ERROR_MESSAGE_CHARS = 300;
/** Longest key name listed in the marker. */
const MAX_MARKER_KEY_CHARS = 40;
/** A text cut shorter than this tells the agent too little: leave it to the full fetch. */
const MIN_CUT_CHARS = 40;
/** Most room held back for the names of keys left out; past it the marker lists fewer names than its count. */
const MAX_MARKER_NAMES_CHARS = 200;

/** What a Function learned from the Handoff API: the response body, or why there is none. */
export type HandoffFetchResult = { ok: true; body: unknown } | { ok: false; error: HandoffError };

export interface PolyaiTaskAttributes {
  [POLYAI_ATTRIBUTE]: PolyaiEnvelope;
}

export function handoffErrorAttributes(status: number | null, message: string): PolyaiTaskAttributes {
  return { [POLYAI_ATTRIBUTE]: { error: { status, message: cutText(message, MAX_ERROR_MESSAGE_CHARS) } } };
}

/**
 * `{ polyai: { id, shared_id?, data, incomplete? } }` from a Handoff API body, or `{ polyai: { error } }`. Data
 * keys go in by priority until `maxChars` is spent; `incomplete: { count, keys }` names what was left out or cut
 * (as many names as fit), so the plugin shows them as "not yet loaded" and fetches them.
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

  const envelope: PolyaiEnvelope = {};
  for (const key of ['id', 'shared_id'] as const) {
    const value = own(body, key);
    if (typeof value === 'string') envelope[key] = cutText(value, MAX_ID_CHARS);
  }
  // Room for the marker's frame and its count, so that adding it never breaks the budget.
  const markerFrame = JSON.stringify({ [INCOMPLETE_MARKER]: { count: 99999, keys: [] } }).length + 1;
  const base = JSON.stringify({ ...envelope, data: {} }).length + markerFrame;
  const ordered = orderedKeys(data);
  // Pack, then repack holding back room for the names of what was left out (at most twice more: each pass
  // leaves out at least as much as the one before, and the room held back is capped).
  let packed = pack(data, ordered, maxChars - base);
  for (let pass = 0; pass < 2; pass += 1) {
    const reserve = Math.min(MAX_MARKER_NAMES_CHARS, markerNamesChars(packed.left));
    if (reserve <= maxChars - base - packed.used) break;
    packed = pack(data, ordered, maxChars - base - reserve);
  }
  envelope.data = packed.kept;
  if (packed.left.length > 0) envelope[INCOMPLETE_MARKER] = markerFor(packed.left, maxChars - base - packed.used);
  return { [POLYAI_ATTRIBUTE]: envelope };
}

interface Packed {
  kept: JsonRecord;
  /** Keys left out or cut. */
  left: string[];
  /** Characters the kept entries take. */
  used: number;
}

/** The data keys, in order, that fit in `budget` characters; long priority texts are cut to fit. */
function pack(data: JsonRecord, ordered: string[], budget: number): Packed {
  const kept: JsonRecord = {};
  const left: string[] = [];
  let used = 0;
  for (const key of ordered) {
    if (NEVER_STORED_KEYS.has(key)) {
      left.push(key);
      continue;
    }
    const value = data[key];
    const keyChars = JSON.stringify(key).length + 2; // `"key":` and a comma
    let entry: unknown = value;
    let entryChars = keyChars + jsonLength(value);
    const room = budget - used - keyChars;
    if (used + entryChars > budget && typeof value === 'string' && CUT_KEYS.has(key) && room >= MIN_CUT_CHARS + 3) {
      entry = cutToJson(value, room);
      entryChars = keyChars + jsonLength(entry);
      left.push(key); // kept, but cut: the full text comes with the fetch
    } else if (used + entryChars > budget) {
      left.push(key);
      continue;
    }
    // defineProperty: a `__proto__` key from PolyAI stays data and never becomes a prototype.
    Object.defineProperty(kept, key, { value: entry, enumerable: true, writable: true, configurable: true });
    used += entryChars;
  }
  return { kept, left, used };
}

/**
 * PolyAI's known keys first, in the table's packing order (polyaiKeys: verification, the caller's ids, intent, name,
 * destination, language, then the texts cut to fit), then the rest as PolyAI sent them. Transcripts are never stored.
 */
function orderedKeys(data: JsonRecord): string[] {
  const keys = Object.keys(data);
  const present = new Set(keys);
  const first = PRIORITY_KEYS.filter((key) => present.has(key));
  const chosen = new Set(first);
  return [...first, ...keys.filter((key) => !chosen.has(key))];
}

/** Characters the names of `keys` take in the marker. */
function markerNamesChars(keys: string[]): number {
  return keys.reduce((sum, key) => sum + JSON.stringify(key.slice(0, MAX_MARKER_KEY_CHARS)).length + 1, 0);
}

/** `{ count, keys }` with as many key names as fit in `room` characters. */
function markerFor(left: string[], room: number): NonNullable<PolyaiEnvelope['incomplete']> {
  const keys: string[] = [];
  let used = 0;
  for (const key of left) {
    const name = key.slice(0, MAX_MARKER_KEY_CHARS);
    const chars = JSON.stringify(name).length + 1;
    if (used + chars > room) break;
    keys.push(name);
    used += chars;
  }
  return { count: left.length, keys };
}

/**
 * The longest prefix of `value` (plus an ellipsis) whose JSON fits in `room` characters, counting each character as
 * JSON writes it (a quote or a newline takes 2, a control character 6) and never splitting a character in two.
 * Each character takes at least one, so the walk stops within `room` characters, however long `value` is.
 */
function cutToJson(value: string, room: number): string {
  let left = room - JSON.stringify('…').length;
  let end = 0;
  for (const char of value) {
    left -= JSON.stringify(char).length - 2; // without its quotes
    if (left < 0) break;
    end += char.length;
  }
  return `${value.slice(0, end)}…`;
}

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Infinity; // cyclic or BigInt: cannot be stored as JSON at all
  }
}
