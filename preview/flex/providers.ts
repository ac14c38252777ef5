import type React from 'react';

import { createStore } from './store';

/** Providers a plugin gives Flex; Flex wraps the whole desktop in `PasteThemeProvider`. */
export interface Providers {
  PasteThemeProvider?: React.ComponentType<{ baseTheme?: string; children?: React.ReactNode }>;
}

export const providers = createStore<Providers>({});

export function setProviders(next: Providers): void {
  providers.set({ ...providers.get(), ...next });
}
