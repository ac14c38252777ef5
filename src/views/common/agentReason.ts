import type { StringKey } from '../../strings';

/**
 * Why something could not be loaded, said for an agent. The Function's own message (written for
 * engineers: "PolyAI refused the Function's API key (401)") goes to the technical details instead.
 */
export function agentReasonKey(status: number | null, message: string): StringKey {
  if (/flex token/i.test(message)) return 'PolyaiContextReasonSignedOut';
  if (status === 504 || status === 408 || /\bwithin \d+ ?ms\b|timed? ?out/i.test(message)) return 'PolyaiContextReasonTimeout';
  if (/not json|could not be read|unreadable/i.test(message)) return 'PolyaiContextReasonUnreadable';
  if (status === 401 || status === 403) return 'PolyaiContextReasonRefused';
  if (status === 404) return 'PolyaiContextReasonNotFound';
  if (status === 429) return 'PolyaiContextReasonBusy';
  if (status === null || /could not be reached|failed to fetch|network/i.test(message)) return 'PolyaiContextReasonUnreachable';
  return 'PolyaiContextReasonServiceError';
}

/** The engineer's version of the same failure, for the "Technical details" disclosure. */
export function technicalDetail(status: number | null, message: string): string {
  return status === null ? message : `HTTP ${status}: ${message}`;
}
