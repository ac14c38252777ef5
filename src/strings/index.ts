import { createContext, useCallback, useContext, useMemo } from 'react';

import { enUS, type StringKey, type Strings } from './en-US';
import { labelForCode, labelForKey, NO_LABELS, type LabelMap } from '@polyai-context/model';

export { enUS, type StringKey, type Strings };
export { matchLanguage, resolveFormatLocale, resolveLanguage, STRING_TABLES, SUPPORTED_LANGUAGES, type SupportedLanguage } from './languages';

/** Fills `{{name}}` placeholders, as Flex's `Template` does for `manager.strings`. */
export function formatString(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match,
  );
}

/** The strings views read; the Flex-bound container supplies `manager.strings`. */
export const StringsContext = createContext<Strings>(enUS);

/**
 * The full locale views format dates, times and numbers with (`Intl`): the agent's own regional variant
 * of the tab's language (`en-GB` dates under en-US strings), see `resolveFormatLocale`.
 */
export const LocaleContext = createContext<string>('en-US');

export function useLocale(): string {
  return useContext(LocaleContext);
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/** The currency amounts are shown in: PolyAI's data's, else the admin's (config `currency`); null for none. */
export const CurrencyContext = createContext<string | null>(null);

export function useCurrency(): string | null {
  return useContext(CurrencyContext);
}

/** The admin's labels for PolyAI's keys and values in the tab's language (config `labels`). */
export const LabelsContext = createContext<LabelMap>(NO_LABELS);

/** PolyAI's words for people: a code value (intent, reason…) or a key (field name), the admin's label first. */
export interface Label {
  code: (code: string) => string;
  key: (key: string) => string;
  /** The map itself, for the model's functions that label whole paths. */
  labels: LabelMap;
}

export function labelsOf(labels: LabelMap): Label {
  return { code: (code) => labelForCode(code, labels), key: (key) => labelForKey(key, labels), labels };
}

const HUMANISED = labelsOf(NO_LABELS);

export function useLabel(): Label {
  const labels = useContext(LabelsContext);
  return useMemo(() => (labels === NO_LABELS ? HUMANISED : labelsOf(labels)), [labels]);
}

/** The same function while the strings are the same, so memoised views that take it do not render again. */
export function useStrings(): Translate {
  const strings = useContext(StringsContext);
  return useCallback<Translate>((key, values) => formatString(strings[key] ?? enUS[key], values), [strings]);
}

/** Our strings from a Flex `manager.strings` object, falling back to en-US for any missing key. */
export function pickStrings(managerStrings: unknown): Strings {
  const source = (typeof managerStrings === 'object' && managerStrings !== null ? managerStrings : {}) as Record<string, unknown>;
  const picked = { ...enUS } as Strings;
  for (const key of Object.keys(enUS) as StringKey[]) {
    const value = source[key];
    if (typeof value === 'string') picked[key] = value;
  }
  return picked;
}

/** Keys that come as `_one` / `_other` pairs, chosen by `Intl.PluralRules`. */
type PluralBase = {
  [K in StringKey]: K extends `${infer Base}_one` ? (`${Base}_other` extends StringKey ? Base : never) : never;
}[StringKey];

/** The `_one` or `_other` key for `count` in `locale` (languages with more forms use `_other` past one). */
export function pluralKey(base: PluralBase, count: number, locale: string): StringKey {
  let form: Intl.LDMLPluralRule = 'other';
  try {
    form = new Intl.PluralRules(locale).select(count);
  } catch {
    form = count === 1 ? 'one' : 'other';
  }
  return (form === 'one' ? `${base}_one` : `${base}_other`) as StringKey;
}

/** Translate with a count: `plural('PolyaiContextPartialBody', 2)` → "… 2 problems found:". */
export function usePlural(): (base: PluralBase, count: number, values?: Record<string, string | number>) => string {
  const t = useStrings();
  const locale = useLocale();
  return (base, count, values = {}) => t(pluralKey(base, count, locale), { count: formatNumber(count, locale), ...values });
}

/** A count in the agent's locale ("1,000" / "1.000"). */
export function formatNumber(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(value);
  } catch {
    return String(value);
  }
}
