/**
 * PolyAI Conversations API detail bodies (`ConversationDetailResponse` in
 * contracts/polyai/openapi/conversations-v3.openapi.json; sample in devtools/fixtures/conversation.json)
 * normalised into transcript rows. Same rules as `parseHandoffContext`: `unknown` in, typed out, never
 * throws, bounded work.
 */
import { readFunctionEvents, type FunctionEvent } from './functionEvents';
import { cutText, isRecord, own, toCount, toTime, type JsonRecord } from './values';

export type Speaker = 'agent' | 'caller';

/** One entity PolyAI found in a turn: `{"order_number": "AB1234"}` or `{"amounts": ["42.50", "42.50"]}`. */
export interface TurnEntity {
  name: string;
  /** One value, or several when PolyAI sent a list. */
  values: string[];
}

export interface ConversationTurn {
  /** Position in the transcript, from 0: stable key for virtualised rows and search. */
  index: number;
  speaker: Speaker;
  /** What was said ('' when the caller only pressed keys or stayed silent). */
  text: string;
  /** Keypad digits the caller pressed in this turn (`user_input_dtmf`); null for none and for the agent. */
  dtmf: string | null;
  /**
   * The same words in the agent's working language when PolyAI translated the call
   * (`translated_user_input`, `english_agent_response`); null when not translated or identical.
   */
  translation: string | null;
  /** Milliseconds since the epoch (`user_input_datetime` / `agent_response_datetime`), or null. */
  time: number | null;
  intents: string[];
  entities: TurnEntity[];
  /** PolyAI classified the caller's turn as silence (`is_silence`). */
  silence: boolean;
  /** PolyAI classified the caller's turn as out of domain (`is_ood`). */
  outOfDomain: boolean;
}

/**
 * A transcript's rows. Each is read from its PolyAI turn into its typed form the first time it is asked for
 * (a row shown, a search, "Copy all"), then kept: a 10,000-turn call opens without reading every turn first.
 * What the rows are, and whether any is cut, is known from the start (see `scanTurns`).
 */
export interface ConversationTurns {
  /** How many rows the transcript has. */
  readonly length: number;
  /** Row `index` (0 ≤ index < length), the same object each time it is asked for; undefined outside the rows. */
  at(index: number): ConversationTurn | undefined;
}

export interface Conversation {
  /** `conversationId` (the Twilio Call SID on Twilio calls). */
  id: string | null;
  /** `shortSummary`. */
  summary: string | null;
  /** `handoffReason`. */
  handoffReason: string | null;
  /** `handoffDestination`. */
  handoffDestination: string | null;
  /** `inProgress`; null when PolyAI did not say. */
  inProgress: boolean | null;
  language: string | null;
  turns: ConversationTurns;
  /** What the assistant ran (`functionEvents`), in order; see functionEvents.ts for how it is read. */
  functionEvents: FunctionEvent[];
  /** `tags`. */
  tags: string[];
  /** `note`: the free-text note saved on the conversation. */
  note: string | null;
  /** `polyScore`, PolyAI's quality measure, as sent. */
  polyScore: number | null;
  /** `startedAt` / `finishedAt`, milliseconds since the epoch. */
  startedAt: number | null;
  finishedAt: number | null;
  /** `polyaiDuration`: seconds PolyAI handled the call. */
  polyaiSeconds: number | null;
  /**
   * Fields the record carried that could not be read (wrong type, unreadable entries), by their PolyAI names:
   * the view says so instead of showing nothing silently.
   */
  unread: string[];
  /** True when turns, texts or badges were cut to stay within the limits. */
  truncated: boolean;
}

export interface ConversationLimits {
  maxTurns: number;
  maxTextChars: number;
  maxBadges: number;
  maxJsonChars: number;
}

export const CONVERSATION_LIMITS: Readonly<ConversationLimits> = Object.freeze({
  maxTurns: 20_000,
  maxTextChars: 5_000,
  maxBadges: 20,
  maxJsonChars: 20_000_000,
});

const EMPTY: Conversation = Object.freeze({
  id: null,
  summary: null,
  handoffReason: null,
  handoffDestination: null,
  inProgress: null,
  language: null,
  turns: Object.freeze({ length: 0, at: () => undefined }),
  functionEvents: [],
  tags: [],
  note: null,
  polyScore: null,
  startedAt: null,
  finishedAt: null,
  polyaiSeconds: null,
  unread: [],
  truncated: false,
});

