/**
 * DEVELOPMENT ONLY — NEVER DEPLOY. The offline preview has no Twilio account, so its Functions cannot ask
 * Twilio (`twilio-flex-token-validator`) whether a Flex token is real. Instead the preview server mints one
 * token per run and injects this validator, which accepts exactly that token and rejects every other.
 * It lives in devtools/, which nothing in src/ or serverless/src/ imports, so no deployable file contains it.
 */
import { randomBytes, timingSafeEqual } from 'crypto';

import type { TokenValidator } from '../../serverless/src/lib/flexToken';

/** The preview's pretend Twilio account: the Functions check a token's `sub` against ACCOUNT_SID. */
export const PREVIEW_ACCOUNT_SID = `AC${'0'.repeat(32)}`;
/** The preview's one agent: Twilio's token answer names the worker and its roles. */
export const PREVIEW_IDENTITY = 'preview.agent@example.com';
export const PREVIEW_WORKER_SID = `WK${'0'.repeat(32)}`;

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token shaped like a Flex access token for the preview account, valid for 12 hours; its signature is random. */
export function createDevelopmentFlexToken(identity = PREVIEW_IDENTITY): string {
  const now = Math.floor(Date.now() / 1000);
  return [
    base64url({ alg: 'none', typ: 'JWT', cty: 'twilio-fpa;v=1' }),
    base64url({ iss: 'offline-preview', sub: PREVIEW_ACCOUNT_SID, iat: now, exp: now + 12 * 3600, grants: { identity } }),
    randomBytes(24).toString('base64url'),
  ].join('.');
}

/** Resolves only for `accepted` (constant-time compare), like Twilio's validator does for a real token. */
export function developmentTokenValidator(accepted: string): TokenValidator {
  const expected = Buffer.from(accepted);
  return async (token) => {
    const given = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('Not the offline preview token.');
    return { valid: true, identity: PREVIEW_IDENTITY, worker_sid: PREVIEW_WORKER_SID, roles: ['agent'] };
  };
}
