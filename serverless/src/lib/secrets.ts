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

// The runs of the secrets last scrubbed with: every secret's substrings of MIN_SECRET_RUN_CHARS characters.
let runsFor = { key: '', runs: new Set<string>() };

function runsOf(secrets: Iterable<string>): Set<string> {
  const list = [...secrets];
  const key = list.join('\n');
  if (key !== runsFor.key) {
    const runs = new Set<string>();
    for (const secret of list) {
      for (let start = 0; start + MIN_SECRET_RUN_CHARS <= secret.length; start += 1) runs.add(secret.slice(start, start + MIN_SECRET_RUN_CHARS));
    }
    runsFor = { key, runs };
  }
  return runsFor.runs;
}

/** `text` with every run of 8 or more characters of a secret replaced, whole secrets included. */
export function scrubText(text: string, secrets: Iterable<string> = seen): string {
  if (text.length < MIN_SECRET_RUN_CHARS) return text;
  const runs = runsOf(secrets);
  if (runs.size === 0) return text;
  // A position is a secret's when any window of MIN_SECRET_RUN_CHARS characters over it is a piece of a secret;
  // each stretch of such positions (overlapping or touching windows) becomes one REDACTED.
  let scrubbed = '';
  let found = false;
  let end = 0; // end of the current stretch, and how far `text` is copied or replaced
  for (let start = 0; start + MIN_SECRET_RUN_CHARS <= text.length; start += 1) {
    if (!runs.has(text.slice(start, start + MIN_SECRET_RUN_CHARS))) continue;
    if (!found || start > end) scrubbed += `${found ? REDACTED : ''}${text.slice(end, start)}`;
    found = true;
    end = start + MIN_SECRET_RUN_CHARS;
  }
  return found ? `${scrubbed}${REDACTED}${text.slice(end)}` : text;
}

/**
 * A copy of a JSON value with every secret in its keys and strings replaced. Iterative (PolyAI's JSON may be
 * nested deeper than the stack allows); unchanged input is returned as it was.
 */
export function scrubJson<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const holder: Record<string, unknown> = {};
  const work: Array<{ from: unknown; into: Record<string, unknown> | unknown[]; key: string | number }> = [{ from: value, into: holder, key: 'root' }];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    const { from, into, key } = item;
    let copy: unknown = from;
    if (typeof from === 'string') {
      copy = scrubText(from, secrets);
    } else if (Array.isArray(from)) {
      const list: unknown[] = new Array(from.length);
      for (let index = from.length - 1; index >= 0; index -= 1) work.push({ from: from[index], into: list, key: index });
      copy = list;
    } else if (isRecord(from)) {
      const record: Record<string, unknown> = {};
      // Pushed last key first, so keys are defined (popped) in their original order.
      for (const name of Object.keys(from).reverse()) work.push({ from: from[name], into: record, key: scrubText(name, secrets) });
      copy = record;
    }
    // defineProperty: a `__proto__` key stays data.
    Object.defineProperty(into, key, { value: copy, enumerable: true, writable: true, configurable: true });
  }
  return holder.root as T;
}
