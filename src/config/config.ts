/**
 * Admin configuration, read once at init from Flex's `ui_attributes` (`custom_data.polyai_context`;
 * locally `public/appConfig.js`). `unknown` in, a validated config out: a bad value falls back to its
 * default and is reported, never a crash.
 */
import { compileMaskPatterns, DEFAULT_MASK_PATTERNS, type LabelMap } from '@polyai-context/model';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../strings/languages';

export interface ConfidenceThresholds {
  /** At or above: a green badge. */
  high: number;
  /** At or above (and below `high`): an amber badge; below: red. */
  medium: number;
}

export interface PolyaiContextConfig {
  /** Turn the whole plugin off without undeploying it. */
  enabled: boolean;
  /** Show the tab on every task, with an empty state where there is no PolyAI data. */
  alwaysShow: boolean;
  /** Position among the task canvas tabs (Flex's own tabs use 0 to 100). */
  tabSortOrder: number;
  /** Select the PolyAI tab when the agent accepts a task that carries PolyAI data. */
  autoSelectTab: boolean;
  /** Captured field paths (or top-level keys) listed first, in this order; the rest follow as sent. */
  fieldOrder: string[];
  /** Labels for captured fields by path or key, e.g. `{ "slots.charge_amount": "Amount" }`. */
  fieldLabels: Record<string, string>;
  /**
   * Labels for PolyAI's keys and code values (intents, reasons, destinations, field names) by the tab's
   * language, e.g. `{ "es-ES": { "dispute_charge": "Disputar un cargo" } }`; otherwise the humanised key.
   */
  labels: Partial<Record<SupportedLanguage, LabelMap>>;
  /** Captured field paths (or keys, hiding everything under them) never shown. */
  hiddenFields: string[];
  /**
   * Sensitive keys, shown masked until the agent reveals them: compiled here, once, from the admin's regex
   * sources (case-insensitive); the views and the model's masking use these.
   */
  maskPatterns: RegExp[];
  confidenceThresholds: ConfidenceThresholds;
  /** Base URL of the Twilio Functions service (for the transcript); null = transcript not configured. */
  functionsBaseUrl: string | null;
  /** Language of the tab; null = follow Flex (its configured language, then the browser's). */
  language: SupportedLanguage | null;
  /** ISO 4217 code amounts are shown in when PolyAI's data names no currency; null = amounts as plain numbers. */
  currency: string | null;
}

export const DEFAULT_CONFIG: Readonly<PolyaiContextConfig> = Object.freeze({
  enabled: true,
  alwaysShow: false,
  tabSortOrder: 10,
  autoSelectTab: false,
  fieldOrder: [],
  fieldLabels: {},
  labels: {},
  hiddenFields: [],
  maskPatterns: compileMaskPatterns(DEFAULT_MASK_PATTERNS),
  confidenceThresholds: { high: 0.8, medium: 0.5 },
  functionsBaseUrl: null,
  language: null,
  currency: null,
});

/** Where the config lives inside Flex's configuration. */
export const CONFIG_KEY = 'polyai_context';

export interface ConfigResult {
  config: PolyaiContextConfig;
  warnings: string[];
}

type Reader<T> = (value: unknown) => T | undefined;

const MAX_LIST = 500;

const booleanValue: Reader<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);
const finiteNumber: Reader<number> = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Non-empty text, without the spaces an admin may type around it (field paths and keys never hold them). */
const isFilled = (item: unknown): item is string => typeof item === 'string' && item.trim() !== '';

const stringList: Reader<string[]> = (value) =>
  Array.isArray(value) && value.length <= MAX_LIST && value.every(isFilled) ? value.map((item: string) => item.trim()) : undefined;

const stringMap: Reader<Record<string, string>> = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_LIST || !entries.every(([path, label]) => isFilled(path) && isFilled(label))) return undefined;
  // Null prototype: a `__proto__` path is a label like any other.
  return Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(entries.map(([path, label]) => [path.trim(), (label as string).trim()])));
};

/** A supported language as admins type its tag: `es-ES`, `es-es`, ` ES_ES `; undefined for any other. */
function supportedTag(value: string): SupportedLanguage | undefined {
  const tag = value.trim().replace('_', '-').toLowerCase();
  return SUPPORTED_LANGUAGES.find((supported) => supported.toLowerCase() === tag);
}

/**
 * One label map per supported language, its tag read as `language` reads it (`FR-fr`, ` fr_FR `). A language the
 * tab does not speak, or one named twice, is a mistake worth a warning.
 */
const labelsByLanguage: Reader<Partial<Record<SupportedLanguage, LabelMap>>> = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const read: Partial<Record<SupportedLanguage, LabelMap>> = {};
  for (const [tag, map] of Object.entries(value as Record<string, unknown>)) {
    const language = supportedTag(tag);
    const labels = stringMap(map);
    if (language === undefined || labels === undefined || read[language] !== undefined) return undefined;
    read[language] = labels;
  }
  return read;
};

/** Every source must compile: one bad pattern keeps the defaults (and warns) rather than masking less. */
const patternList: Reader<RegExp[]> = (value) => {
  const list = stringList(value);
  const compiled = list && compileMaskPatterns(list);
  return compiled && compiled.length === list.length ? compiled : undefined;
};

const thresholds: Reader<ConfidenceThresholds> = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { high, medium } = value as Record<string, unknown>;
  const inRange = (n: unknown): n is number => typeof n === 'number' && n >= 0 && n <= 1;
  return inRange(high) && inRange(medium) && medium <= high ? { high, medium } : undefined;
};

