import React from 'react';
import { Anchor } from '@twilio-paste/core/anchor';

// Only web links become links. Anything else (javascript:, data:, vbscript:, file:, relative paths,
// text that merely contains a URL) stays text, so a caller or a flow can never plant an active link.
const WEB_URL = /^https?:\/\/\S+$/i;
const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/** The normalised URL when `text` is exactly one http(s) URL; otherwise null. */
export function webUrlOf(text: string): string | null {
  const candidate = text.trim();
  if (!WEB_URL.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return WEB_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A value as the agent reads it: always as text (React escapes it), or an external link for an http(s)
 * URL, opened in a new tab without giving the page a handle on Flex (`noopener`) or the Referer (`noreferrer`).
 */
export function SafeValue({ text }: { text: string }): JSX.Element {
  const href = webUrlOf(text);
  if (href === null) return <>{text}</>;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" showExternal>
      {text}
    </Anchor>
  );
}
