/** CORS for plugin-facing Functions: only the Flex origins an admin listed in FLEX_ALLOWED_ORIGINS. */
import { list, type Env } from './config';

export interface CorsDecision {
  /** false when the request came from a browser origin that is not allowed. */
  allowed: boolean;
  headers: Record<string, string>;
}

export function corsFor(origin: string | undefined, env: Env): CorsDecision {
  // No Origin header: not a cross-origin browser call; the token still decides.
  if (origin === undefined || origin === '') return { allowed: true, headers: {} };
  // Scheme and host are case-insensitive: `https://Flex.Twilio.com` in the setting is the browser's `https://flex.twilio.com`.
  const allowed = list(env.FLEX_ALLOWED_ORIGINS).map((item) => item.toLowerCase());
  if (!allowed.includes(origin.toLowerCase())) return { allowed: false, headers: {} };
  return {
    allowed: true,
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    },
  };
}
