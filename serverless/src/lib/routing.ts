/** What every route needs to create a Flex task: the workflow, the Functions' paths and the task attributes. */
import { isCallSid } from './ids';
import { text, type Env } from './config';
import type { PolyaiPacking } from './handoff';
import { CONVERSATIONS_ATTRIBUTE, handoffInsights, MAX_TASK_ATTRIBUTES_CHARS } from './insights';
import { scrubJson, scrubText, secretsOf } from './secrets';
import { BINDING_ATTRIBUTE_CHARS, withBinding } from './taskBinding';
import { cutText, MAX_POLYAI_ATTRIBUTE_CHARS, parseHandoffContext, type PolyaiTaskAttributes } from '@polyai-context/model';

/** Relative to the Service's domain, so the same TwiML works in every environment. */
export const HANDOFF_ACTION_PATH = '/polyai-handoff-to-flex';
/** `<Dial referUrl>` and `<Dial action>` of the SIP route: PolyAI's REFER, BYE, or no answer. */
export const SIP_HANDOFF_PATH = '/polyai-sip-handoff';

/**
 * Studio's Send To Flex: "Attributes … max. 1024 characters" for the whole task attributes JSON (Twilio's widget
 * reference), Insights values included. The TwiML routes' `<Enqueue><Task>` has TaskRouter's 4,096.
 */
export const SEND_TO_FLEX_ATTRIBUTES_CHARS = 1_024;
/**
 * Insights values are left out, least useful first, before the agent's context would get less room than this:
 * the envelope's ids, the verification, the caller's ids, an intent of ordinary length and the marker naming what
 * the full fetch brings (the packing order of docs/handoff-data.md; measured on the verified sample: 531 characters
 * with a 60-character reason and intent).
 */
const MIN_POLYAI_CHARS = 480;
const WORKFLOW_SID = /^WW[0-9a-fA-F]{32}$/;
const MAX_PHONE_CHARS = 64;
/** A SIP URI Twilio can dial: no spaces, brackets or quotes that could leave the `<Sip>` element. */
const SIP_URI = /^sips?:[^\s<>"']{3,500}$/i;

/**
 * `POLYAI_TASK_NAME`: when Flex shows the caller's name PolyAI captured instead of the number (task list,
 * canvas header): only for a caller PolyAI verified (default), for any caller, or never (`off`). Anything else
 * reads as the default.
 */
export type TaskNameRule = 'verified' | 'any' | 'off';

export function readTaskNameRule(env: Env): TaskNameRule {
  const rule = text(env.POLYAI_TASK_NAME).toLowerCase();
  return rule === 'any' || rule === 'off' ? rule : 'verified';
}

/**
 * The caller's name for Flex's `name` attribute, or null to keep the number: at most as long as a number, with
 * no control characters (whose JSON escapes are longer than the characters), scrubbed before it is cut. It counts
 * against the route's attribute budget like the rest of the call's own attributes.
 */
function callerName(polyai: PolyaiTaskAttributes, rule: TaskNameRule, secrets: string[]): string | null {
  if (rule === 'off') return null;
  const context = parseHandoffContext(polyai);
  if (rule === 'verified' && context.verification?.identified !== true) return null;
  const name = scrubText(context.customer.name ?? '', secrets).replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim();
  return name === '' ? null : cutText(name, MAX_PHONE_CHARS).trim();
}

export function readWorkflowSid(env: Env): string | null {
  const sid = text(env.FLEX_WORKFLOW_SID);
  return WORKFLOW_SID.test(sid) ? sid : null;
}

/** PolyAI's SIP address ("Generate SIP" in Agent Studio); null when unset or not a SIP URI. */
export function readPolyaiSipUri(env: Env): string | null {
  const uri = text(env.POLYAI_SIP_URI);
  return SIP_URI.test(uri) ? uri : null;
}

/**
 * The task attributes of every route — Studio's Send To Flex (via `polyai-handoff`), `<Enqueue><Task>` after
 * `<Connect>` and after PolyAI's SIP REFER — so anything added to a PolyAI task is added here once.
 * Reads a webhook's `From`/`CallSid` or Studio's `from`/`call_sid` parameters, and adds the handoff's Flex Insights
 * values (`conversations`, lib/insights) from the Service's settings in `env`. One budget, `maxChars`, for the whole:
 * the call's own attributes first, then the Insights values, and PolyAI's data packed by priority into what is left
 * (at most MAX_POLYAI_ATTRIBUTE_CHARS); Insights values go, least useful first, before the data would get less than
 * MIN_POLYAI_CHARS. Scrubbed of the Functions' secrets as a whole, and each caller value before it is cut. Flex
 * shows `name` for the task: the caller's name from PolyAI when `POLYAI_TASK_NAME` allows it, else the number
 * (which stays in `from`). Last, the signed binding of the task to the ids it holds (lib/taskBinding), the only
 * ids the plugin Functions will serve its holder: its room is kept from the start.
 */
export function enqueueAttributes(
  event: Record<string, unknown>,
  polyai: PolyaiPacking,
  env: Env,
  maxChars: number = MAX_TASK_ATTRIBUTES_CHARS,
): Record<string, unknown> {
  return withBinding(packedAttributes(event, polyai, env, maxChars - BINDING_ATTRIBUTE_CHARS), env);
}

/** The attributes without their binding, within `maxChars`. */
function packedAttributes(
  event: Record<string, unknown>,
  polyai: PolyaiPacking,
  env: Env,
  maxChars: number,
): Record<string, unknown> {
  const secrets = secretsOf(env);
  const rawFrom = event.From ?? event.from;
  const from = typeof rawFrom === 'string' && rawFrom !== '' ? cutText(scrubText(rawFrom, secrets), MAX_PHONE_CHARS) : undefined;
  const callSid = isCallSid(event.CallSid) ? event.CallSid : isCallSid(event.call_sid) ? event.call_sid : undefined;
  // Read from the data at its usual size, as the Insights values are, not the route's cut.
  const name = callerName(polyai(MAX_POLYAI_ATTRIBUTE_CHARS), readTaskNameRule(env), secrets) ?? from;
  const base = scrubJson({
    type: 'inbound',
    ...(name === undefined ? {} : { name }),
    ...(from === undefined ? {} : { from }),
    ...(callSid === undefined ? {} : { call_sid: callSid }),
  }, secrets);
  // In INSIGHTS_FIELDS order, most useful first; read from the data at its usual size, not the route's cut.
  const insights = Object.entries(handoffInsights(polyai(MAX_POLYAI_ATTRIBUTE_CHARS), env));
  for (let kept = insights.length; ; kept -= 1) {
    const conversations = kept === 0 ? {} : { [CONVERSATIONS_ATTRIBUTE]: Object.fromEntries(insights.slice(0, kept)) };
    const others = JSON.stringify({ ...base, polyai: {}, ...conversations }).length - '{}'.length;
    const room = Math.min(MAX_POLYAI_ATTRIBUTE_CHARS, maxChars - others);
    if (room < MIN_POLYAI_CHARS && kept > 0) continue;
    const attributes = scrubJson({ ...base, ...polyai(room), ...conversations }, secrets);
    if (kept === 0 || JSON.stringify(attributes).length <= maxChars) return attributes;
  }
}
