/**
 * Secrets never leak in part. A 43-character PolyAI key placed so that each length limit cuts it (the 512-character
 * SIP header cut, the 128-character Insights cut, the 200-character VirtualAgentError cut, the 16-character error
 * code cut, the 64-character caller cut, the `polyai` budget's summary cut) leaves no run of 8 of its characters in
 * the task attributes, Insights values or `polyai.error.message`: values are scrubbed before they are cut, and any
 * run of 8+ characters of a secret is scrubbed, also when PolyAI itself echoed a key already cut.
 */
import { parseHandoffContext } from '@polyai-context/model';
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { createHandoffToFlexHandler } from '../../serverless/src/functions/polyai-handoff-to-flex.protected';
import { createPolyaiHandoffHandler } from '../../serverless/src/functions/polyai-handoff.protected';
import { createSipHandoffHandler } from '../../serverless/src/functions/polyai-sip-handoff.protected';
import { MIN_SECRET_RUN_CHARS, REDACTED, scrubJson, scrubText } from '../../serverless/src/lib/secrets';
import { handoffInsights } from '../../serverless/src/lib/insights';
import { readSipHandback } from '../../serverless/src/lib/sipHeaders';
import { captureLogs, FLEX_ORIGIN, flexToken, functionEnv, invokeFunction, taskAttributesFrom, VERIFIED_CALL } from './support/functions';

const logs = captureLogs();
/** 43 characters, as PolyAI's keys are long random strings. */
const KEY = 'pk_live_7Hq2Zx9Lm4Wc8Rt1Vb6Nd3Ys5Kf0Jg2Pa8Q';
const env = functionEnv(undefined, { POLYAI_API_KEY: KEY, POLYAI_INSIGHTS_SLOTS: '' });
const VOICE = { CallSid: VERIFIED_CALL, From: '+447700900123', CallStatus: 'in-progress' };

/**
 * Every piece of KEY long enough to matter, and its first 7 characters: a cut 7 characters into the key leaves
 * those only if the value was cut before it was scrubbed.
 */
function expectNoRun(text: string): void {
  for (let start = 0; start + MIN_SECRET_RUN_CHARS <= KEY.length; start += 1) expect(text).not.toContain(KEY.slice(start, start + MIN_SECRET_RUN_CHARS));
  expect(text).not.toContain(KEY.slice(0, MIN_SECRET_RUN_CHARS - 1));
}
/** How much of the key each cut keeps: all but one character, and fewer than a run. */
const KEPT = [KEY.length - 1, MIN_SECRET_RUN_CHARS - 1];
/** What a cut leaves of `[redacted]` at the least (7 characters of the key were replaced by as many of it). */
const SCRUBBED = REDACTED.slice(0, MIN_SECRET_RUN_CHARS - 1);
type Params = (kept: number) => Record<string, string>;
const eachKept = <N, R extends unknown[]>(cases: Array<[N, ...R]>) => cases.flatMap(([name, ...rest]) => KEPT.map((kept): [N, number, ...R] => [name, kept, ...rest]));

/** `length` characters of filler then the key: a cut at `limit` keeps `limit - length` characters of the key. */
const keyCutAt = (limit: number, kept = KEY.length - 1, fill = 'x') => `${fill.repeat(limit - kept)}${KEY}`;

