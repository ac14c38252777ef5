import React from 'react';
import type * as Flex from '@twilio/flex-ui';
import { CustomizationProvider } from '@twilio-paste/core/customization';

/** What Flex's `withTheme` passes: light or dark, and the Paste tokens of Flex's theme. */
interface FlexThemeProp {
  theme?: { isLight?: boolean; tokens?: Record<string, unknown> };
}

/**
 * The plugin bundles its own Paste, whose components need a theme from the plugin's own provider.
 * `setProviders` gives one only under Flex's RootContainer wrapper: a Paste component rendered anywhere
 * else (another root, a fragment Flex renders outside it) has none and crashes. So each piece the plugin
 * hands Flex carries its own provider, with Flex's current (light or dark) theme.
 */
export function withPasteTheme<P extends object>(flex: typeof Flex, Component: React.ComponentType<P>): React.ComponentType<P> {
  function PasteThemed({ theme, ...props }: P & FlexThemeProp): JSX.Element {
    return (
      <CustomizationProvider baseTheme={theme?.isLight === false ? 'dark' : 'default'} theme={theme?.tokens as never}>
        <Component {...(props as P)} />
      </CustomizationProvider>
    );
  }
  PasteThemed.displayName = `WithPasteTheme(${Component.displayName ?? Component.name})`;
  return flex.withTheme(PasteThemed as React.ComponentType<never>) as unknown as React.ComponentType<P>;
}
