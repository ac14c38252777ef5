/**
 * One attribute budget per route. Studio's Send To Flex takes at most 1,024 characters of attributes JSON, and the
 * Insights values (`conversations`) are part of them: the call's own attributes come first, the Insights values
 * next, and PolyAI's data is packed by priority into what is left; Insights values go, least useful first, before
 * the agent's context would be squeezed below its floor. The TwiML routes have TaskRouter's 4,096.
 */
import { parseHandoffContext, toPolyaiAttributes } from '@polyai-context/model';
import { createPolyaiHandoffHandler } from '../../serverless/src/functions/polyai-handoff.protected';
import { asPacking } from '../../serverless/src/lib/handoff';
import { DEFAULT_INSIGHTS_SLOTS } from '../../serverless/src/lib/insights';
import { enqueueAttributes, SEND_TO_FLEX_ATTRIBUTES_CHARS } from '../../serverless/src/lib/routing';
import { fixture } from '../support/fixtures';
import { functionEnv, invokeFunction, VERIFIED_CALL } from './support/functions';

const verified = fixture('handoff-state-verified.json') as { data: Record<string, unknown> };
/** Insights on, at their default slots. */
const env = functionEnv(undefined, { POLYAI_INSIGHTS_SLOTS: '' });
const ORDER = ['reason', 'intent', 'verified', 'destination', 'context'].map((field) => DEFAULT_INSIGHTS_SLOTS[field as keyof typeof DEFAULT_INSIGHTS_SLOTS]);

/** The verified sample with reason, intent and destination of `chars` characters each. */
function sample(chars: number) {
  const text = (word: string) => `${word}_`.padEnd(chars, 'x');
  return { ...verified, data: { ...verified.data, handoff_reason: text('billing_dispute'), intent: text('dispute_charge'), handoff_destination: text('billing_queue') } };
}

async function studio(body: unknown, from = '+447700900123') {
  const fetch = jest.fn(async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof globalThis.fetch;
  const result = await invokeFunction(createPolyaiHandoffHandler({ fetch }), env, { call_sid: VERIFIED_CALL, from });
  return result.body as Record<string, unknown>;
}

describe('Studio route: one 1,024-character budget, Insights values included', () => {
  it('the verified sample with ordinary 60-character reason, intent and destination fits with every Insights value', async () => {
    const attributes = await studio(sample(60));
    expect(JSON.stringify(attributes).length).toBeLessThanOrEqual(SEND_TO_FLEX_ATTRIBUTES_CHARS);
    expect(Object.keys(attributes.conversations as object)).toEqual(ORDER);
    const context = parseHandoffContext(attributes);
    // Who the caller is and why they called survive the cut (verification, the caller's ids, the 60-character
    // intent); what did not fit is named in the marker and comes with the full fetch when the tab opens: with the
    // task's access binding (lib/taskBinding) in the budget too, that includes the reason.
    expect(context.verification).toEqual({ identified: true, method: 'dob_and_postcode', attempts: 1 });
    expect(context.customer.id).toBe('12345');
    expect(context.intent?.name).toBe(sample(60).data.intent);
    expect(context.notLoaded?.keys).toEqual(expect.arrayContaining(['handoff_reason', 'handoff_destination', 'summary', 'utterance']));
  });

  it('long values and a hostile 64-character caller: still within 1,024, the context first, Insights values dropped least useful first', async () => {
    const attributes = await studio(sample(120), `"${'"'.repeat(63)}`);
    expect(JSON.stringify(attributes).length).toBeLessThanOrEqual(SEND_TO_FLEX_ATTRIBUTES_CHARS);
    const kept = Object.keys((attributes.conversations ?? {}) as object);
    expect(kept).toEqual(ORDER.slice(0, kept.length));
    expect(kept.length).toBeLessThan(ORDER.length);
    expect(parseHandoffContext(attributes).verification?.identified).toBe(true);
  });
});

describe('enqueueAttributes: the budget at its edge', () => {
  const polyai = asPacking(toPolyaiAttributes({ ok: true, body: sample(60) }));
  const packing = (maxChars: number) => toPolyaiAttributes({ ok: true, body: sample(60) }, maxChars);
  const event = { CallSid: VERIFIED_CALL, From: '+447700900123' };
  const length = (maxChars: number) => JSON.stringify(enqueueAttributes(event, packing, env, maxChars)).length;
  const insightsKept = (maxChars: number) => Object.keys((enqueueAttributes(event, packing, env, maxChars).conversations ?? {}) as object).length;

  it('never over the budget, from a roomy 1,100 down to 700', () => {
    for (let maxChars = 1_100; maxChars >= 700; maxChars -= 1) expect(length(maxChars)).toBeLessThanOrEqual(maxChars);
  });

  it('drops an Insights value only when keeping it would leave the data less than its floor: one character decides', () => {
    let edge = 1_100;
    while (insightsKept(edge - 1) === ORDER.length) edge -= 1;
    expect(insightsKept(edge)).toBe(ORDER.length);
    expect(insightsKept(edge - 1)).toBe(ORDER.length - 1);
  });

  it('an error marker is the same whatever the budget', () => {
    const error = { polyai: { error: { status: 500, message: 'down' } } };
    expect(enqueueAttributes(event, asPacking(error), env, SEND_TO_FLEX_ATTRIBUTES_CHARS).polyai).toEqual(error.polyai);
    expect(enqueueAttributes(event, polyai, env).polyai).toEqual(toPolyaiAttributes({ ok: true, body: sample(60) }).polyai);
  });
});
