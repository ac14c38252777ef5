/**
 * What PolyAI's conversation record says beyond the transcript: the functions the assistant ran, tags, note,
 * PolyScore and the call's times. Every body here is first checked against PolyAI's published
 * ConversationDetailResponse, so the model is tested on what PolyAI may actually send.
 */
import { FUNCTION_EVENT_LIMITS, parseConversation, readFunctionEvents } from '@polyai-context/model';
import { fixture } from '../support/fixtures';
import { describeErrors, schemaValidator } from '../support/polyaiContract';

const validate = schemaValidator('conversations', 'ConversationDetailResponse');
const REQUIRED = { conversationId: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9', accountId: 'ws-acme', projectId: 'PROJECT-acme-billing' };

/** A body PolyAI's contract accepts (the test fails here, not later, when it does not). */
function specValid(fields: Record<string, unknown>): Record<string, unknown> {
  const body = { ...REQUIRED, ...fields };
  if (!validate(body)) throw new Error(`not a valid ConversationDetailResponse: ${describeErrors(validate)}`);
  return body;
}

describe('parseConversation: what PolyAI did', () => {
  it('reads the sample record: events in order with outcomes, tags, note, PolyScore, times', () => {
    const conversation = parseConversation(specValid(fixture('conversation.json') as Record<string, unknown>));
    expect(conversation.functionEvents.map((event) => [event.name, event.outcome])).toEqual([
      ['verify_identity', { kind: 'succeeded', text: 'success' }],
      ['lookup_charges', { kind: 'succeeded', text: 'success' }],
      ['issue_refund', { kind: 'failed', text: 'failed' }],
    ]);
    expect(conversation.functionEvents[1].details.map((detail) => [detail.label, detail.value])).toEqual([
      ['Arguments › Merchant', 'Streamly Premium'],
      ['Arguments › Charge Date', '2026-11-14'],
      ['Result › Matches', 2],
    ]);
    // The status was the outcome; the error's text is still shown.
    expect(conversation.functionEvents[2].details.map((detail) => [detail.path, detail.value])).toEqual([
      ['arguments.charge_amount', '42.50'],
      ['error', 'refund_needs_agent_approval'],
    ]);
    expect(conversation.functionEvents[0].time).toBe(Date.parse('2026-11-20T09:14:27Z'));
    expect(conversation).toMatchObject({
      tags: ['billing', 'duplicate_charge'],
      note: 'Caller asked for the refund to go back to the same card.',
      polyScore: 0.82,
      startedAt: Date.parse('2026-11-20T09:14:02Z'),
      finishedAt: Date.parse('2026-11-20T09:14:51Z'),
      polyaiSeconds: 49,
      unread: [],
      truncated: false,
    });
  });

  it('reads nothing it was not given: no events, tags, note or score; no times', () => {
    const conversation = parseConversation(specValid({}));
    expect(conversation).toMatchObject({ functionEvents: [], tags: [], note: null, polyScore: null, startedAt: null, finishedAt: null, polyaiSeconds: null, unread: [] });
    expect(parseConversation(specValid({ functionEvents: {}, tags: [], note: '   ' }))).toMatchObject({ functionEvents: [], tags: [], note: null, unread: [] });
  });

  it('reads events keyed by function: one object, a list of calls, or a plain outcome', () => {
    const body = specValid({
      functionEvents: {
        lookup_account: { status: 'ok', account_found: true },
        book_slot: [{ slot: '2026-11-21T10:00:00Z', success: false }, { slot: '2026-11-22T10:00:00Z', success: true }],
        send_sms: 'declined',
        note_taken: 'callback tomorrow',
      },
    });
    const events = parseConversation(body).functionEvents;
    expect(events.map((event) => [event.name, event.outcome?.kind ?? null])).toEqual([
      ['lookup_account', 'succeeded'],
      ['book_slot', 'failed'],
      ['book_slot', 'succeeded'],
      ['send_sms', 'failed'],
      ['note_taken', 'other'],
    ]);
    expect(events[0].details).toEqual([{ path: 'account_found', segments: ['account_found'], label: 'Account Found', value: true, kind: 'boolean' }]);
    // A boolean says only how it went: no words of its own.
    expect(events[1].outcome).toEqual({ kind: 'failed', text: null });
    expect(events[4].outcome).toEqual({ kind: 'other', text: 'callback tomorrow' });
  });

  it('names an event only from what the record says, and keeps the record order unless every event has a time', () => {
    const untimed = readFunctionEvents([{ function_name: 'b', time: '2026-11-20T09:15:00Z' }, { tool: 'a' }, { args: { x: 1 } }]);
    expect(untimed.events.map((event) => event.name)).toEqual(['b', 'a', null]);
    const timed = readFunctionEvents({ calls: [{ name: 'late', timestamp: '2026-11-20T09:15:00Z' }, { name: 'early', timestamp: '2026-11-20T09:14:00Z' }] });
    expect(timed.events.map((event) => event.name)).toEqual(['early', 'late']);
    // Listed under a key with no name of its own: the key is what the record calls it.
    expect(readFunctionEvents({ transfer: [{ to: 'billing' }] }).events[0].name).toBe('transfer');
  });

  it('classifies outcomes by what the value says, on both sides of each rule', () => {
    const outcome = (event: Record<string, unknown>) => readFunctionEvents([event]).events[0].outcome;
    expect(outcome({ status: 200 })).toEqual({ kind: 'succeeded', text: '200' });
    expect(outcome({ status: 299 })).toEqual({ kind: 'succeeded', text: '299' });
    expect(outcome({ status: 300 })).toEqual({ kind: 'other', text: '300' });
    expect(outcome({ status: 400 })).toEqual({ kind: 'failed', text: '400' });
    expect(outcome({ status: 599 })).toEqual({ kind: 'failed', text: '599' });
    expect(outcome({ status: 600 })).toEqual({ kind: 'other', text: '600' });
    expect(outcome({ status: 'Completed' })?.kind).toBe('succeeded');
    expect(outcome({ status: 'card_declined' })?.kind).toBe('failed');
    expect(outcome({ status: 'timed_out' })?.kind).toBe('failed');
    expect(outcome({ status: 'pending' })?.kind).toBe('other');
    expect(outcome({ error: 'no_slots' })).toEqual({ kind: 'failed', text: 'no_slots' });
    expect(outcome({ error: true })).toEqual({ kind: 'failed', text: null });
    expect(outcome({ error: false })).toEqual({ kind: 'succeeded', text: null });
    expect(outcome({ ok: true })).toEqual({ kind: 'succeeded', text: null });
    // Nothing said: an empty or null status is no outcome, and it stays a value to show.
    expect(outcome({ status: '' })).toBeNull();
    expect(readFunctionEvents([{ status: null }]).events[0].details).toEqual([{ path: 'status', segments: ['status'], label: 'Status', value: null, kind: 'null' }]);
    // A result that is an object is data, not an outcome.
    expect(readFunctionEvents([{ result: { balance: 10 } }]).events[0]).toMatchObject({ outcome: null, details: [{ path: 'result.balance', value: 10 }] });
  });

  it('says what it could not read instead of inventing it', () => {
    const conversation = parseConversation(
      specValid({ functionEvents: { events: [null, { name: 'ok' }] }, tags: ['billing'], polyScore: 0.5 }),
    );
    expect(conversation.functionEvents.map((event) => event.name)).toEqual(['ok']);
    expect(conversation.unread).toEqual(['functionEvents']);
    // Off-contract bodies (what a proxy or a future version might send) are read as far as they can be.
    const offContract = parseConversation({ ...REQUIRED, functionEvents: 'ran lookup', tags: 'billing', note: 7, polyScore: 'high', startedAt: 'soon', finishedAt: 12, polyaiDuration: -3 });
    expect(offContract).toMatchObject({ functionEvents: [], tags: [], note: null, polyScore: null, startedAt: null, finishedAt: null, polyaiSeconds: null });
    expect(offContract.unread).toEqual(['functionEvents', 'polyScore', 'note', 'tags', 'startedAt', 'finishedAt', 'polyaiDuration']);
    expect(parseConversation({ ...REQUIRED, tags: ['a', 3, {}, ''] })).toMatchObject({ tags: ['a', '3'], unread: ['tags'] });
  });

  it('bounds the work: events, details, depth, text and values looked at', () => {
    const many = readFunctionEvents(Array.from({ length: FUNCTION_EVENT_LIMITS.maxEvents + 1 }, (_, index) => ({ name: `f${index}` })));
    expect(many.events).toHaveLength(FUNCTION_EVENT_LIMITS.maxEvents);
    expect(many.truncated).toBe(true);
    expect(readFunctionEvents(Array.from({ length: FUNCTION_EVENT_LIMITS.maxEvents }, () => ({ name: 'f' }))).truncated).toBe(false);

    const wide = Object.fromEntries(Array.from({ length: FUNCTION_EVENT_LIMITS.maxDetails + 1 }, (_, index) => [`k${index}`, index]));
    expect(readFunctionEvents([wide]).events[0].details).toHaveLength(FUNCTION_EVENT_LIMITS.maxDetails);
    expect(readFunctionEvents([wide]).truncated).toBe(true);

    const deep = readFunctionEvents([{ a: { b: { c: { d: { e: 1 } } } } }]).events[0].details;
    expect(deep).toEqual([expect.objectContaining({ path: 'a.b.c.d', kind: 'truncated' })]);
    expect(readFunctionEvents([{ a: { b: { c: { d: 1 } } } }]).events[0].details).toEqual([expect.objectContaining({ path: 'a.b.c.d', value: 1 })]);

    const long = readFunctionEvents([{ text: 'x'.repeat(FUNCTION_EVENT_LIMITS.maxTextChars + 1) }]);
    expect(long.events[0].details[0].value).toBe(`${'x'.repeat(FUNCTION_EVENT_LIMITS.maxTextChars)}…`);
    expect(long.truncated).toBe(true);

    const limits = { ...FUNCTION_EVENT_LIMITS, maxNodes: 10 };
    const capped = readFunctionEvents(Array.from({ length: 50 }, () => ({ name: 'f', a: 1, b: 2 })), limits);
    expect(capped.events.length).toBeLessThan(10);
    expect(capped.truncated).toBe(true);
  });

  it('never throws on hostile records', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    expect(readFunctionEvents(hostile)).toEqual({ events: [], truncated: false, unreadable: 1 });
    expect(parseConversation({ ...REQUIRED, functionEvents: hostile, tags: ['kept'] })).toMatchObject({ functionEvents: [], tags: ['kept'], unread: ['functionEvents'] });
  });
});
