/**
 * What to do when PolyAI gives a call back, the same way for every route:
 * - the virtual agent completed the call → no Flex task, a goodbye and a hang-up;
 * - the caller already hung up → nothing to route;
 * - the virtual agent failed → a Flex task marked "unavailable" with the reason;
 * - a handoff → the handoff state (PolyAI's conversation id first, then the call SIDs), and a Flex task with it.
 *   On the SIP route, when PolyAI's API fails, the `X-` headers PolyAI sent become the context, marked partial:
 *   ids and identity values (who the caller is, whether verified) among them only as unverified claims, since
 *   nothing fetched server-side confirmed them; the call's ids stay Twilio's.
 * Every route ends in TwiML or, only when no workflow is configured, in an error so the number's fallback runs.
 */
import { cutText, handoffErrorAttributes, IDENTITY_KEYS, MAX_POLYAI_ATTRIBUTE_CHARS, own, POLYAI_ATTRIBUTE, recordFromJson, toPolyaiAttributes } from '@polyai-context/model';
import { text, type Env } from './config';
import { asPacking, fetchErrorStatus, fetchFirstFound, type PolyaiPacking } from './handoff';
import { isCallSid, isOpaqueId } from './ids';
import { logOutcome } from './log';
import type { ClientDeps } from './polyaiClient';
import { enqueueAttributes, readWorkflowSid } from './routing';
import { headerKey, readSipHandback, type SipHandback } from './sipHeaders';
import { endCallTwiml, enqueueToFlexTwiml } from './twiml';
import { scrubText, secretsOf } from './secrets';

export type Handback =
  | { kind: 'completed' }
  | { kind: 'caller-gone' }
  | { kind: 'failed'; message: string }
  | { kind: 'handoff'; lookups: Array<Record<string, unknown>>; sip?: SipContext };

interface SipContext {
  handback: SipHandback;
  /** Lower-cased names of the headers that carried the ids (lookups only, never the task's identity). */
  idHeaders: string[];
}

export type HandbackAnswer = { ok: true; twiml: string } | { ok: false; problem: string };

const DEFAULT_GOODBYE = 'Thank you for calling. Goodbye.';
const DEFAULT_SIP_ID_HEADER = 'X-PolyAI-Conversation-Id';
const DEFAULT_SIP_SHARED_ID_HEADER = 'X-PolyAI-Shared-Id';
/** Where the SIP fallback puts identity values PolyAI's API did not confirm (the tab lists them as captured fields). */
export const UNVERIFIED_SIP_CLAIMS = 'unverified_sip_headers';

const MAX_PROVIDER_DATA_CHARS = 20_000;
/** A BCP 47 tag such as `en-GB` or `es-419` for `<Say language>`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;
const MAX_REASON_CHARS = 200;
const DIAL_FAILED = new Set(['busy', 'no-answer', 'failed']);
const CALL_OVER = new Set(['completed', 'canceled', 'busy', 'no-answer', 'failed']);

/** `<Connect><VirtualAgent>` ended: Twilio's `VirtualAgentStatus`, `VirtualAgentErrorCode`, `VirtualAgentProviderData`. */
export function connectorHandback(event: Record<string, unknown>, env: Env): Handback {
  const status = text(event.VirtualAgentStatus).toLowerCase();
  const code = text(event.VirtualAgentErrorCode);
  if (status === 'completed' && code === '') return { kind: 'completed' };
  if (status === 'hangup') return { kind: 'caller-gone' };
  if (status === 'failed' || code !== '') {
    // Scrubbed before the cut: a provider error echoing our key must not leave a piece of it behind.
    const secrets = secretsOf(env);
    const reason = cutText(scrubText(text(event.VirtualAgentError), secrets), MAX_REASON_CHARS);
    const codeText = code === '' ? '' : ` (error ${cutText(scrubText(code, secrets), 16)})`;
    return { kind: 'failed', message: `PolyAI's virtual agent failed${codeText}${reason === '' ? '.' : `: ${reason}`}` };
  }
  // live-agent-handoff, paused, or a connector that sends no status at all (the seed's behaviour): a handoff.
  const conversationId = providerConversationId(event.VirtualAgentProviderData);
  return { kind: 'handoff', lookups: [...(conversationId === null ? [] : [{ id: conversationId }]), { CallSid: event.CallSid }] };
}

/** PolyAI's conversation id from `VirtualAgentProviderData` (a JSON string on webhooks, an object in Studio). */
export function providerConversationId(value: unknown): string | null {
  const data = recordFromJson(value, MAX_PROVIDER_DATA_CHARS);
  const id = data === null ? undefined : own(data, 'ConversationId');
  return isOpaqueId(id) ? id : null;
}

/**
 * The SIP route's `referUrl` (PolyAI sent a SIP REFER: `ReferTransferTarget`) and `<Dial action>` (PolyAI's leg
 * ended: `DialCallStatus`, with `DialSipHeader_X-…` when PolyAI hung up with SIP BYE and headers).
 */
