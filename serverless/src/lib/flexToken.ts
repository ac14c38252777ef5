/**
 * Flex token checks for plugin-facing Functions. Cheap local checks first (present, JWT-shaped, not expired,
 * issued for this account), then Twilio's validator, which is the authority, within a time limit. A failure
 * says why in general terms and never echoes the token. A valid token yields who holds it (identity, worker,
 * roles) for the task access check (lib/taskAccess).
 */
import { isRecord, own } from '@polyai-context/model';
import { withDeadline } from './deadline';
import { WORKER_SID } from './taskrouter';

/** `twilio-flex-token-validator`'s `validator`: resolves for a valid token, rejects otherwise. */
export type TokenValidator = (token: string, accountSid: string, authToken: string) => Promise<unknown>;

/** Who a validated token belongs to, from Twilio's answer (`identity`, `worker_sid`, `roles`), else its claims. */
export interface TokenIdentity {
  identity: string | null;
  workerSid: string | null;
  roles: string[];
}

export type TokenCheck = { ok: true; who: TokenIdentity } | { ok: false; status: 401 | 403 | 503; message: string };

const JWT = /^[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/;
const MAX_TOKEN_CHARS = 8_192;
/** Twilio's validator has no timeout of its own: a forged token must not hold a Function open. */
export const TOKEN_CHECK_MS = 3_000;

export async function checkFlexToken(
  token: unknown,
  account: { accountSid: string; authToken: string },
  validate: TokenValidator,
  /** What is left of the request's budget (lib/deadline), when less than TOKEN_CHECK_MS. */
  withinMs = TOKEN_CHECK_MS,
): Promise<TokenCheck> {
  if (typeof token !== 'string' || token === '') return deny(401, 'A Flex token is required.');
  const match = token.length <= MAX_TOKEN_CHARS ? JWT.exec(token) : null;
  const claims = match ? decodeClaims(match[1]) : null;
  if (claims === null) return deny(401, 'The Flex token is malformed.');
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return deny(401, 'The Flex token has expired.');
  // A Twilio access token names its account in `sub`.
  if (claims.sub !== account.accountSid) return deny(403, 'The Flex token belongs to another account.');
  return withDeadline(
    Math.min(TOKEN_CHECK_MS, withinMs),
    async (): Promise<TokenCheck> => {
      try {
        return { ok: true, who: identityOf(await validate(token, account.accountSid, account.authToken), claims) };
      } catch {
        return deny(401, 'The Flex token is not valid.');
      }
    },
    () => deny(503, 'Twilio did not confirm the Flex token in time.'),
  );
}

function identityOf(answer: unknown, claims: Record<string, unknown>): TokenIdentity {
  const result = isRecord(answer) ? answer : {};
  const grants = own(claims, 'grants');
  const claimed = isRecord(grants) ? own(grants, 'identity') : undefined;
  const identity = own(result, 'identity') ?? claimed;
  const workerSid = own(result, 'worker_sid');
  const roles = own(result, 'roles');
  return {
    identity: typeof identity === 'string' && identity !== '' ? identity : null,
    workerSid: typeof workerSid === 'string' && WORKER_SID.test(workerSid) ? workerSid : null,
    roles: Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [],
  };
}

function decodeClaims(segment: string): Record<string, unknown> | null {
  try {
    const claims: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return isRecord(claims) ? claims : null;
  } catch {
    return null;
  }
}

function deny(status: 401 | 403 | 503, message: string): TokenCheck {
  return { ok: false, status, message };
}
