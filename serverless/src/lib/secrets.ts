/**
 * The Functions' own secrets never leave them: the PolyAI API keys, Twilio's auth token and API secret are
 * scrubbed from everything a Function passes on (task attributes, TwiML, responses) and from its log lines,
 * even when PolyAI echoes one back inside its data. Not only whole secrets: any run of 8 or more characters of
 * one, so a key that a length limit (ours or PolyAI's) cut in part is scrubbed too. Every value is scrubbed
 * before it is cut, so a cut never leaves a run too short to recognise.
 */
import { isRecord } from '@polyai-context/model';
import type { Env } from './config';

/** Settings whose values are secrets: POLYAI_API_KEY, AUTH_TOKEN, API_SECRET, any *_KEY / *_TOKEN / *_SECRET. */
const SECRET_SETTING = /(?:^|_)(?:KEY|TOKEN|SECRET|PASSWORD)$/i;
/** Shorter values are not treated as secrets: scrubbing `1` or `us` would mangle ordinary data. */
const MIN_SECRET_CHARS = 8;
/** Runs of a secret this long are scrubbed wherever they appear (8 characters of a random key cannot occur by chance). */
export const MIN_SECRET_RUN_CHARS = MIN_SECRET_CHARS;
export const REDACTED = '[redacted]';

// Log lines are written without an environment at hand: the secrets of environments seen so far.
const seen = new Set<string>();

/** The secret values of an environment, longest first (a secret that contains another is scrubbed whole). */
export function secretsOf(env: Env): string[] {
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_SETTING.test(name) && typeof value === 'string' && value.trim().length >= MIN_SECRET_CHARS)
    .map(([, value]) => (value as string).trim());
  for (const secret of secrets) seen.add(secret);
  return [...new Set(secrets)].sort((a, b) => b.length - a.length);
}

/** Every secret's pieces of MIN_SECRET_RUN_CHARS characters, and the characters they are made of. */
interface SecretRuns {
  pieces: Set<string>;
  /** 1 for each UTF-16 code unit that occurs in a secret: a window with any other cannot match, so is not sliced. */
  alphabet: Uint8Array;
}

// The runs of the secrets last scrubbed with (one environment per Function run).
let runsFor: { key: string; runs: SecretRuns } = { key: '', runs: { pieces: new Set(), alphabet: new Uint8Array(0x10000) } };

function runsOf(secrets: Iterable<string>): SecretRuns {
  const list = [...secrets];
  const key = list.join('\n');
  if (key !== runsFor.key) {
    const runs: SecretRuns = { pieces: new Set(), alphabet: new Uint8Array(0x10000) };
    for (const secret of list) {
      for (let index = 0; index < secret.length; index += 1) runs.alphabet[secret.charCodeAt(index)] = 1;
      for (let start = 0; start + MIN_SECRET_RUN_CHARS <= secret.length; start += 1) runs.pieces.add(secret.slice(start, start + MIN_SECRET_RUN_CHARS));
    }
    runsFor = { key, runs };
  }
  return runsFor.runs;
}

/** `text` with every run of 8 or more characters of a secret replaced, whole secrets included. */
export function scrubText(text: string, secrets: Iterable<string> = seen): string {
  return text.length < MIN_SECRET_RUN_CHARS ? text : scrubWith(text, runsOf(secrets));
}

function scrubWith(text: string, { pieces, alphabet }: SecretRuns): string {
  if (pieces.size === 0) return text;
  // A position is a secret's when any window of MIN_SECRET_RUN_CHARS characters over it is a piece of a secret;
  // each stretch of such positions (overlapping or touching windows) becomes one REDACTED.
  let scrubbed = '';
  let found = false;
  let end = 0; // end of the current stretch, and how far `text` is copied or replaced
  let streak = 0; // characters in a row, up to here, that occur in some secret
  for (let index = 0; index < text.length; index += 1) {
    streak = alphabet[text.charCodeAt(index)] === 1 ? streak + 1 : 0;
    const start = index + 1 - MIN_SECRET_RUN_CHARS;
    if (streak < MIN_SECRET_RUN_CHARS || !pieces.has(text.slice(start, index + 1))) continue;
    if (!found || start > end) scrubbed += `${found ? REDACTED : ''}${text.slice(end, start)}`;
    found = true;
    end = index + 1;
  }
  return found ? `${scrubbed}${REDACTED}${text.slice(end)}` : text;
}

/**
 * A copy of a JSON value with every secret in its keys and strings replaced. Iterative (PolyAI's JSON may be
 * nested deeper than the stack allows); unchanged input is returned as it was.
 */
export function scrubJson<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const runs = runsOf(secrets);
  const scrub = (text: string) => (text.length < MIN_SECRET_RUN_CHARS ? text : scrubWith(text, runs));
  const holder: Record<string, unknown> = {};
  const work: Array<{ from: unknown; into: Record<string, unknown> | unknown[]; key: string | number }> = [{ from: value, into: holder, key: 'root' }];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    const { from, into, key } = item;
    let copy: unknown = from;
    if (typeof from === 'string') {
      copy = scrub(from);
    } else if (Array.isArray(from)) {
      const list: unknown[] = new Array(from.length);
      for (let index = from.length - 1; index >= 0; index -= 1) work.push({ from: from[index], into: list, key: index });
      copy = list;
    } else if (isRecord(from)) {
      const record: Record<string, unknown> = {};
      // Pushed last key first, so keys are defined (popped) in their original order.
      for (const name of Object.keys(from).reverse()) work.push({ from: from[name], into: record, key: scrub(name) });
      copy = record;
    }
    // defineProperty: a `__proto__` key stays data.
    Object.defineProperty(into, key, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return holder.root as T;
}
