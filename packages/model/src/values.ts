/**
 * Readers for values flows write in many shapes ("3" for 3, "true" for true), read as written: decimal
 * numbers only ("0x10" is text, not 16), confidence 0–1 or a percentage written with "%". Own keys only;
 * a throwing getter or proxy trap reads as missing, never as an exception.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object given as itself or as JSON text (webhook parameters and TaskRouter attributes come as strings,
 * Studio hands objects): the record, or null for text over `maxChars`, invalid JSON or anything not an object.
 */
export function recordFromJson(value: unknown, maxChars: number): JsonRecord | null {
  if (typeof value !== 'string') return isRecord(value) ? value : null;
  if (value.length > maxChars) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Own-property read: a key such as `constructor` must never reach Object.prototype. */
export function own(record: JsonRecord, key: string): unknown {
  try {
    return Object.prototype.hasOwnProperty.call(record, key) ? plainValue(record[key]) : undefined;
  } catch {
    return undefined; // a throwing getter or proxy trap: that one value is unreadable, the rest is not
  }
}

/** Most entries read from a Map or Set: what the model can show of one is bounded anyway. */
const MAX_COLLECTION_ENTRIES = 1_000;

/**
 * Non-JSON objects as the JSON they stand for: a Date as its ISO text (null when invalid), a Map as an
 * object of its string and number keys, a Set as a list, a boxed primitive as the primitive, binary data
 * (typed arrays, buffers) as undefined (nothing to show). Everything else unchanged.
 */
export function plainValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Map) {
    const record: JsonRecord = Object.create(null);
    for (const [key, entry] of take(value.entries())) if (typeof key === 'string' || typeof key === 'number') record[String(key)] = entry;
    return record;
  }
  if (value instanceof Set) return [...take(value.values())];
  if (value instanceof String || value instanceof Number || value instanceof Boolean) return value.valueOf();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return undefined;
  return value;
}

function* take<T>(entries: IterableIterator<T>): Generator<T> {
  let count = 0;
  for (const entry of entries) {
    if ((count += 1) > MAX_COLLECTION_ENTRIES) return;
    yield entry;
  }
}

/** The first `max` UTF-16 units of `value`, one fewer when the cut would split a surrogate pair. */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  const last = value.charCodeAt(max - 1);
  return value.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** Largest time a Date can hold (ms from the epoch); beyond it no view can format the time. */
const MAX_TIME_MS = 8.64e15;

/** An ISO date-time text as ms from the epoch; null for anything else, or a time no Date can hold. */
export function toTime(value: unknown): number | null {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return !Number.isNaN(time) && Math.abs(time) <= MAX_TIME_MS ? time : null;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return undefined;
}

/** A decimal number as people write it: `3`, `-2.5`, `.5`, `1e3`. Not `0x10`, `0b1`, `Infinity` or ``. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

export function toCount(value: unknown): number | undefined {
  const number = toNumber(value);
  return number !== undefined && Number.isInteger(number) && number >= 0 ? number : undefined;
}

/**
 * Confidence as 0..1: a number or decimal text from 0 to 1, or a percentage from 0 to 100 written with "%"
 * (`"85%"`, `"85 %"`). Anything else (85 without "%", 1.5, -0.1) is not guessed at: undefined, a problem.
 */
export function toConfidence(value: unknown): number | undefined {
  if (typeof value === 'string' && value.trim().endsWith('%')) {
    const percent = toNumber(value.trim().slice(0, -1).trim());
    return percent !== undefined && percent >= 0 && percent <= 100 ? percent / 100 : undefined;
  }
  const number = toNumber(value);
  return number !== undefined && number >= 0 && number <= 1 ? number : undefined;
}
