/**
 * The binding between a task and its call, made by the routing Functions when they create the task: a signature,
 * with a key only the Functions hold, over the ids they wrote where they write them (Twilio's `call_sid`, PolyAI's
 * `polyai.id` and `polyai.shared_id`) and an expiry. An agent can edit her task's attributes (Flex's
 * `ITask.setAttributes`), but she cannot sign: once she changes one of those ids the signature no longer
 * verifies and the task vouches for nothing, and ids anywhere else never count. So editing a task never widens
 * what its holder may read (lib/taskAccess).
 *
 * The key is derived from the account's auth token (HMAC with a fixed label), which every Function already has
 * and no browser ever sees: nothing more to configure, and rotating the auth token revokes every binding.
 * A string of at most 24 characters (the expiry in base 36, an HMAC-SHA256 cut to 96 bits, as NIST SP 800-107
 * allows; a forger gets one guess per Function call), so it costs Send To Flex's 1,024 characters little.
 */
import { createHmac, timingSafeEqual } from 'crypto';
import { isRecord, own, POLYAI_ATTRIBUTE, recordFromJson } from '@polyai-context/model';
import { text, type Env } from './config';

/** Top-level task attribute `"<expiry, Unix seconds in base 36>.<signature>"`; the plugin never reads it. */
export const BINDING_ATTRIBUTE = 'polyai_access';
/** What the binding adds to the attributes' JSON at most: `,"polyai_access":"` + 7 base-36 digits + `.` + 16 + `"`. */
export const BINDING_ATTRIBUTE_CHARS = 2 + BINDING_ATTRIBUTE.length + 3 + 7 + 1 + 16 + 1;
/** Long enough for a transfer and a long wrap-up; a copied binding stops working a day after the call. */
export const BINDING_TTL_S = 24 * 60 * 60;

/** The ids a binding vouches for (null when the task has none there). */
export interface BoundIds {
  callSid: string | null;
  id: string | null;
  sharedId: string | null;
}

const KEY_LABEL = 'polyai-context task binding v1';
const BINDING = /^([0-9a-z]{1,7})\.([A-Za-z0-9_-]{16})$/;
const MAC_BYTES = 12;

function signingKey(env: Env): Buffer | null {
  const authToken = text(env.AUTH_TOKEN);
  return authToken === '' ? null : createHmac('sha256', authToken).update(KEY_LABEL).digest();
}

function signature(key: Buffer, ids: BoundIds, exp: number): string {
  return createHmac('sha256', key).update(JSON.stringify([exp, ids.callSid, ids.id, ids.sharedId])).digest().subarray(0, MAC_BYTES).toString('base64url');
}

/** The ids where the routing Functions write them: top-level `call_sid`, `polyai.id`, `polyai.shared_id`. */
function idsOf(attributes: Record<string, unknown>): BoundIds {
  const polyai = own(attributes, POLYAI_ATTRIBUTE);
  const envelope = isRecord(polyai) ? polyai : {};
  return { callSid: stringOrNull(own(attributes, 'call_sid')), id: stringOrNull(own(envelope, 'id')), sharedId: stringOrNull(own(envelope, 'shared_id')) };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The attributes of a new task with their binding; unchanged when they name no id or there is no key. */
export function withBinding<T extends object>(attributes: T, env: Env, now = Date.now()): T {
  const key = signingKey(env);
  const ids = idsOf(attributes as Record<string, unknown>);
  if (key === null || (ids.callSid === null && ids.id === null && ids.sharedId === null)) return attributes;
  const exp = Math.floor(now / 1000) + BINDING_TTL_S;
  return { ...attributes, [BINDING_ATTRIBUTE]: `${exp.toString(36)}.${signature(key, ids, exp)}` };
}

/** The ids a task's binding vouches for; null when it has none, an id was changed, it expired, or there is no key. */
export function verifiedBinding(attributes: unknown, env: Env, now = Date.now()): BoundIds | null {
  const record = typeof attributes === 'string' ? recordFromJson(attributes, Number.POSITIVE_INFINITY) : attributes;
  const key = signingKey(env);
  if (!isRecord(record) || key === null) return null;
  const binding = own(record, BINDING_ATTRIBUTE);
  const match = typeof binding === 'string' ? BINDING.exec(binding) : null;
  if (match === null) return null;
  const exp = parseInt(match[1], 36);
  if (exp * 1000 <= now) return null;
  const ids = idsOf(record);
  return timingSafeEqual(Buffer.from(signature(key, ids, exp)), Buffer.from(match[2])) ? ids : null;
}

/**
 * Whether a binding vouches for the id the plugin asks about: a handoff id or call SID (the transcript and the
 * Handoff API's `id` lookup), or the shared id (the Handoff API's `shared_id` lookup).
 */
export function bindsConversation(ids: BoundIds, conversationId: string, lookup: 'id' | 'shared_id'): boolean {
  const allowed = lookup === 'shared_id' ? [ids.sharedId] : [ids.id, ids.callSid];
  return allowed.includes(conversationId);
}
