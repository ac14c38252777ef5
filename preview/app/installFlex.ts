/**
 * Flex loads plugins from `window.Twilio.Flex`: `@twilio/flex-plugin`'s `loadPlugin` calls
 * `Twilio.Flex.Plugins.init`. Imported before the plugin entry so the global exists when it runs.
 */
import * as Flex from '../flex';

// Flex's own typings declare `window.Twilio` with the real module's type, hence the cast.
(window as unknown as { Twilio: { Flex: typeof Flex } }).Twilio = { Flex };
