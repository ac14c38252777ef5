/**
 * The Functions' own secrets never leave them: the PolyAI API keys, Twilio's auth token and API secret are
 * scrubbed from everything a Function passes on (task attributes, TwiML, responses) and from its log lines,
 * even when PolyAI echoes one back inside its data.
 */
import { isRecord } from '@polyai-context/model';
import type { Env } from './config';

/** Settings whose values are secrets: POLYAI_API_KEY, AUTH_TOKEN, API_SECRET, any *_KEY / *_TOKEN / *_SECRET. */
const SECRET_SETTING = /(?:^|_)(?:KEY|TOKEN|SECRET|PASSWORD)$/i;
/** Shorter values are not treated as secrets: scrubbing `1` or `us` would mangle ordinary data. */
const MIN_SECRET_CHARS = 8;
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

export function scrubText(text: string, secrets: Iterable<string> = seen): string {
  let scrubbed = text;
  for (const secret of secrets) if (scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(REDACTED);
  return scrubbed;
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
