import type * as Flex from '@twilio/flex-ui';
import { CustomizationProvider } from '@twilio-paste/core/customization';

/** Lets Flex wrap the desktop in Paste's provider with Flex's own (light or dark) theme. */
export function registerPasteProvider(flex: typeof Flex): void {
  flex.setProviders({ PasteThemeProvider: CustomizationProvider });
}
