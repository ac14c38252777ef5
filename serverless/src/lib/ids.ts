/**
 * Ids are checked before they reach a PolyAI URL: a Call SID, or a strict charset for handoff and shared ids,
 * so nothing a caller or a flow sends can change the path or add query parameters.
 */

const CALL_SID = /^CA[0-9a-fA-F]{32}$/;
const OPAQUE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export type HandoffLookup = { param: 'id' | 'shared_id'; value: string };

export function isCallSid(value: unknown): value is string {
  return typeof value === 'string' && CALL_SID.test(value);
}

/** A handoff id (usually the Call SID, sometimes PolyAI's UUID) or a shared id. */
export function isOpaqueId(value: unknown): value is string {
  return typeof value === 'string' && OPAQUE_ID.test(value);
}

/**
 * What to look up from a Function's parameters: `shared_id` when given, else the handoff `id`, else the
 * call (`call_sid` from Studio, `CallSid` from a TwiML webhook). null when what was sent is not valid.
 */
/** A lookup parameter counts as given unless absent or empty (Studio sends '' for an unset variable). */
export const given = (value: unknown): boolean => value !== undefined && value !== '';

export function handoffLookup(event: Record<string, unknown>): HandoffLookup | null {
  if (given(event.shared_id)) return isOpaqueId(event.shared_id) ? { param: 'shared_id', value: event.shared_id } : null;
  if (given(event.id)) return isOpaqueId(event.id) ? { param: 'id', value: event.id } : null;
  const callSid = given(event.call_sid) ? event.call_sid : event.CallSid;
  return isCallSid(callSid) ? { param: 'id', value: callSid } : null;
}
