import type * as Flex from '@twilio/flex-ui';

import { enUS } from '../strings';

/** Adds our strings to `manager.strings`, keeping any an admin or another plugin already set. */
export function registerStrings(manager: Flex.Manager): void {
  manager.strings = { ...enUS, ...manager.strings } as typeof manager.strings;
}
