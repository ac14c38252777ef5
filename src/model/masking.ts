/**
 * Masking of sensitive captured values by key. Pure: patterns are regex sources (from the admin config)
 * tested against each key of a value's path, lower-cased with its words joined by `_`
 * (`accountNumber` → `account_number`), so `(^|_)pin($|_)` matches `pin` and `card_pin` but not `shipping`.
 */

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

/** `accountNumber`, `Account-Number`, `account number` → `account_number`. */
export function normaliseKey(key: string): string {
  return key
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
  return segments.some((segment) => typeof segment === 'string' && patterns.some((pattern) => pattern.test(normaliseKey(segment))));
}
