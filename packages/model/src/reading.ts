/**
 * The primitives every part of the parse reads the input with: JSON text or objects to records, values to
 * display text, long strings cut. Each records what was wrong as a problem instead of throwing.
 */
import type { ParseLimits } from './limits';
import type { ProblemLog } from './problems';
import type { ProblemCode } from './types';
import { cutText, isRecord, plainValue, type JsonRecord } from './values';

export type Parsed = { ok: true; record: JsonRecord } | { ok: false; message: string };

export class InputReader {
  constructor(
    readonly limits: ParseLimits,
    readonly problems: ProblemLog,
  ) {}

  /** An object, or JSON text of one (up to `maxJsonChars`); otherwise why not, also logged as a problem. */
  toRecord(value: unknown, path: string, invalidJson: ProblemCode, notObject: ProblemCode): Parsed {
    let candidate = plainValue(value);
    if (typeof value === 'string') {
      if (value.length > this.limits.maxJsonChars) {
        const message = `The ${path} JSON is ${value.length} characters, over the ${this.limits.maxJsonChars} limit.`;
        this.problems.add('too-large', message, path);
        return { ok: false, message };
      }
      try {
        candidate = JSON.parse(value);
      } catch {
        const message = `The ${path} value is not valid JSON.`;
        this.problems.add(invalidJson, message, path);
        return { ok: false, message };
      }
    }
    if (isRecord(candidate)) return { ok: true, record: candidate };
    const message = `Expected the ${path} to be an object, found ${describe(candidate)}.`;
    this.problems.add(notObject, message, path);
    return { ok: false, message };
  }

  /** Text for display: strings cut to the limit, numbers and booleans as written; otherwise null. */
  text(value: unknown, path: string, maxChars = this.limits.maxStringChars): string | null {
    if (typeof value === 'string') return this.cut(value, maxChars, path).trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'boolean') return String(value);
    return null;
  }

  cut(value: string, maxChars: number, path: string): string {
    if (value.length <= maxChars) return value;
    this.problems.add('value-truncated', `A value longer than ${maxChars} characters was shortened.`, cutText(path, 200));
    return `${cutText(value, maxChars)}…`;
  }
}

/** What a value is, for a problem's message (never the value itself). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}
