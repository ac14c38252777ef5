import * as Flex from '@twilio/flex-ui';
import { FlexPlugin } from '@twilio/flex-plugin';

import { parseConfig, rawConfigFrom } from './config';
import { registerAutoSelectTab } from './flex/hooks/autoSelectTab';
import { registerContextTab } from './flex/hooks/contextTab';
import { registerStrings } from './flex/hooks/strings';
import { registerSupervisorContextTab } from './flex/hooks/supervisorContextTab';
import { registerTaskBadge } from './flex/hooks/taskBadge';
import { resolveFormatLocale, resolveLanguage } from './strings';

export const PLUGIN_NAME = 'PolyaiContextPlugin';

/** Applies each Flex hook; nothing else happens at init. */
export function initPolyaiContext(flex: typeof Flex, manager: Flex.Manager): void {
  const { config, warnings } = parseConfig(rawConfigFrom(manager.configuration));
  // One warning for the admin who mistyped a setting, none in a correct set-up.
  if (warnings.length > 0) console.warn(`[${PLUGIN_NAME}] ${warnings.join(' ')}`);
  if (!config.enabled) return;
  const flexLanguage = (manager.configuration as { language?: unknown } | undefined)?.language;
  const language = resolveLanguage(config.language, flexLanguage, browserLanguages());
  // Strings in one of our four languages; dates and numbers in the agent's own variant of it (en-GB).
  const locale = resolveFormatLocale(language, [flexLanguage, ...browserLanguages()]);
  registerStrings(manager, language);
  registerContextTab(flex, manager, config, language, locale);
  registerSupervisorContextTab(flex, manager, config, language, locale);
  registerTaskBadge(flex, manager);
  if (config.autoSelectTab) registerAutoSelectTab(flex, manager);
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export default class PolyaiContextPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  async init(flex: typeof Flex, manager: Flex.Manager): Promise<void> {
    initPolyaiContext(flex, manager);
  }
}
