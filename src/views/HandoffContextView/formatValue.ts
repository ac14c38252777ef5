import type { CapturedField } from '@polyai-context/model';
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

/** A captured value as the text an agent reads. Always text: nothing here is ever parsed as markup. */
export function formatValue(field: CapturedField, t: Translate, locale = 'en-US'): string {
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
    case 'string':
      return localized(field.value as string | number, locale);
    default:
      return String(field.value);
  }
}
