/** What the TwiML path needs to create a Flex task: the workflow and the task attributes. */
import { isCallSid } from './ids';
import { text, type Env } from './config';
import { withHandoffInsights } from './insights';
import type { PolyaiTaskAttributes } from '../../../src/model';

/** Relative to the Service's domain, so the same TwiML works in every environment. */
export const HANDOFF_ACTION_PATH = '/polyai-handoff-to-flex';

const WORKFLOW_SID = /^WW[0-9a-fA-F]{32}$/;
const MAX_PHONE_CHARS = 64;

export function readWorkflowSid(env: Env): string | null {
  const sid = text(env.FLEX_WORKFLOW_SID);
  return WORKFLOW_SID.test(sid) ? sid : null;
}

/** The attributes Studio's Send To Flex would set for a voice call, plus `polyai` and its Insights `conversations`. */
export function enqueueAttributes(event: Record<string, unknown>, polyai: PolyaiTaskAttributes, env: Env): Record<string, unknown> {
  const from = typeof event.From === 'string' ? event.From.slice(0, MAX_PHONE_CHARS) : undefined;
  const attributes = {
    type: 'inbound',
    ...(from === undefined ? {} : { name: from, from }),
    ...(isCallSid(event.CallSid) ? { call_sid: event.CallSid } : {}),
    ...polyai,
  };
  // Issue 20: the single Insights hook of the routing Functions.
  return withHandoffInsights(attributes, env);
}
