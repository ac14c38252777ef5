/** What every route needs to create a Flex task: the workflow, the Functions' paths and the task attributes. */
import { isCallSid } from './ids';
import { text, type Env } from './config';
import { withHandoffInsights } from './insights';
import { scrubJson, scrubText, secretsOf } from './secrets';
import { cutText, type PolyaiTaskAttributes } from '@polyai-context/model';

/** Relative to the Service's domain, so the same TwiML works in every environment. */
export const HANDOFF_ACTION_PATH = '/polyai-handoff-to-flex';
/** `<Dial referUrl>` and `<Dial action>` of the SIP route: PolyAI's REFER, BYE, or no answer. */
export const SIP_HANDOFF_PATH = '/polyai-sip-handoff';

const WORKFLOW_SID = /^WW[0-9a-fA-F]{32}$/;
const MAX_PHONE_CHARS = 64;
/** A SIP URI Twilio can dial: no spaces, brackets or quotes that could leave the `<Sip>` element. */
const SIP_URI = /^sips?:[^\s<>"']{3,500}$/i;

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
 * Reads a webhook's `From`/`CallSid` or Studio's `from`/`call_sid` parameters. Adds the handoff's Flex Insights
 * values (`conversations`, lib/insights) from the Service's settings in `env`. Scrubbed of the Functions' secrets
 * as a whole, and each caller value before it is cut.
 */
export function enqueueAttributes(event: Record<string, unknown>, polyai: PolyaiTaskAttributes, env: Env): Record<string, unknown> {
  const secrets = secretsOf(env);
  const rawFrom = event.From ?? event.from;
  const from = typeof rawFrom === 'string' && rawFrom !== '' ? cutText(scrubText(rawFrom, secrets), MAX_PHONE_CHARS) : undefined;
  const callSid = isCallSid(event.CallSid) ? event.CallSid : isCallSid(event.call_sid) ? event.call_sid : undefined;
  const attributes = scrubJson({
    type: 'inbound',
    ...(from === undefined ? {} : { name: from, from }),
    ...(callSid === undefined ? {} : { call_sid: callSid }),
    ...polyai,
  }, secrets);
  // Issue 20: the single Insights hook of the routing Functions.
  return withHandoffInsights(attributes, env);
}