const polyaiDown = () => jest.fn(async () => new Response('{}', { status: 500 })) as unknown as typeof globalThis.fetch;
const polyaiAnswering = (body: unknown) => jest.fn(async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof globalThis.fetch;

describe('scrubText: any run of 8 or more characters of a secret', () => {
  it('the whole key, each piece of 8 to 42 characters from either end, wherever it sits, becomes one [redacted]', () => {
    expect(KEY).toHaveLength(43);
    for (let kept = MIN_SECRET_RUN_CHARS; kept <= KEY.length; kept += 1) {
      expect(scrubText(`a ${KEY.slice(0, kept)} b`, [KEY])).toBe(`a ${REDACTED} b`);
      expect(scrubText(`a ${KEY.slice(KEY.length - kept)} b`, [KEY])).toBe(`a ${REDACTED} b`);
    }
    expect(scrubText(`${KEY.slice(10, 30)}`, [KEY])).toBe(REDACTED);
    expect(scrubText(`${KEY}${KEY}|${KEY.slice(3, 12)}`, [KEY])).toBe(`${REDACTED}|${REDACTED}`);
  });

  it('7 characters are not a run: ordinary text that happens to share them is kept', () => {
    const seven = KEY.slice(0, MIN_SECRET_RUN_CHARS - 1);
    expect(scrubText(`a ${seven} b`, [KEY])).toBe(`a ${seven} b`);
    expect(scrubText(`${KEY.slice(0, 7)}-${KEY.slice(7, 14)}`, [KEY])).toBe(`${KEY.slice(0, 7)}-${KEY.slice(7, 14)}`);
  });

  it('in keys and values of JSON', () => {
    expect(scrubJson({ [`k${KEY.slice(0, 20)}`]: [`v${KEY.slice(23)}`] }, [KEY])).toEqual({ [`k${REDACTED}`]: [`v${REDACTED}`] });
  });
});

describe('scrubbed before every cut', () => {
  it.each(eachKept<string, [Params]>([
    ['Refer-To header, 512-character cut', (kept: number) => ({ ReferTransferTarget: `<sip:flex@acme.example.com?X-Note=${keyCutAt(512, kept)}>` })],
    ['DialSipHeader_, 512-character cut', (kept: number) => ({ DialCallStatus: 'completed', 'DialSipHeader_X-Note': keyCutAt(512, kept) })],
    ['SIP reason header, 128-character Insights cut', (kept: number) => ({ ReferTransferTarget: `<sip:flex@acme.example.com?X-Reason=${keyCutAt(128, kept)}>` })],
  ]))('SIP route, PolyAI\'s API down: %s, %p characters of the key kept', async (_, kept, params) => {
    const result = await invokeFunction(createSipHandoffHandler({ fetch: polyaiDown() }), env, { ...VOICE, ...params(kept) });
    expect(typeof taskAttributesFrom('twiml', result)).toBe('object');
    expectNoRun(String(result.body));
    // What the header parser keeps (a 512-character value may then be left out of the task by its budget).
    const kept512 = [...readSipHandback({ ...VOICE, ...params(kept) }, [KEY]).headers.values()].join();
    expect(kept512).toContain(SCRUBBED);
    expectNoRun(kept512);
  });

  it.each(KEPT)('the Insights cut on its own: a reason holding the key is scrubbed before Insights keeps 128 characters (%p kept)', (kept) => {
    const attributes = { call_sid: VERIFIED_CALL, polyai: { data: { handoff_reason: keyCutAt(128, kept), intent: keyCutAt(128, 20) } } };
    const values = handoffInsights(attributes, env);
    expect(values.conversation_attribute_4).toContain(SCRUBBED);
    expectNoRun(JSON.stringify(values));
  });

  it.each(eachKept<string, [Params]>([
    ['VirtualAgentError, 200-character cut', (kept: number) => ({ VirtualAgentStatus: 'failed', VirtualAgentError: keyCutAt(200, kept) })],
    ['VirtualAgentErrorCode, 16-character cut', (kept: number) => ({ VirtualAgentStatus: 'failed', VirtualAgentErrorCode: keyCutAt(16, Math.min(kept, 12)) })],
  ]))('connector route: %s never reaches polyai.error.message in part (%p kept)', async (_, kept, params) => {
    const result = await invokeFunction(createHandoffToFlexHandler({ fetch: polyaiDown() }), env, { ...VOICE, ...params(kept) });
    const attributes = taskAttributesFrom('twiml', result) as Record<string, unknown>;
    const message = parseHandoffContext(attributes).error?.message ?? '';
    expect(message).toContain(SCRUBBED);
    expectNoRun(String(result.body));
  });

  it.each(eachKept<string, [typeof createPolyaiHandoffHandler, Params]>([
    ['the caller\'s From, 64-character cut', createHandoffToFlexHandler, (kept: number) => ({ ...VOICE, VirtualAgentStatus: 'live-agent-handoff', From: keyCutAt(64, kept, '1') })],
    ['Studio\'s from, 64-character cut', createPolyaiHandoffHandler, (kept: number) => ({ call_sid: VERIFIED_CALL, from: keyCutAt(64, kept, '1') })],
  ]))('%s (%p kept)', async (_, kept, factory, params) => {
    const result = await invokeFunction(factory({ fetch: polyaiDown() }), env, params(kept));
    const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    expect(text).toContain(SCRUBBED);
    expectNoRun(text);
  });

  it('PolyAI echoing the key in a summary the polyai budget cuts, and a key PolyAI already cut to 42 characters', async () => {
    const body = { id: VERIFIED_CALL, data: { handoff_reason: 'refund', summary: keyCutAt(500), utterance: `said ${KEY.slice(0, 42)}` } };
    const result = await invokeFunction(createPolyaiHandoffHandler({ fetch: polyaiAnswering(body) }), env, { call_sid: VERIFIED_CALL });
    expectNoRun(JSON.stringify(result.body));
    expect(JSON.stringify(result.body)).toContain(REDACTED);
  });

  it('the plugin\'s Functions: a key PolyAI already cut never reaches the agent\'s browser', async () => {
    const handler = createPolyaiConversationHandler({ validateToken: async () => ({ valid: true, roles: ['admin'] }), fetch: polyaiAnswering({ turns: [{ text: KEY.slice(1) }] }) });
    const result = await invokeFunction(handler, env, { Token: flexToken(), conversationId: VERIFIED_CALL, request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
    expectNoRun(JSON.stringify(result.body));
    expectNoRun(logs().join('\n'));
  });
});
