/**
 * Flex token checks for plugin-facing Functions. Cheap local checks first (present, JWT-shaped, not expired,
 * issued for this account), then Twilio's validator, which is the authority. A failure says why in general
 * terms and never echoes the token.
 */
import { isRecord } from '../../../src/model/values';

/** `twilio-flex-token-validator`'s `validator`: resolves for a valid token, rejects otherwise. */
export type TokenValidator = (token: string, accountSid: string, authToken: string) => Promise<unknown>;

/** `result`: what Twilio's validator answered (`worker_sid`, `roles`, `identity`, …), for access checks. */
export type TokenCheck = { ok: true; result?: unknown } | { ok: false; status: 401 | 403; message: string };

const JWT = /^[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/;
const MAX_TOKEN_CHARS = 8_192;

export async function checkFlexToken(
  token: unknown,
  account: { accountSid: string; authToken: string },
  validate: TokenValidator,
): Promise<TokenCheck> {
  if (typeof token !== 'string' || token === '') return deny(401, 'A Flex token is required.');
  const match = token.length <= MAX_TOKEN_CHARS ? JWT.exec(token) : null;
  const claims = match ? decodeClaims(match[1]) : null;
  if (claims === null) return deny(401, 'The Flex token is malformed.');
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return deny(401, 'The Flex token has expired.');
  // A Twilio access token names its account in `sub`.
  if (claims.sub !== account.accountSid) return deny(403, 'The Flex token belongs to another account.');
  try {
    const result = await validate(token, account.accountSid, account.authToken);
    return { ok: true, result };
  } catch {
    return deny(401, 'The Flex token is not valid.');
  }
}

function decodeClaims(segment: string): Record<string, unknown> | null {
  try {
    const claims: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return isRecord(claims) ? claims : null;
  } catch {
    return null;
  }
}

function deny(status: 401 | 403, message: string): TokenCheck {
  return { ok: false, status, message };
}
