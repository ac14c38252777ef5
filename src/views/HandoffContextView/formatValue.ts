import { normaliseKey, type CapturedField } from '@polyai-context/model';
import type { Translate } from '../../strings';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DECIMAL = /^-?\d+\.\d+$/;

/**
 * Whether `value` starts with a real calendar day. `Date.parse` rolls "2024-02-30" over to 1 March; a day
 * that does not exist is shown as written, never as another date.
 */
function isCalendarDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Intl formatters by locale and options, made once: making one costs far more than formatting with it, and a
 * handoff can carry hundreds of dates and amounts.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<Format extends Intl.NumberFormat | Intl.DateTimeFormat>(make: new (locale: string, options: object) => Format, locale: string, options: object): Format {
  const key = `${make.name}|${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key) as Format | undefined;
  if (!found) {
    found = new make(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** A key whose value is an amount of money (`charge_amount`, `total`, `refund`): shown with the currency. */
const MONEY_KEY = /(^|_)(amount|price|total|balance|cost|fee|refund|payment|charge|sum)s?$/;
/** ISO 4217 code, as the data or the admin gives it. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;
const MONEY = /^-?\d+(\.\d+)?$/;

/** An amount in the currency, in the agent's locale ("£42.50", "42,50 £"); null when it is not one. */
function money(value: string | number, currency: string, locale: string): string | null {
  const text = String(value);
  if (!MONEY.test(text)) return null;
  const digits = text.includes('.') ? Math.min(text.split('.')[1].length, 10) : 0;
  return formatter(Intl.NumberFormat, locale, { style: 'currency', currency, minimumFractionDigits: Math.max(digits, 2), maximumFractionDigits: Math.max(digits, 2) }).format(Number(text));
}

/** Dates and decimals in the agent's locale; integers stay as written (they are usually ids). */
function localized(value: string | number, locale: string): string {
  try {
    if (typeof value === 'number') {
      return Number.isInteger(value) ? String(value) : formatter(Intl.NumberFormat, locale, { maximumFractionDigits: 10 }).format(value);
    }
    if (DECIMAL.test(value)) {
      const digits = Math.min(value.split('.')[1].length, 10);
      return formatter(Intl.NumberFormat, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(value));
    }
    // A date-only value is a calendar day: format it in UTC so no time zone moves it to the day before.
    if (ISO_DATE.test(value) && isCalendarDay(value) && !Number.isNaN(Date.parse(value))) {
      return formatter(Intl.DateTimeFormat, locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value));
    }
    if (ISO_DATE_TIME.test(value) && isCalendarDay(value) && !Number.isNaN(Date.parse(value))) {
      return formatter(Intl.DateTimeFormat, locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
    }
  } catch {
    // An unknown locale tag: show the value as written.
  }
  return String(value);
}

/** A moment as the agent's clock shows it ("9:14:27 AM" in en-US): the same format wherever the tab shows a time. */
export function formatClockTime(time: number, locale: string): string {
  try {
    return formatter(Intl.DateTimeFormat, locale, { timeStyle: 'medium' }).format(time);
  } catch {
    return formatter(Intl.DateTimeFormat, 'en-US', { timeStyle: 'medium' }).format(time);
  }
}

/**
 * One value of PolyAI's as the agent reads it, wherever it appears (fields, badges, Copy all): dates in the
 * agent's locale, decimals too, and an amount under a money key (`charge_amount`) with the currency when one is
 * known. Integers and anything else stay as written.
 */
export function formatText(value: string | number, key: string | null, locale: string, currency: string | null = null): string {
  if (currency !== null && key !== null && MONEY_KEY.test(normaliseKey(key))) {
    try {
      const amount = money(value, currency, locale);
      if (amount !== null) return amount;
    } catch {
      // An unknown locale or currency: the value as the other rules show it.
    }
  }
  return localized(value, locale);
}

/** The currency PolyAI captured with the call (`currency`, `currency_code`: an ISO 4217 code); null when none. */
export function currencyIn(fields: readonly CapturedField[]): string | null {
  for (const field of fields) {
    const leaf = field.segments[field.segments.length - 1];
    if (typeof leaf !== 'string' || typeof field.value !== 'string') continue;
    const key = normaliseKey(leaf);
    if ((key === 'currency' || key === 'currency_code') && CURRENCY_CODE.test(field.value.trim().toUpperCase())) return field.value.trim().toUpperCase();
  }
  return null;
}

/** A captured value as the text an agent reads. Always text: nothing here is ever parsed as markup. */
export function formatValue(field: CapturedField, t: Translate, locale = 'en-US', currency: string | null = null): string {
  switch (field.kind) {
    case 'boolean':
      return field.value ? t('PolyaiContextValueYes') : t('PolyaiContextValueNo');
    case 'null':
      return t('PolyaiContextValueNone');
    case 'empty-object':
    case 'empty-array':
      return t('PolyaiContextValueEmpty');
    case 'truncated':
      return t('PolyaiContextValueTooDeep');
    case 'number':
    case 'string': {
      const leaf = field.segments[field.segments.length - 1];
      return formatText(field.value as string | number, typeof leaf === 'string' ? leaf : null, locale, currency);
    }
    default:
      return String(field.value);
  }
}
