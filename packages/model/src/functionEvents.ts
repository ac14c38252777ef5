/**
 * PolyAI's `functionEvents` (the functions the assistant ran: look-ups, payments, bookings). The published
 * contract types it only as an object, so nothing here assumes a shape: every event is shown with what it
 * carries, a name, an outcome or a time only when the record states one under a common key, everything else
 * as labelled values. Bounded work whatever the record holds.
 */
import { labelForPath, pathOf } from './labels';
import type { CapturedField } from './types';
import { cutText, isRecord, own, toTime, type JsonRecord } from './values';

/** What the record says about how the function ended: `other` when it says something neither clearly is. */
export type FunctionOutcomeKind = 'succeeded' | 'failed' | 'other';

export interface FunctionOutcome {
  kind: FunctionOutcomeKind;
  /** The record's own words (`"declined"`, `"card_expired"`); null when it said only true or false. */
  text: string | null;
}

export interface FunctionEvent {
  /** The function's name from the event, else the key it was listed under; null when neither names it. */
  name: string | null;
  outcome: FunctionOutcome | null;
  /** Milliseconds since the epoch, when the event carries a date-time. */
  time: number | null;
  /** Everything else the event carries, flattened like captured fields (labels from the keys). */
  details: CapturedField[];
}

export interface FunctionEventLimits {
  maxEvents: number;
  maxDetails: number;
  maxDepth: number;
  maxTextChars: number;
  /** Values looked at in all, across every event: the walk stops there whatever the record holds. */
  maxNodes: number;
}

export const FUNCTION_EVENT_LIMITS: Readonly<FunctionEventLimits> = Object.freeze({
  maxEvents: 100,
  maxDetails: 12,
  maxDepth: 4,
  maxTextChars: 500,
  maxNodes: 5_000,
});

export interface FunctionEventsRead {
  events: FunctionEvent[];
  /** Some events or values were left out to stay within the limits. */
  truncated: boolean;
  /** Entries that were neither an event nor a value (e.g. `null` items): present but not readable. */
  unreadable: number;
}

// Keys an event commonly states these under; the first one present with a usable value wins.
const NAME_KEYS = ['name', 'function_name', 'functionName', 'function', 'tool_name', 'toolName', 'tool'];
const TIME_KEYS = ['timestamp', 'time', 'datetime', 'date_time', 'created_at', 'createdAt', 'started_at', 'startedAt', 'at'];
const OUTCOME_KEYS = ['outcome', 'status', 'result', 'success', 'succeeded', 'ok', 'failed', 'error'];
/** Keys whose true means it went wrong. */
const FAILURE_FLAGS = new Set(['failed', 'error']);
const SUCCESS_WORDS = /^(ok|okay|success|successful|succeeded|complete|completed|done|passed|true|found|approved)$/i;
const FAILURE_WORDS = /fail|error|denied|declined|reject|timeout|timed[\s_-]?out|invalid|not[\s_-]?found|unavailable|^false$|expired|refused/i;
const NAME_CHARS = 200;

type Walk = { limits: FunctionEventLimits; nodes: number; truncated: boolean; unreadable: number };

/**
 * Events in the record's order, or by time when every event states one. A list is read as events; an object
 * as events by key (`{"lookup_account": {…}}` or `{"lookup_account": [{…}, {…}]}`); a plain value under a key
 * as an event with that outcome or value.
 */
export function readFunctionEvents(value: unknown, limits: FunctionEventLimits = FUNCTION_EVENT_LIMITS): FunctionEventsRead {
  const walk: Walk = { limits, nodes: 0, truncated: false, unreadable: 0 };
  const events: FunctionEvent[] = [];
  try {
    if (Array.isArray(value)) readList(value, null, events, walk);
    else if (isRecord(value)) {
      for (const key of Object.keys(value)) {
        if (!hasRoom(events, walk)) break;
        const entry = own(value, key);
        if (Array.isArray(entry)) readList(entry, key, events, walk);
        else readOne(entry, key, events, walk);
      }
    }
  } catch {
    walk.unreadable += 1; // an exotic object (throwing trap): what was read before it stays
  }
  const timed = events.every((event) => event.time !== null);
  const ordered = timed ? [...events].sort((a, b) => (a.time as number) - (b.time as number)) : events;
  return { events: ordered, truncated: walk.truncated, unreadable: walk.unreadable };
}

function hasRoom(events: FunctionEvent[], walk: Walk): boolean {
  if (events.length < walk.limits.maxEvents && walk.nodes < walk.limits.maxNodes) return true;
  walk.truncated = true;
  return false;
}

function readList(list: unknown[], listedUnder: string | null, events: FunctionEvent[], walk: Walk): void {
  const scanned = Math.min(list.length, walk.limits.maxEvents);
  if (list.length > scanned) walk.truncated = true;
  for (let index = 0; index < scanned; index += 1) {
    if (!hasRoom(events, walk)) return;
    readOne(list[index], listedUnder, events, walk);
  }
}