/** A fresh empty conversation (its lists are not shared with any other result; it has no rows to change). */
function empty(truncated = false): Conversation {
  return { ...EMPTY, functionEvents: [], tags: [], unread: [], truncated };
}

export function parseConversation(body: unknown, limits: ConversationLimits = CONVERSATION_LIMITS): Conversation {
  try {
    return read(body, limits);
  } catch {
    return empty(); // exotic objects (throwing getters, proxies): nothing readable
  }
}

const BADGE_CHARS = 200;
/** DTMF is a handful of keys; a longer value is not keypad input. */
const DTMF_CHARS = 64;

/** The limits a read keeps to, and whether it had to cut anything to keep to them. */
export type Bounds = { limits: ConversationLimits; truncated: boolean };

function read(body: unknown, limits: ConversationLimits): Conversation {
  let root = body;
  if (typeof root === 'string') {
    if (root.length > limits.maxJsonChars) return empty(true);
    try {
      root = JSON.parse(root);
    } catch {
      return empty();
    }
  }
  if (!isRecord(root)) return empty();
  // The Function wraps the body as `{ conversation: … }`; accept either.
  const wrapped = own(root, 'conversation');
  if (isRecord(wrapped)) root = wrapped;
  const record = root as JsonRecord;
  const bounds: Bounds = { limits, truncated: false };

  const rawTurns = own(record, 'turns');
  const turns = Array.isArray(rawTurns) ? scanTurns(rawTurns, bounds) : EMPTY.turns;
  const inProgress = own(record, 'inProgress');
  const unread: string[] = [];
  const rawEvents = own(record, 'functionEvents');
  const events = readFunctionEvents(rawEvents);
  if (events.truncated) bounds.truncated = true;
  const eventsReadable = rawEvents === undefined || rawEvents === null || isRecord(rawEvents) || Array.isArray(rawEvents);
  if (!eventsReadable || events.unreadable > 0) unread.push('functionEvents');
  const polyScore = optional(record, 'polyScore', unread, (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null));
  // An empty note is no note, not an unreadable one.
  const note = optional(record, 'note', unread, (value) => (typeof value === 'string' ? (text(value, bounds) ?? '') : null));
  return {
    id: text(own(record, 'conversationId'), bounds),
    summary: text(own(record, 'shortSummary'), bounds),
    handoffReason: text(own(record, 'handoffReason'), bounds),
    handoffDestination: text(own(record, 'handoffDestination'), bounds),
    inProgress: typeof inProgress === 'boolean' ? inProgress : null,
    language: text(own(record, 'language'), bounds),
    turns,
    functionEvents: events.events,
    tags: readTags(own(record, 'tags'), bounds, unread),
    note: note === '' ? null : note,
    polyScore,
    startedAt: optional(record, 'startedAt', unread, toTime),
    finishedAt: optional(record, 'finishedAt', unread, toTime),
    polyaiSeconds: optional(record, 'polyaiDuration', unread, (value) => toCount(typeof value === 'number' ? value : undefined) ?? null),
    unread,
    truncated: bounds.truncated,
  };
}

/** One optional field: its value, or null; a field that is present but not readable is listed in `unread`. */
function optional<T>(record: JsonRecord, key: string, unread: string[], parse: (value: unknown) => T | null): T | null {
  const value = own(record, key);
  if (value === undefined || value === null) return null;
  const parsed = parse(value);
  if (parsed === null) unread.push(key);
  return parsed;
}

/** `tags`: text entries, each at most a badge long, at most maxBadges of them. */
function readTags(value: unknown, bounds: Bounds, unread: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    unread.push('tags');
    return [];
  }
  const read = badges(value, bounds);
  const tags = read.map(badgeText).filter((tag): tag is string => tag !== null);
  if (tags.length < read.length) unread.push('tags');
  return tags;
}

/**
 * One PolyAI turn holds the caller's input (speech, keys, or silence) and the agent's answer: up to two rows,
 * caller first. The turn's intents and entities were found in the caller's input, so they go on the caller's
 * row (on the agent's when the caller's row is empty).
 *
 * The rows are found in one cheap pass over the turns (`findRows`): which halves make a row, the badges of the
 * turns that have any, and everything that marks the conversation cut (too many turns, a text or a list over its
 * limit), so `truncated` is whole before any row is read. Each row is then read in full when first asked for. The
 * body is read then too: whoever parses it hands it over and does not change it afterwards.
 */
