/**
 * Which call outcomes reach an agent (docs/functions.md and docs/admin-guide.md), one row per outcome and spelling in
 * docs/rules.md: a call the virtual agent completed never becomes a Flex task, a caller who left is not routed,
 * a failure reaches Flex marked unavailable, and every handoff reaches Flex; whatever the letter case and spacing
 * Twilio sends the status in. (Which SIP headers are trusted is pinned in sipTrust.test.ts.)
 */
import { connectorHandback as connectorHandbackIn, sipHandback } from '../../../serverless/src/lib/handback';

/** `Completed` and ` COMPLETED `: the spellings a status may arrive in. */
const spelt = (status: string) => [status, status.toUpperCase(), status[0].toUpperCase() + status.slice(1), ` ${status}\t`];

const CALL_SID = `CA${'b'.repeat(32)}`;
/** The Functions' settings play no part in these outcomes. */
const connectorHandback = (event: Record<string, unknown>) => connectorHandbackIn(event, {});

describe('<Connect action>: outcome per VirtualAgentStatus', () => {
  it.each(spelt('completed'))('%j: the virtual agent finished the call, no Flex task', (status) => {
    expect(connectorHandback({ VirtualAgentStatus: status, CallSid: CALL_SID })).toEqual({ kind: 'completed' });
  });

  it.each(spelt('hangup'))('%j: the caller left, nothing is routed', (status) => {
    expect(connectorHandback({ VirtualAgentStatus: status, CallSid: CALL_SID })).toEqual({ kind: 'caller-gone' });
  });

  it.each([...spelt('live-agent-handoff'), ...spelt('paused'), '', '   ', undefined, 'something-new'])(
    '%j: a handoff, looked up by PolyAI\'s conversation id, then the Call SID',
    (status) => {
      expect(connectorHandback({ VirtualAgentStatus: status, CallSid: CALL_SID, VirtualAgentProviderData: '{"ConversationId":"conv-1"}' })).toEqual({
        kind: 'handoff',
        lookups: [{ id: 'conv-1' }, { CallSid: CALL_SID }],
      });
    },
  );

  it.each(spelt('failed'))('%j: Flex, marked unavailable with the reason', (status) => {
    expect(connectorHandback({ VirtualAgentStatus: status, VirtualAgentError: 'Connector timeout' })).toEqual({
      kind: 'failed',
      message: 'PolyAI\'s virtual agent failed: Connector timeout',
    });
  });

  it.each(['completed', 'live-agent-handoff', 'paused', '', 'hangup'])('%j with a VirtualAgentErrorCode: a failure, never a silent end', (status) => {
    const handback = connectorHandback({ VirtualAgentStatus: status, VirtualAgentErrorCode: '64101' });
    if (status === 'hangup') expect(handback).toEqual({ kind: 'caller-gone' });
    else expect(handback).toEqual({ kind: 'failed', message: 'PolyAI\'s virtual agent failed (error 64101).' });
  });

  it('a blank VirtualAgentErrorCode is no error code', () => {
    expect(connectorHandback({ VirtualAgentStatus: 'completed', VirtualAgentErrorCode: '  ' })).toEqual({ kind: 'completed' });
  });
});

describe('<Dial action> of the SIP route: outcome per DialCallStatus and CallStatus', () => {
  const env = {};

  it.each([...spelt('completed'), ...spelt('answered')])('DialCallStatus %j without headers: PolyAI finished the call, no Flex task', (status) => {
    expect(sipHandback({ DialCallStatus: status, CallStatus: 'in-progress', CallSid: CALL_SID }, env)).toEqual({ kind: 'completed' });
  });

  it.each(spelt('canceled'))('DialCallStatus %j: the caller left, nothing is routed', (status) => {
    expect(sipHandback({ DialCallStatus: status, CallStatus: 'in-progress', CallSid: CALL_SID }, env)).toEqual({ kind: 'caller-gone' });
  });

  it.each([...spelt('busy'), ...spelt('no-answer'), ...spelt('failed')])('DialCallStatus %j: Flex, marked unavailable with the dial result', (status) => {
    const handback = sipHandback({ DialCallStatus: status, DialSipResponseCode: '486', CallStatus: 'in-progress' }, env);
    expect(handback).toEqual({ kind: 'failed', message: `PolyAI's SIP address did not take the call (${status.trim().toLowerCase()}, SIP 486).` });
  });

  it.each(['', 'ringing', 'queued'])('DialCallStatus %j and no REFER: Flex, marked unavailable (never dropped)', (status) => {
    expect(sipHandback({ DialCallStatus: status, CallStatus: 'in-progress' }, env)).toEqual({
      kind: 'failed',
      message: 'PolyAI gave the call back without a SIP REFER or a dial result.',
    });
  });

  it.each([...spelt('completed'), ...spelt('canceled'), ...spelt('busy'), ...spelt('no-answer'), ...spelt('failed')])(
    'the caller\'s CallStatus %j: the caller is gone, nothing is routed whatever PolyAI did',
    (callStatus) => {
      expect(sipHandback({ DialCallStatus: 'completed', CallStatus: callStatus, 'DialSipHeader_X-Reason': 'billing' }, env)).toEqual({ kind: 'caller-gone' });
    },
  );

  it.each(['in-progress', 'ringing', ''])('the caller\'s CallStatus %j: still on the line, the dial result decides', (callStatus) => {
    expect(sipHandback({ DialCallStatus: 'busy', CallStatus: callStatus }, env)).toMatchObject({ kind: 'failed' });
  });

  it('a REFER is a handoff whatever the dial and call status say', () => {
    const handback = sipHandback({ ReferTransferTarget: '<sip:flex@example.com>', DialCallStatus: 'completed', CallStatus: 'completed', CallSid: CALL_SID }, env);
    expect(handback).toMatchObject({ kind: 'handoff', lookups: [{ CallSid: CALL_SID }] });
  });
});
