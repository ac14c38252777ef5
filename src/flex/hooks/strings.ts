import type * as Flex from '@twilio/flex-ui';

import { STRING_TABLES, type Strings, type SupportedLanguage } from '../../strings';

// What we last registered per manager: a key still holding our value is ours to replace when the
// language changes; any other value is an admin's (or another plugin's) override and is kept.
const registered = new WeakMap<object, Strings>();

/** Adds our strings in `language` to `manager.strings`, keeping any an admin or another plugin set. */
export function registerStrings(manager: Flex.Manager, language: SupportedLanguage): void {
  const current = { ...(manager.strings as unknown as Record<string, string>) };
  const previous = registered.get(manager);
  if (previous) {
    for (const [key, value] of Object.entries(previous)) if (current[key] === value) delete current[key];
  }
  const table = STRING_TABLES[language];
  registered.set(manager, table);
  manager.strings = { ...table, ...current } as unknown as typeof manager.strings;
}
