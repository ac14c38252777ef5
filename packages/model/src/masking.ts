/**
 * Masking of sensitive captured values by key. Pure: patterns are regex sources (from the admin config)
 * tested against each key of a value's path, lower-cased with its words joined by `_`
 * (`accountNumber` → `account_number`), so `(^|_)pin($|_)` matches `pin` and `card_pin` but not `shipping`.
 */

import { cleanKey } from './labels';
import { POLYAI_KEYS } from './polyaiKeys';
import type { HandoffCustomer } from './types';

/** Default key patterns: account numbers, card data, dates of birth, national ids, bank ids, secrets. */
export const DEFAULT_MASK_PATTERNS: readonly string[] = Object.freeze([
  '(^|_)(account|acct)_?(number|no|num)($|_)',
  '(^|_)(card|pan|cvv|cvc|cvv2|expiry|exp_date)($|_)',
  '(^|_)(dob|date_of_birth|birth_date|birthday)($|_)',
  '(^|_)(ssn|social_security|national_insurance|nino|tax_id)($|_)',
  '(^|_)(iban|sort_code|routing_number|bic|swift)($|_)',
  '(^|_)(password|passcode|passphrase|pin|otp|secret|security_answer)($|_)',
]);

/** Shown instead of a masked value: a fixed length, so the mask says nothing about the value. */
export const MASK = '••••••••';

/** Compiles admin patterns case-insensitively; returns null for a pattern that is not a valid regex. */
export function compileMaskPattern(source: string): RegExp | null {
  try {
    return new RegExp(source, 'i');
  } catch {
    return null;
  }
}

export function compileMaskPatterns(sources: readonly string[]): RegExp[] {
  return sources.map(compileMaskPattern).filter((pattern): pattern is RegExp => pattern !== null);
}

/**
 * Latin look-alikes from Cyrillic and Greek (Unicode's confusables for the letters key patterns use): a key
 * written `аccount_number` with a Cyrillic `а` must still be masked as `account_number`.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', з: '3', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't',
  у: 'y', х: 'x', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ь: 'b',
  А: 'A', В: 'B', Е: 'E', З: '3', І: 'I', Ј: 'J', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', Ѕ: 'S',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

/**
 * `accountNumber`, `Account-Number`, `account number` → `account_number`; read through `cleanKey` (NFKC,
 * format characters removed) and with look-alike letters replaced by the Latin ones they imitate.
 */
export function normaliseKey(key: string): string {
  return cleanKey(key)
    .replace(LOOK_ALIKE, (char) => LOOK_ALIKES[char])
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .join('_')
    .toLowerCase();
}

/**
 * A value named as the last four digits (`last_four`, `card_last4`, `lastFourDigits`) is shown as it is:
 * four digits identify nothing on their own, and agents read them back to the caller to confirm a card.
 */
const LAST_FOUR_KEY = /(^|_)last_?(4|four)($|_)/;

/**
 * True when a value is already masked at its source (`****6789`, `•••• 1234`, `XXXX-XXXX-1234`):
 * there is nothing behind it to reveal.
 */
export function isPreMasked(value: unknown): boolean {
  return typeof value === 'string' && /[*•●#]{3,}|[Xx]{4,}/.test(value);
}

/** True when any key of the path matches a pattern: a `card` object masks every value inside it. */
export function isSensitivePath(segments: ReadonlyArray<string | number>, patterns: readonly RegExp[]): boolean {
  if (patterns.length === 0) return false;
  const leaf = segments[segments.length - 1];
  if (typeof leaf === 'string' && LAST_FOUR_KEY.test(normaliseKey(leaf))) return false;
  // Each key normalised once, not once per pattern: a task's 500 captured fields meet about 40 patterns each.
  return segments.some((segment) => {
    if (typeof segment !== 'string') return false;
    const key = normaliseKey(segment);
    return patterns.some((pattern) => pattern.test(key));
  });
}

/** True when a value is shown masked: its path is sensitive and it is not already masked at its source. */
export function isSensitiveValue(segments: ReadonlyArray<string | number>, value: unknown, patterns: readonly RegExp[]): boolean {
  return isSensitivePath(segments, patterns) && !isPreMasked(value);
}

/** The key the caller's account number is read from (polyaiKeys), as a path for the mask patterns. */
export const ACCOUNT_NUMBER_PATH: readonly string[] = Object.freeze([POLYAI_KEYS.accountNumber.aliases[0]]);

/** True when the caller section shows the account number masked. */
export function isAccountNumberSensitive(customer: HandoffCustomer, patterns: readonly RegExp[]): boolean {
  return isSensitiveValue(ACCOUNT_NUMBER_PATH, customer.accountNumber, patterns);
}
