import type * as Flex from '@twilio/flex-ui';

import { registerStrings } from '../../../src/flex/hooks/strings';
import { enUS, matchLanguage, resolveLanguage, STRING_TABLES, SUPPORTED_LANGUAGES } from '../../../src/strings';

const placeholders = (text: string) => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();

describe('languages', () => {
  it.each(SUPPORTED_LANGUAGES.filter((language) => language !== 'en-US'))('%s translates every en-US string with the same placeholders', (language) => {
    const table = STRING_TABLES[language];
    expect(Object.keys(table).sort()).toEqual(Object.keys(enUS).sort());
    for (const key of Object.keys(enUS) as Array<keyof typeof enUS>) {
      expect(table[key].trim()).not.toBe('');
      expect(placeholders(table[key])).toEqual(placeholders(enUS[key]));
    }
    // Real translations: most strings differ from English (names like "PolyAI" may not).
    const same = (Object.keys(enUS) as Array<keyof typeof enUS>).filter((key) => table[key] === enUS[key]);
    expect(same.length).toBeLessThan(8);
  });

  it('matches tags exactly, then by language', () => {
    expect(matchLanguage('es-ES')).toBe('es-ES');
    expect(matchLanguage('es-MX')).toBe('es-ES');
    expect(matchLanguage('fr_CA')).toBe('fr-FR');
    expect(matchLanguage('DE')).toBe('de-DE');
    expect(matchLanguage('en-GB')).toBe('en-US');
    expect(matchLanguage('ja-JP')).toBeNull();
    expect(matchLanguage(42)).toBeNull();
  });

  it('prefers the admin override, then Flex, then the browser, then en-US', () => {
    expect(resolveLanguage('fr-FR', 'de-DE', ['es-ES'])).toBe('fr-FR');
    expect(resolveLanguage(null, 'de-DE', ['es-ES'])).toBe('de-DE');
    expect(resolveLanguage(null, 'default', ['ja-JP', 'es-AR'])).toBe('es-ES');
    expect(resolveLanguage(null, undefined, [])).toBe('en-US');
  });

  it('registers the chosen language, keeps admin overrides and can switch language', () => {
    const manager = { strings: { TaskHeaderLine: 'Flex own', PolyaiContextSummaryHeading: 'Admin summary' } } as unknown as Flex.Manager;
    registerStrings(manager, 'es-ES');
    const strings = manager.strings as unknown as Record<string, string>;
    expect(strings.PolyaiContextTabLabel).toBe('Contexto de PolyAI');
    expect(strings.PolyaiContextSummaryHeading).toBe('Admin summary');
    expect(strings.TaskHeaderLine).toBe('Flex own');
    registerStrings(manager, 'de-DE');
    const switched = manager.strings as unknown as Record<string, string>;
    expect(switched.PolyaiContextTabLabel).toBe('PolyAI-Kontext');
    expect(switched.PolyaiContextSummaryHeading).toBe('Admin summary');
  });
});