function scanTurns(rawTurns: unknown[], bounds: Bounds): ConversationTurns {
  const { sources, records, badgesOf } = findRows(rawTurns, bounds);
  const rows: Array<ConversationTurn | undefined> = new Array(sources.length);
  return {
    length: sources.length,
    at(index) {
      if (!Number.isInteger(index) || index < 0 || index >= sources.length) return undefined;
      let row = rows[index];
      if (row === undefined) {
        const source = sources[index];
        const turn = source >> 1;
        const agent = (source & 1) === 1;
        // The agent's row carries the turn's badges only when the caller's half made no row of its own.
        const badges = agent && index > 0 && sources[index - 1] === turn * 2 ? null : (badgesOf.get(turn) ?? null);
        row = readRow(records[index], index, agent, badges, bounds.limits);
        rows[index] = row;
      }
      return row;
    },
  };
}

/** Where each row of a transcript comes from, found by the first pass (see `scanTurns`). */
export interface FoundRows {
  /** Per row: its turn's place in PolyAI's list, times two, plus one for the agent's half. */
  sources: number[];
  /** Per row: its PolyAI turn. */
  records: JsonRecord[];
  /** The badges of the turns that have any, by the turn's place in the list. */
  badgesOf: Map<number, TurnBadges>;
  /** False when the list had more turns, or made more rows, than the limit lets be read: the rows are its first ones. */
  whole: boolean;
}

/**
 * The first pass over PolyAI's turns: which halves make a row. The one place that knows where PolyAI's turns
 * live and which make rows: the transcript reads its rows from it, and `latestTurns` cuts the list by it.
 */
export function findRows(rawTurns: unknown[], bounds: Bounds): FoundRows {
  const { maxTurns } = bounds.limits;
  // At most maxTurns entries are read, whatever length the list claims (sparse lists, proxies).
  const scanned = Math.min(rawTurns.length, maxTurns);
  let whole = rawTurns.length <= scanned;
  if (!whole) bounds.truncated = true;
  const sources: number[] = [];
  const records: JsonRecord[] = [];
  const badgesOf = new Map<number, TurnBadges>();
  for (let i = 0; i < scanned; i += 1) {
    const raw = rawTurns[i];
    if (!isRecord(raw)) continue;
    if (sources.length >= maxTurns) {
      bounds.truncated = true;
      whole = false;
      break;
    }
    const badges = readBadges(raw, bounds);
    const callerRow = hasCallerRow(raw, bounds);
    if (callerRow) {
      sources.push(i * 2);
      records.push(raw);
      // The translation is read with its row; only whether it is over the limit is needed now.
      overLimit(own(raw, 'translated_user_input'), bounds);
    }
    if (text(own(raw, 'agent_response'), bounds) !== null) {
      if (sources.length >= maxTurns) {
        bounds.truncated = true;
        whole = false;
      } else {
        sources.push(i * 2 + 1);
        records.push(raw);
        overLimit(own(raw, 'english_agent_response'), bounds);
      }
    }
    if (badges !== null && (callerRow || sources[sources.length - 1] === i * 2 + 1)) badgesOf.set(i, badges);
  }
  return { sources, records, badgesOf, whole };
}

export interface TurnBadges {
  intents: string[];
  entities: TurnEntity[];
}

/** A turn's intents and entities, or null for none; read in the first pass so a list over its limit is known. */
function readBadges(raw: JsonRecord, bounds: Bounds): TurnBadges | null {
  const intents = badgeTexts(own(raw, 'intents'), bounds);
  const entities = readEntities(own(raw, 'entities'), bounds);
  return intents === NONE && entities === NO_ENTITIES ? null : { intents, entities };
}

function hasCallerRow(raw: JsonRecord, bounds: Bounds): boolean {
  return text(own(raw, 'user_input'), bounds) !== null || own(raw, 'is_silence') === true || own(raw, 'is_ood') === true || readDtmf(own(raw, 'user_input_dtmf')) !== null;
}

/** Marks the conversation cut when `value` is a text over the limit (as reading it will cut it). */
function overLimit(value: unknown, bounds: Bounds): void {
  if (typeof value === 'string' && value.length > bounds.limits.maxTextChars) text(value, bounds);
}