export function sipHandback(event: Record<string, unknown>, env: Env): Handback {
  const handback = readSipHandback(event, secretsOf(env));
  if (text(event.ReferTransferTarget) !== '') return sipHandoff(event, env, handback);
  if (CALL_OVER.has(text(event.CallStatus).toLowerCase())) return { kind: 'caller-gone' };
  const dial = text(event.DialCallStatus).toLowerCase();
  // A BYE handoff carries the headers configured in Agent Studio (`DialSipHeader_`, PolyAI's leg); a bare hang-up
  // means the agent finished, whatever `SipHeader_` (the caller's INVITE) the request carries.
  if (dial === 'completed' || dial === 'answered') return handback.headers.size > 0 ? sipHandoff(event, env, handback) : { kind: 'completed' };
  if (dial === 'canceled') return { kind: 'caller-gone' };
  if (DIAL_FAILED.has(dial)) {
    const sipCode = /^[1-6][0-9]{2}$/.test(text(event.DialSipResponseCode)) ? `, SIP ${text(event.DialSipResponseCode)}` : '';
    return { kind: 'failed', message: `PolyAI's SIP address did not take the call (${dial}${sipCode}).` };
  }
  return { kind: 'failed', message: 'PolyAI gave the call back without a SIP REFER or a dial result.' };
}

function sipHandoff(event: Record<string, unknown>, env: Env, handback: SipHandback): Handback {
  const idHeader = (text(env.POLYAI_SIP_ID_HEADER) || DEFAULT_SIP_ID_HEADER).toLowerCase();
  const sharedIdHeader = (text(env.POLYAI_SIP_SHARED_ID_HEADER) || DEFAULT_SIP_SHARED_ID_HEADER).toLowerCase();
  const id = handback.headers.get(idHeader);
  const sharedId = handback.headers.get(sharedIdHeader);
  // The configured header first; then the leg PolyAI answered (DialCallSid), then the caller's call.
  const candidates = [
    ...(sharedId === undefined ? [] : [{ shared_id: sharedId }]),
    ...(id === undefined ? [] : [{ id }]),
    ...[event.DialCallSid, event.CallSid].filter(isCallSid).map((CallSid) => ({ CallSid })),
  ];
  return { kind: 'handoff', lookups: candidates, sip: { handback, idHeaders: [idHeader, sharedIdHeader] } };
}

export async function answerHandback(
  fn: string,
  handback: Handback,
  env: Env,
  event: Record<string, unknown>,
  deps: ClientDeps,
): Promise<HandbackAnswer> {
  if (handback.kind === 'completed') {
    logOutcome(fn, { outcome: 'completed' });
    const language = text(env.POLYAI_GOODBYE_LANGUAGE);
    return { ok: true, twiml: endCallTwiml(text(env.POLYAI_GOODBYE_MESSAGE) || DEFAULT_GOODBYE, LANGUAGE_TAG.test(language) ? language : '') };
  }
  if (handback.kind === 'caller-gone') {
    logOutcome(fn, { outcome: 'caller-gone' });
    return { ok: true, twiml: endCallTwiml('') };
  }
  const workflowSid = readWorkflowSid(env);
  if (workflowSid === null) {
    logOutcome(fn, { outcome: 'not-configured' });
    return { ok: false, problem: 'FLEX_WORKFLOW_SID is not set: the number\'s fallback URL takes the call.' };
  }
  let polyai: PolyaiPacking;
  if (handback.kind === 'failed') {
    logOutcome(fn, { outcome: 'agent-failed' });
    polyai = asPacking(handoffErrorAttributes(null, handback.message));
  } else {
    polyai = await fetchFirstFound(fn, env, handback.lookups, deps);
    if (handback.sip !== undefined && fetchErrorStatus(polyai) !== undefined) polyai = withSipContext(polyai, handback.sip);
  }
  return { ok: true, twiml: enqueueToFlexTwiml(workflowSid, enqueueAttributes(event, polyai, env)) };
}

/**
 * PolyAI's API failed: what its `X-` headers said (reason, destination, …) and the error, which reads as partial.
 * No ids on the envelope (nothing confirmed them), and identity values only under UNVERIFIED_SIP_CLAIMS.
 */
function withSipContext(failed: PolyaiPacking, sip: SipContext): PolyaiPacking {
  const data: Record<string, unknown> = {};
  const claims: Record<string, string> = {};
  for (const [name, value] of sip.handback.headers) {
    if (sip.idHeaders.includes(name)) continue;
    const key = headerKey(name);
    if (IDENTITY_KEYS.includes(key)) claims[key] = value;
    else data[key] = value;
  }
  if (sip.handback.target !== null && data.destination === undefined) data.destination = sip.handback.target;
  if (Object.keys(claims).length > 0) data[UNVERIFIED_SIP_CLAIMS] = claims;
  if (Object.keys(data).length === 0) return failed;
  const { error } = failed(MAX_POLYAI_ATTRIBUTE_CHARS)[POLYAI_ATTRIBUTE];
  // The error goes beside the data, so the data gets the budget less the error's own characters.
  const errorChars = JSON.stringify({ error }).length - 1;
  return (maxChars) => ({ [POLYAI_ATTRIBUTE]: { ...toPolyaiAttributes({ ok: true, body: { data } }, maxChars - errorChars)[POLYAI_ATTRIBUTE], error } });
}
