/** Human labels derived from PolyAI's snake_case / camelCase keys: `customer_id` → "Customer ID". */

// A key written bare in a path: non-empty, none of the characters the path syntax itself uses.
const BARE_KEY = /^[^.[\]"]+$/;

// Abbreviations agents read as capitals.
const ACRONYMS = new Set([
  'id', 'sid', 'url', 'uri', 'asr', 'tts', 'dob', 'api', 'ivr', 'sms', 'otp', 'pin', 'vip', 'uk', 'us', 'eu',
  'iban', 'bic', 'ssn', 'nhs', 'vat', 'sku', 'ip', 'crm', 'cvv', 'faq', 'ai',
]);

const WORD_BOUNDARY = /[_\-\s.]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;

// Keys repeat within a payload (every list item has the same keys) and across tasks: what a key turns
// into, label and path step, is worked out once. Bounded: a stream of unique keys cannot grow it.
const KEY_CACHE_SIZE = 2000;
const keyCache = new Map<string, KeyForms>();

/** What a key becomes in a label and in a path (see labelForPath and pathOf). */
export interface KeyForms {
  label: string;
  /** The key as the first step of a path (`a`, or `["a.b"]` quoted). */
  firstStep: string;
  /** The key as a later step (`.a`, or `["a.b"]`). */
  step: string;
}

export function keyForms(key: string): KeyForms {
  let forms = keyCache.get(key);
  if (forms === undefined) {
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    const quoted = BARE_KEY.test(key) ? null : `[${JSON.stringify(key)}]`;
    forms = { label: humanizeWords(key), firstStep: quoted ?? key, step: quoted ?? `.${key}` };
    keyCache.set(key, forms);
  }
  return forms;
}

/**
 * A key as the model reads it: Unicode NFKC (fullwidth and compatibility forms become plain letters) with
 * format characters (zero-width spaces and joiners, bidi marks) removed, so a key cannot hide as another.
 */
export function cleanKey(key: string): string {
  return key.normalize('NFKC').replace(/\p{Cf}/gu, '');
}

export function humanizeKey(key: string): string {
  return keyForms(key).label;
}

function humanizeWords(key: string): string {
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

/**
 * An admin's labels for PolyAI's own words in one language, keys (`charge_amount`) and code values (intents,
 * reasons, destinations: `dispute_charge`) alike: `{"dispute_charge": "Disputar un cargo"}`.
 */
export type LabelMap = Readonly<Record<string, string>>;

export const NO_LABELS: LabelMap = Object.freeze(Object.create(null) as Record<string, string>);

/** The admin's label for `word`; own keys only, so `constructor` never reaches the prototype. */
function adminLabel(labels: LabelMap, word: string): string | undefined {
  if (labels === NO_LABELS) return undefined;
  const label: unknown = Object.prototype.hasOwnProperty.call(labels, word) ? labels[word] : undefined;
  return typeof label === 'string' && label !== '' ? label : undefined;
}

/** A PolyAI key (a field name) for people: the admin's label, else humanised ("Charge Amount"). */
export function labelForKey(key: string, labels: LabelMap = NO_LABELS): string {
  return adminLabel(labels, key) ?? keyForms(key).label;
}

/** A PolyAI code value (intent, reason, destination, method, tag) for people: the admin's label, else humanised. */
export function labelForCode(code: string, labels: LabelMap = NO_LABELS): string {
  return adminLabel(labels, code) ?? humanizeCode(code);
}

/** Label for a nested path: `['slots', 'charge_amount']` → "Slots › Charge Amount"; indexes count from 1. */
export function labelForPath(segments: ReadonlyArray<string | number>, labels: LabelMap = NO_LABELS): string {
  return segments.map((segment) => (typeof segment === 'number' ? indexLabel(segment) : labelForKey(segment, labels))).join(PATH_SEPARATOR);
}

/** An array index as a label step: people count from 1. */
export function indexLabel(index: number): string {
  return `#${index + 1}`;
}

/**
 * Machine path for a nested value: `['items', 0, 'sku']` → `items[0].sku`. Keys that would read
 * ambiguously (empty, or containing `.`, `[`, `]`, `"`) are quoted, `['a.b', '']` → `["a.b"][""]`, so
 * distinct values always get distinct paths: a key `a.b` must not shadow `a` › `b`.
 */
export function pathOf(segments: ReadonlyArray<string | number>): string {
  let path = '';
  for (const segment of segments) path = typeof segment === 'number' ? path + indexStep(segment) : childPath(path, segment);
  return path;
}

/** The path of `key` under the object at `parentPath` ('' for the top). */
export function childPath(parentPath: string, key: string): string {
  const forms = keyForms(key);
  return parentPath === '' ? forms.firstStep : parentPath + forms.step;
}

/** An array index as a path step. */
export function indexStep(index: number): string {
  return `[${index}]`;
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
