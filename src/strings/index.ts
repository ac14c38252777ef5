import { createContext, useContext } from 'react';

import { enUS, type StringKey, type Strings } from './en-US';

export { enUS, type StringKey, type Strings };
export { isSupportedLanguage, matchLanguage, resolveLanguage, STRING_TABLES, SUPPORTED_LANGUAGES, type SupportedLanguage } from './languages';

/** Fills `{{name}}` placeholders, as Flex's `Template` does for `manager.strings`. */
export function formatString(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match,
  );
}

/** The strings views read; the Flex-bound container supplies `manager.strings`. */
export const StringsContext = createContext<Strings>(enUS);

/** The language tag views format dates and numbers with (`Intl`), matching the strings. */
export const LocaleContext = createContext<string>('en-US');

export function useLocale(): string {
  return useContext(LocaleContext);
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

export function useStrings(): Translate {
  const strings = useContext(StringsContext);
  return (key, values) => formatString(strings[key] ?? enUS[key], values);
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
