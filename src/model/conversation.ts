/**
 * PolyAI Conversations API bodies (see tests/fixtures/conversation.json) normalised into transcript
 * turns. Same rules as `parseHandoffContext`: `unknown` in, typed out, never throws, bounded work.
 */
import { cutText, isRecord, own, type JsonRecord } from './values';

export type Speaker = 'agent' | 'caller';

export interface TurnEntity {
  name: string;
  value: string;
}

export interface ConversationTurn {
  /** Position in the transcript, from 0: stable key for virtualised rows and search. */
  index: number;
  speaker: Speaker;
  text: string;
  /** Milliseconds since the epoch, or null when PolyAI sent no readable time. */
  time: number | null;
  intents: string[];
  entities: TurnEntity[];
}

export interface Conversation {
  id: string | null;
  summary: string | null;
  language: string | null;
  turns: ConversationTurn[];
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

const EMPTY: Conversation = Object.freeze({ id: null, summary: null, language: null, turns: [], truncated: false });

export function parseConversation(body: unknown, limits: ConversationLimits = CONVERSATION_LIMITS): Conversation {
  try {
    return read(body, limits);
  } catch {
    return { ...EMPTY, turns: [] }; // exotic objects (throwing getters, proxies): nothing readable
  }
}

function read(body: unknown, limits: ConversationLimits): Conversation {
  let root = body;
  if (typeof root === 'string') {
    if (root.length > limits.maxJsonChars) return { ...EMPTY, turns: [], truncated: true };
    try {
      root = JSON.parse(root);
    } catch {
      return { ...EMPTY, turns: [] };
    }
  }
  if (!isRecord(root)) return { ...EMPTY, turns: [] };
  // The Function wraps the body as `{ conversation: … }`; accept either.
  const wrapped = own(root, 'conversation');
  if (isRecord(wrapped)) root = wrapped;
  const record = root as JsonRecord;
  const state = { truncated: false };
  const cut = (value: string) => {
    if (value.length <= limits.maxTextChars) return value;
    state.truncated = true;
    return `${cutText(value, limits.maxTextChars)}…`;
  };
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? cut(value.trim()) : null);

  const turns: ConversationTurn[] = [];
  const rawTurns = own(record, 'turns');
  if (Array.isArray(rawTurns)) {
    // At most maxTurns entries are read, whatever length the list claims (sparse lists, proxies).
    const scanned = Math.min(rawTurns.length, limits.maxTurns);
    if (rawTurns.length > scanned) state.truncated = true;
    for (let i = 0; i < scanned; i += 1) {
      if (turns.length >= limits.maxTurns) {
        state.truncated = true;
        break;
      }
      const raw = rawTurns[i];
      if (!isRecord(raw)) continue;
      const time = toTime(own(raw, 'timestamp') ?? own(raw, 'time'));
      const intents = badges(own(raw, 'intents'), limits, state).map(badgeName).filter((name): name is string => name !== null);
      const entities = badges(own(raw, 'entities'), limits, state).map(toEntity).filter((entity): entity is TurnEntity => entity !== null);
      // One PolyAI turn may hold what the caller said and what the agent answered: caller first.
      const said = text(own(raw, 'user_input'));
      if (said !== null) turns.push({ index: turns.length, speaker: 'caller', text: said, time, intents, entities });
      const answered = text(own(raw, 'agent_response'));
      if (answered !== null && turns.length < limits.maxTurns) {
        const withBadges = said === null;
        turns.push({ index: turns.length, speaker: 'agent', text: answered, time, intents: withBadges ? intents : [], entities: withBadges ? entities : [] });
      }
    }
  }
  return {
    id: text(own(record, 'id')),
    summary: text(own(record, 'shortSummary') ?? own(record, 'summary')),
    language: text(own(record, 'language')),
    turns,
    truncated: state.truncated,
  };
}

function badges(value: unknown, limits: ConversationLimits, state: { truncated: boolean }): unknown[] {
  if (!Array.isArray(value)) return [];
  if (value.length > limits.maxBadges) state.truncated = true;
  return value.slice(0, limits.maxBadges);
}

const BADGE_CHARS = 200;

function badgeName(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return cutText(value, BADGE_CHARS);
  if (isRecord(value)) return badgeName(own(value, 'name'));
  return null;
}

function toEntity(value: unknown): TurnEntity | null {
  if (!isRecord(value)) return null;
  const name = badgeName(own(value, 'name'));
  const raw = own(value, 'value');
  if (name === null || raw === undefined || raw === null || typeof raw === 'object') return null;
  return { name, value: cutText(String(raw), BADGE_CHARS) };
}

/** Largest time a Date can hold (ms from the epoch); beyond it no view can format the turn's time. */
const MAX_TIME_MS = 8.64e15;

function toTime(value: unknown): number | null {
  let time: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) time = value < 1e12 ? value * 1000 : value; // seconds or ms
  else if (typeof value === 'string') time = Date.parse(value);
  return time !== null && Math.abs(time) <= MAX_TIME_MS ? time : null;
}