function readOne(entry: unknown, listedUnder: string | null, events: FunctionEvent[], walk: Walk): void {
  walk.nodes += 1;
  if (isRecord(entry)) {
    events.push(readEvent(entry, listedUnder, walk));
    return;
  }
  const leaf = leafValue(entry, walk);
  if (leaf === undefined || leaf === null || listedUnder === null) {
    walk.unreadable += 1;
    return;
  }
  // `{"lookup_account": "success"}`: the key names the function, the value says how it went.
  const outcome = outcomeOf('outcome', leaf);
  events.push({
    name: cutText(listedUnder, NAME_CHARS),
    outcome,
    time: null,
    details: outcome === null ? [detail([listedUnder], leaf)] : [],
  });
}

function readEvent(record: JsonRecord, listedUnder: string | null, walk: Walk): FunctionEvent {
  const used = new Set<string>();
  const name = firstOf(record, NAME_KEYS, used, (value) => (typeof value === 'string' && value.trim() !== '' ? cutText(value.trim(), NAME_CHARS) : null));
  const time = firstOf(record, TIME_KEYS, used, toTime);
  let outcome: FunctionOutcome | null = null;
  for (const key of OUTCOME_KEYS) {
    const value = own(record, key);
    if (value === undefined || (typeof value === 'object' && value !== null)) continue;
    const leaf = leafValue(value, walk);
    const read = leaf === undefined ? null : outcomeOf(key, leaf);
    if (read === null) continue;
    outcome = read;
    used.add(key);
    break;
  }
  const details: CapturedField[] = [];
  for (const key of Object.keys(record)) {
    if (used.has(key)) continue;
    if (!flatten(own(record, key), [key], details, walk)) break;
  }
  return { name: name ?? (listedUnder === null ? null : cutText(listedUnder, NAME_CHARS)), outcome, time, details };
}

function firstOf<T>(record: JsonRecord, keys: readonly string[], used: Set<string>, read: (value: unknown) => T | null): T | null {
  for (const key of keys) {
    const found = read(own(record, key));
    if (found !== null) {
      used.add(key);
      return found;
    }
  }
  return null;
}

/** Adds the value's leaves as details; false once no more fit (the caller stops). */
function flatten(value: unknown, segments: Array<string | number>, details: CapturedField[], walk: Walk): boolean {
  walk.nodes += 1;
  if (details.length >= walk.limits.maxDetails || walk.nodes > walk.limits.maxNodes) {
    walk.truncated = true;
    return false;
  }
  if (Array.isArray(value) || isRecord(value)) {
    const keys: Array<string | number> = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
    if (keys.length === 0) {
      details.push({ ...detail(segments, null), kind: Array.isArray(value) ? 'empty-array' : 'empty-object' });
      return true;
    }
    if (segments.length >= walk.limits.maxDepth) {
      details.push({ ...detail(segments, null), kind: 'truncated' });
      return true;
    }
    for (const key of keys) {
      const child = typeof key === 'number' ? (value as unknown[])[key] : own(value as JsonRecord, key);
      if (!flatten(child, [...segments, key], details, walk)) return false;
    }
    return true;
  }
  const leaf = leafValue(value, walk);
  if (leaf === undefined) walk.unreadable += 1;
  else details.push(detail(segments, leaf));
  return true;
}

function detail(segments: Array<string | number>, value: string | number | boolean | null): CapturedField {
  const kind = value === null ? 'null' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'string';
  return { path: pathOf(segments), segments, label: labelForPath(segments), value, kind };
}

/** A JSON leaf as a value to show: text cut to the limit; undefined for anything that is not one. */
function leafValue(value: unknown, walk: Walk): string | number | boolean | null | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed.length <= walk.limits.maxTextChars) return trimmed;
  walk.truncated = true;
  return `${cutText(trimmed, walk.limits.maxTextChars)}…`;
}

/** What the value under an outcome-like key says; null when it says nothing (empty, null). */
function outcomeOf(key: string, value: string | number | boolean | null): FunctionOutcome | null {
  if (value === null || value === '') return null;
  if (typeof value === 'boolean') return { kind: value !== FAILURE_FLAGS.has(key) ? 'succeeded' : 'failed', text: null };
  if (typeof value === 'number') {
    // An HTTP-like status code; any other number is stated as it is.
    if (value >= 200 && value < 300) return { kind: 'succeeded', text: String(value) };
    if (value >= 400 && value < 600) return { kind: 'failed', text: String(value) };
    return { kind: 'other', text: String(value) };
  }
  // Any text under `error` is the error.
  if (FAILURE_FLAGS.has(key) && !SUCCESS_WORDS.test(value)) return { kind: 'failed', text: value };
  if (SUCCESS_WORDS.test(value)) return { kind: 'succeeded', text: value };
  return { kind: FAILURE_WORDS.test(value) ? 'failed' : 'other', text: value };
}
