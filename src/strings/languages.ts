/**
 * The languages the tab ships, and how one is chosen: the admin's override, else Flex's configured
 * language, else the browser's; a regional variant falls back to its language (`es-MX` → `es-ES`).
 */
import { deDE } from './de-DE';
import { enUS, type Strings } from './en-US';
import { esES } from './es-ES';
import { frFR } from './fr-FR';

export const SUPPORTED_LANGUAGES = ['en-US', 'es-ES', 'fr-FR', 'de-DE'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export const STRING_TABLES: Readonly<Record<SupportedLanguage, Strings>> = {
  'en-US': enUS,
  'es-ES': esES,
  'fr-FR': frFR,
  'de-DE': deDE,
};

/** The supported language for a BCP 47 tag, by exact match then by primary subtag; null if none. */
export function matchLanguage(tag: unknown): SupportedLanguage | null {
  if (typeof tag !== 'string' || tag === '') return null;
  const lower = tag.replace('_', '-').toLowerCase();
  const exact = SUPPORTED_LANGUAGES.find((language) => language.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split('-')[0];
  return SUPPORTED_LANGUAGES.find((language) => language.toLowerCase().startsWith(`${primary}-`)) ?? null;
}

export function resolveLanguage(override: SupportedLanguage | null, flexLanguage: unknown, browserLanguages: readonly unknown[] = []): SupportedLanguage {
  if (override) return override;
  for (const candidate of [flexLanguage, ...browserLanguages]) {
    const match = matchLanguage(candidate);
    if (match) return match;
  }
  return 'en-US';
}

/**
 * The locale for dates, times and numbers: the first of the agent's own tags (Flex's, then the browser's)
 * in the tab's language, so an en-GB browser gets day/month dates under the en-US strings; else the
 * language itself.
 */
export function resolveFormatLocale(language: SupportedLanguage, candidates: readonly unknown[]): string {
  const primary = language.split('-')[0];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || candidate === '') continue;
    const tag = candidate.replace('_', '-');
    if (tag.split('-')[0].toLowerCase() !== primary) continue;
    try {
      return Intl.getCanonicalLocales(tag)[0];
    } catch {
      // not a valid BCP 47 tag: try the next one
    }
  }
  return language;
}
