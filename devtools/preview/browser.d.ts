import type { Browser } from 'playwright-core';

/** Headless Debian Chromium (CHROMIUM_PATH overrides the binary). */
export function launchChromium(): Promise<Browser>;
