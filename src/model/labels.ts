/** Human labels derived from PolyAI's snake_case / camelCase keys: `customer_id` → "Customer ID". */

// Abbreviations agents read as capitals.
const ACRONYMS = new Set([
  'id', 'sid', 'url', 'uri', 'asr', 'tts', 'dob', 'api', 'ivr', 'sms', 'otp', 'pin', 'vip', 'uk', 'us', 'eu',
  'iban', 'bic', 'ssn', 'nhs', 'vat', 'sku', 'ip', 'crm', 'cvv', 'faq', 'ai',
]);

const WORD_BOUNDARY = /[_\-\s.]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;

export function humanizeKey(key: string): string {
  const words = key.split(WORD_BOUNDARY).filter((word) => word.length > 0);
  if (words.length === 0) return key;
  return words
    .map((word) => {
      const lower = word.toLowerCase();
      if (ACRONYMS.has(lower)) return lower.toUpperCase();
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}

export const PATH_SEPARATOR = ' › ';

/** Label for a nested path: `['slots', 'charge_amount']` → "Slots › Charge Amount"; indexes count from 1. */
export function labelForPath(segments: ReadonlyArray<string | number>): string {
  return segments
    .map((segment) => (typeof segment === 'number' ? `#${segment + 1}` : humanizeKey(segment)))
    .join(PATH_SEPARATOR);
}

// A key written bare in a path: non-empty, none of the characters the path syntax itself uses.
const BARE_KEY = /^[^.[\]"]+$/;

/**
 * Machine path for a nested value: `['items', 0, 'sku']` → `items[0].sku`. Keys that would read
 * ambiguously (empty, or containing `.`, `[`, `]`, `"`) are quoted, `['a.b', '']` → `["a.b"][""]`, so
 * distinct values always get distinct paths: a key `a.b` must not shadow `a` › `b`.
 */
export function pathOf(segments: ReadonlyArray<string | number>): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (!BARE_KEY.test(segment)) path += `[${JSON.stringify(segment)}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

const CODE_LIKE = /^[A-Za-z0-9]+(?:[_\-.][A-Za-z0-9]+)*$/;

/**
 * Readable text for a machine code PolyAI stores as a value (`dob_and_postcode` → "DOB and postcode").
 * Anything that already reads as text is returned unchanged.
 */
export function humanizeCode(value: string): string {
  if (!CODE_LIKE.test(value) || !/[_\-.]/.test(value)) return value;
  const words = value.split(/[_\-.]+/).map((word) => {
    const lower = word.toLowerCase();
    return ACRONYMS.has(lower) ? lower.toUpperCase() : lower;
  });
  const [first, ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}
