import React from 'react';
import type * as Flex from '@twilio/flex-ui';
// Paste's own packages, not `@twilio-paste/core/…`: core re-exports each package whole through CommonJS,
// which webpack cannot tree-shake (core/theme brought in every Paste theme, about 10 KB gzip).
import { Globals as AnimatedGlobals, useReducedMotion } from '@twilio-paste/animation-library';
import { StylingGlobals, ThemeProvider } from '@twilio-paste/styling-library';
import { DarkTheme, DefaultTheme, pasteGlobalStyles, StyledBase } from '@twilio-paste/theme';

/** What Flex's `withTheme` passes: light or dark, and the Paste tokens of Flex's theme. */
interface FlexThemeProp {
  theme?: { isLight?: boolean; tokens?: Record<string, unknown> };
}

type PasteTheme = typeof DefaultTheme;
type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `overrides` laid over `base` key by key, nested objects merged the same way (Flex's tokens are partial). */
function merged(base: Plain, overrides: Plain): Plain {
  const result: Plain = { ...base };
  for (const [key, value] of Object.entries(overrides)) result[key] = isPlain(value) && isPlain(base[key]) ? merged(base[key] as Plain, value) : value;
  return result;
}

const NO_TOKENS: Plain = {};
const themes = { light: new WeakMap<object, PasteTheme>(), dark: new WeakMap<object, PasteTheme>() };

/**
 * Flex's tokens over Paste's light or dark theme, built once per Flex theme and shared by every piece the
 * plugin renders (Paste's CustomizationProvider merges the whole theme again on each mount).
 */
export function pasteThemeOf(dark: boolean, tokens: Plain | undefined): PasteTheme {
  const cache = dark ? themes.dark : themes.light;
  const key = tokens ?? NO_TOKENS;
  let theme = cache.get(key);
  if (!theme) {
    const base = dark ? DarkTheme : DefaultTheme;
    theme = { ...(merged(base as unknown as Plain, key) as unknown as PasteTheme), breakpoints: base.breakpoints };
    cache.set(key, theme);
  }
  return theme;
}

/**
 * What Paste's CustomizationProvider renders (theme, Paste's global styles, its base element, animations
 * off when the agent prefers reduced motion), with the theme made once per Flex theme.
 */
function PasteProvider({ theme, children }: { theme: PasteTheme; children: React.ReactNode }): JSX.Element {
  const reducedMotion = useReducedMotion();
  AnimatedGlobals.assign({ skipAnimation: reducedMotion });
  return (
    <ThemeProvider theme={theme}>
      <StylingGlobals styles={pasteGlobalStyles({ theme })} />
      <StyledBase>{children}</StyledBase>
    </ThemeProvider>
  );
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
      <PasteProvider theme={pasteThemeOf(theme?.isLight === false, theme?.tokens)}>
        <Component {...(props as P)} />
      </PasteProvider>
    );
  }
  PasteThemed.displayName = `WithPasteTheme(${Component.displayName ?? Component.name})`;
  return flex.withTheme(PasteThemed as React.ComponentType<never>) as unknown as React.ComponentType<P>;
}