/** One row read in full: every value through `own`, which never throws, so neither does a row asked for late. */
function readRow(raw: JsonRecord, index: number, agent: boolean, badges: TurnBadges | null, limits: ConversationLimits): ConversationTurn {
  // Whatever cuts a text again here was counted by the first pass.
  const bounds: Bounds = { limits, truncated: false };
  const intents = badges?.intents ?? NONE;
  const entities = badges?.entities ?? NO_ENTITIES;
  if (agent) {
    const answered = text(own(raw, 'agent_response'), bounds) ?? '';
    const translation = differentText(own(raw, 'english_agent_response'), answered, bounds);
    return { index, speaker: 'agent', text: answered, dtmf: null, translation, time: toTime(own(raw, 'agent_response_datetime')), intents, entities, silence: false, outOfDomain: false };
  }
  const said = text(own(raw, 'user_input'), bounds) ?? '';
  return {
    index,
    speaker: 'caller',
    text: said,
    dtmf: readDtmf(own(raw, 'user_input_dtmf')),
    translation: differentText(own(raw, 'translated_user_input'), said, bounds),
    time: toTime(own(raw, 'user_input_datetime')),
    intents,
    entities,
    silence: own(raw, 'is_silence') === true,
    outOfDomain: own(raw, 'is_ood') === true,
  };
}

function text(value: unknown, bounds: Bounds): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (trimmed.length <= bounds.limits.maxTextChars) return trimmed;
  bounds.truncated = true;
  return `${cutText(trimmed, bounds.limits.maxTextChars)}…`;
}

/**
 * A translation worth showing: present and not the same words again. PolyAI repeats a text as its own
 * "translation" when no translation was needed, at times in another letter case or spacing.
 */
function differentText(value: unknown, original: string, bounds: Bounds): string | null {
  const translated = text(value, bounds);
  return translated !== null && translated !== original && asWords(translated) !== asWords(original) ? translated : null;
}

/** Text compared as words: Unicode form, letter case and runs of spaces aside. */
function asWords(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').toLowerCase();
}

/** Keypad digits only (0-9, *, #, A-D, and `w` pauses some carriers send); anything else is not DTMF. */
function readDtmf(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const digits = value.replace(/[\s,]/g, '');
  return digits !== '' && digits.length <= DTMF_CHARS && /^[0-9*#A-Dw]+$/i.test(digits) ? digits : null;
}

/**
 * Shared by every turn without badges: most turns have none, and a 10,000-turn call otherwise allocates
 * thousands of empty lists. Frozen, so no reader can change what the other turns hold.
 */
const NONE: string[] = Object.freeze([]) as unknown as string[];
const NO_ENTITIES: TurnEntity[] = Object.freeze([]) as unknown as TurnEntity[];

/** A badge list's texts (intents): at most maxBadges, unreadable entries left out. */
function badgeTexts(value: unknown, bounds: Bounds): string[] {
  if (!Array.isArray(value) || value.length === 0) return NONE;
  const texts = badges(value, bounds).map(badgeText).filter((name): name is string => name !== null);
  return texts.length === 0 ? NONE : texts;
}

function badges(value: unknown, bounds: Bounds): unknown[] {
  if (!Array.isArray(value)) return [];
  if (value.length > bounds.limits.maxBadges) bounds.truncated = true;
  return value.slice(0, bounds.limits.maxBadges);
}

function badgeText(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return cutText(value.trim(), BADGE_CHARS);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** `[{"dob": "1988-05-04"}, {"merchant": ["A", "B"]}]`: each object maps entity names to a value or a list. */
function readEntities(value: unknown, bounds: Bounds): TurnEntity[] {
  if (!Array.isArray(value) || value.length === 0) return NO_ENTITIES;
  const entities: TurnEntity[] = [];
  // Each object holds at least one entity: more than maxBadges objects are never all shown.
  const scanned = Math.min(value.length, bounds.limits.maxBadges);
  if (value.length > scanned) bounds.truncated = true;
  for (let index = 0; index < scanned; index += 1) {
    const item: unknown = value[index];
    if (!isRecord(item)) continue;
    for (const name of Object.keys(item)) {
      if (entities.length >= bounds.limits.maxBadges) {
        bounds.truncated = true;
        return entities;
      }
      const raw = item[name];
      const values = (Array.isArray(raw) ? badges(raw, bounds) : [raw]).map(badgeText).filter((entry): entry is string => entry !== null);
      if (name !== '' && values.length > 0) entities.push({ name: cutText(name, BADGE_CHARS), values });
    }
  }
  return entities.length === 0 ? NO_ENTITIES : entities;
}