/** https only, except on this machine (the offline preview and `flex:plugins:start`). */
const functionsUrl: Reader<string | null> = (value) => {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) return undefined;
    if (url.search || url.hash || url.username || url.password) return undefined;
    return url.href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
};

/** A language tag as admins type it: `es-ES`, `es-es`, ` ES_ES `; `auto` (any case) or empty follows Flex. */
const language: Reader<SupportedLanguage | null> = (value) => {
  if (value === null) return null;
  if (typeof value !== 'string') return undefined;
  const tag = value.trim().toLowerCase();
  if (tag === '' || tag === 'auto') return null;
  return supportedTag(tag);
};

const currency: Reader<string | null> = (value) => {
  if (value === null || value === '') return null;
  return typeof value === 'string' && /^[A-Za-z]{3}$/.test(value.trim()) ? value.trim().toUpperCase() : undefined;
};

const FIELDS: { [K in keyof PolyaiContextConfig]: { key: string; read: Reader<PolyaiContextConfig[K]>; expected: string } } = {
  enabled: { key: 'enabled', read: booleanValue, expected: 'true or false' },
  alwaysShow: { key: 'always_show', read: booleanValue, expected: 'true or false' },
  tabSortOrder: { key: 'tab_sort_order', read: finiteNumber, expected: 'a number' },
  autoSelectTab: { key: 'auto_select_tab', read: booleanValue, expected: 'true or false' },
  fieldOrder: { key: 'field_order', read: stringList, expected: 'a list of field paths' },
  fieldLabels: { key: 'field_labels', read: stringMap, expected: 'an object of field path to label' },
  labels: { key: 'labels', read: labelsByLanguage, expected: `an object of language (${SUPPORTED_LANGUAGES.join(', ')}, each once, in any letter case) to an object of PolyAI key or value to label` },
  hiddenFields: { key: 'hidden_fields', read: stringList, expected: 'a list of field paths' },
  maskPatterns: { key: 'mask_patterns', read: patternList, expected: 'a list of valid regular expressions' },
  confidenceThresholds: { key: 'confidence_thresholds', read: thresholds, expected: '{ "high": 0..1, "medium": 0..high }' },
  functionsBaseUrl: { key: 'functions_base_url', read: functionsUrl, expected: 'an https URL without query' },
  language: { key: 'language', read: language, expected: `one of ${SUPPORTED_LANGUAGES.join(', ')} or "auto"` },
  currency: { key: 'currency', read: currency, expected: 'a three-letter ISO 4217 currency code such as "GBP"' },
};

function describeDefault(value: unknown): string {
  // Compiled mask patterns are named by their sources, as the admin wrote them.
  return typeof value === 'object' && value !== null ? JSON.stringify(value, (_key, item: unknown) => (item instanceof RegExp ? item.source : item)) : String(value);
}

export function parseConfig(raw: unknown): ConfigResult {
  try {
    return readConfig(raw);
  } catch {
    // A config whose own keys cannot even be listed (a hostile proxy): nothing in it can be used.
    return { config: structuredDefaults(), warnings: [`${CONFIG_KEY} could not be read; using defaults.`] };
  }
}

function readConfig(raw: unknown): ConfigResult {
  const warnings: string[] = [];
  const config: PolyaiContextConfig = structuredDefaults();
  if (raw === undefined || raw === null) return { config, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warnings.push(`${CONFIG_KEY} must be an object; using defaults.`);
    return { config, warnings };
  }
  const record = raw as Record<string, unknown>;
  const assign = <K extends keyof PolyaiContextConfig>(name: K) => {
    const { key, read, expected } = FIELDS[name];
    if (!Object.prototype.hasOwnProperty.call(record, key)) return;
    let value: PolyaiContextConfig[K] | undefined;
    try {
      value = read(record[key]);
    } catch {
      value = undefined; // a throwing getter or proxy in a hand-edited config
    }
    if (value === undefined) warnings.push(`${CONFIG_KEY}.${key} must be ${expected}; using ${describeDefault(DEFAULT_CONFIG[name])}.`);
    else config[name] = value;
  };
  (Object.keys(FIELDS) as Array<keyof PolyaiContextConfig>).forEach(assign);
  const known = new Set(Object.values(FIELDS).map((field) => field.key));
  const unknownKeys = Object.keys(record).filter((key) => !known.has(key));
  if (unknownKeys.length > 0) warnings.push(`${CONFIG_KEY} has unknown keys: ${unknownKeys.join(', ')}.`);
  return { config, warnings };
}

/** A fresh copy of the defaults: nothing in a parsed config is shared with another. */
function structuredDefaults(): PolyaiContextConfig {
  return {
    ...DEFAULT_CONFIG,
    fieldOrder: [],
    fieldLabels: {},
    labels: {},
    hiddenFields: [],
    maskPatterns: [...DEFAULT_CONFIG.maskPatterns],
    confidenceThresholds: { ...DEFAULT_CONFIG.confidenceThresholds },
  };
}

/** The raw config object from a Flex manager's configuration (`custom_data` merges `ui_attributes`). */
export function rawConfigFrom(managerConfiguration: unknown): unknown {
  if (typeof managerConfiguration !== 'object' || managerConfiguration === null) return undefined;
  const customData = (managerConfiguration as { custom_data?: unknown }).custom_data;
  if (typeof customData !== 'object' || customData === null) return undefined;
  return (customData as Record<string, unknown>)[CONFIG_KEY];
}
