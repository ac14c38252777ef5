import * as Flex from '@twilio/flex-ui';
import { FlexPlugin } from '@twilio/flex-plugin';

import { parseConfig, rawConfigFrom } from './config';
import { registerContextTab } from './flex-hooks/contextTab';
import { registerPasteProvider } from './flex-hooks/pasteProvider';
import { registerStrings } from './flex-hooks/strings';

export const PLUGIN_NAME = 'PolyaiContextPlugin';

/** Applies each Flex hook; nothing else happens at init. */
export function initPolyaiContext(flex: typeof Flex, manager: Flex.Manager): void {
  const { config, warnings } = parseConfig(rawConfigFrom(manager.configuration));
  // One warning for the admin who mistyped a setting, none in a correct set-up.
  if (warnings.length > 0) console.warn(`[${PLUGIN_NAME}] ${warnings.join(' ')}`);
  if (!config.enabled) return;
  registerStrings(manager);
  registerPasteProvider(flex);
  registerContextTab(flex, manager, config);
}

export default class PolyaiContextPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  async init(flex: typeof Flex, manager: Flex.Manager): Promise<void> {
    initPolyaiContext(flex, manager);
  }
}
