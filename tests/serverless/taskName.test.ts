/**
 * Flex shows a task by its `name` attribute (task list, canvas header). Every route that creates a task sets it
 * from the caller's name PolyAI captured when `POLYAI_TASK_NAME` allows it (default: only a verified caller),
 * else from the number; the number always stays in `from`.
 */
import { handler as incomingCall } from '../../serverless/src/functions/incoming-call.protected';
import { createHandoffToFlexHandler } from '../../serverless/src/functions/polyai-handoff-to-flex.protected';
import { createPolyaiHandoffHandler } from '../../serverless/src/functions/polyai-handoff.protected';
import { createSipHandoffHandler } from '../../serverless/src/functions/polyai-sip-handoff.protected';
import { asPacking, type PolyaiPacking } from '../../serverless/src/lib/handoff';
import { enqueueAttributes, readTaskNameRule, SEND_TO_FLEX_ATTRIBUTES_CHARS } from '../../serverless/src/lib/routing';
import { handoffErrorAttributes, MAX_POLYAI_ATTRIBUTE_CHARS, toPolyaiAttributes } from '@polyai-context/model';
import { captureLogs, functionEnv, invokeFunction, standinPerTest, taskAttributesFrom, UNKNOWN_CALL, VERIFIED_CALL } from './support/functions';

captureLogs();
const standin = standinPerTest();
const CALLER = '+447700900456';
const NAME = 'Jordan Ellis';

type Route = { route: string; attributes: (env: Record<string, string>, call: string) => Promise<Record<string, unknown>> };
const ROUTES: Route[] = [
  {
    route: 'Studio (polyai-handoff)',
    attributes: async (env, call) => (await invokeFunction(createPolyaiHandoffHandler(), env, { call_sid: call, from: CALLER })).body as Record<string, unknown>,
  },
  {
    route: '<Connect action> (polyai-handoff-to-flex)',
    attributes: async (env, call) =>
      taskAttributesFrom('twiml', await invokeFunction(createHandoffToFlexHandler(), env, { CallSid: call, From: CALLER, VirtualAgentStatus: 'live-agent-handoff' })) as Record<string, unknown>,
  },
  {
    route: 'SIP REFER (polyai-sip-handoff)',
    attributes: async (env, call) =>
      taskAttributesFrom('twiml', await invokeFunction(createSipHandoffHandler(), env, { CallSid: call, From: CALLER, ReferTransferTarget: 'sip:flex@acme.example.com' })) as Record<string, unknown>,
  },
];

describe.each(ROUTES)('$route', ({ attributes }) => {
  it('names the task after a verified caller by default, keeping the number in from', async () => {
    expect(await attributes(functionEnv(standin().url), VERIFIED_CALL)).toMatchObject({ name: NAME, from: CALLER });
  });

  it('keeps the number as the name when the setting is off', async () => {
    expect(await attributes(functionEnv(standin().url, { POLYAI_TASK_NAME: 'off' }), VERIFIED_CALL)).toMatchObject({ name: CALLER, from: CALLER });
  });

  it('keeps the number when PolyAI has no data for the call', async () => {
    expect(await attributes(functionEnv(standin().url, { POLYAI_TASK_NAME: 'any' }), UNKNOWN_CALL)).toMatchObject({ name: CALLER, from: CALLER });
  });
});

it('the route without PolyAI (incoming-call, nothing configured) keeps the number', async () => {
  const result = await invokeFunction(incomingCall, functionEnv(standin().url, { POLYAI_SIP_URI: '', POLYAI_CONNECTOR_NAME: '' }), { CallSid: VERIFIED_CALL, From: CALLER });
  expect(taskAttributesFrom('twiml', result)).toMatchObject({ name: CALLER, from: CALLER });
});

describe('POLYAI_TASK_NAME', () => {
  const off = { POLYAI_INSIGHTS_SLOTS: 'off' };
  /** PolyAI's data as the Functions pack it into whatever room the route leaves. */
  const handoff = (data: Record<string, unknown>): PolyaiPacking => (maxChars) => toPolyaiAttributes({ ok: true, body: { id: VERIFIED_CALL, data } }, maxChars);
  const verified = handoff({ caller_name: NAME, verification: { successfully_identified: true } });
  const unverified = handoff({ caller_name: NAME, verification: { successfully_identified: false } });
  const unsaid = handoff({ caller_name: NAME });
  const nameOf = (polyai: PolyaiPacking, rule?: string) => enqueueAttributes({ From: CALLER }, polyai, rule === undefined ? off : { ...off, POLYAI_TASK_NAME: rule }).name;

  it('reads verified (the default), any or off; anything else is the default', () => {
    expect(readTaskNameRule({})).toBe('verified');
    expect(readTaskNameRule({ POLYAI_TASK_NAME: ' Any ' })).toBe('any');
    expect(readTaskNameRule({ POLYAI_TASK_NAME: 'OFF' })).toBe('off');
    expect(readTaskNameRule({ POLYAI_TASK_NAME: 'verified' })).toBe('verified');
    expect(readTaskNameRule({ POLYAI_TASK_NAME: 'always' })).toBe('verified');
  });

  it('verified: the name only when PolyAI says the caller was verified', () => {
    expect(nameOf(verified)).toBe(NAME);
    expect(nameOf(verified, 'verified')).toBe(NAME);
    expect(nameOf(unverified, 'verified')).toBe(CALLER);
    expect(nameOf(unsaid, 'verified')).toBe(CALLER);
  });

  it('any: the name whether or not the caller was verified', () => {
    expect(nameOf(verified, 'any')).toBe(NAME);
    expect(nameOf(unverified, 'any')).toBe(NAME);
    expect(nameOf(unsaid, 'any')).toBe(NAME);
    expect(nameOf(handoff({ verification: { successfully_identified: true } }), 'any')).toBe(CALLER);
    expect(nameOf(asPacking(handoffErrorAttributes(504, 'PolyAI took too long.')), 'any')).toBe(CALLER);
  });

  it('off: always the number', () => {
    expect(nameOf(verified, 'off')).toBe(CALLER);
  });

  it('sets a name without a number, and none when there is neither', () => {
    expect(enqueueAttributes({}, verified, off)).toMatchObject({ name: NAME });
    expect(enqueueAttributes({}, verified, off)).not.toHaveProperty('from');
    expect(enqueueAttributes({}, unverified, off)).not.toHaveProperty('name');
  });

  it('fits the room of the number it replaces: at most 64 characters, no control characters, spaces collapsed', () => {
    const long = handoff({ caller_name: `${'N'.repeat(70)}`, verification: { successfully_identified: true } });
    expect(nameOf(long)).toBe('N'.repeat(64));
    expect(nameOf(handoff({ caller_name: ' Jordan\u0000\n  Ellis\u0007 ', verification: { successfully_identified: true } }))).toBe('Jordan Ellis');
    expect(nameOf(handoff({ caller_name: '\u0000\u0001 ', verification: { successfully_identified: true } }))).toBe(CALLER);
    // The name counts against the route's budget: Send To Flex's 1,024 characters hold the longest number and
    // name (JSON escapes doubling both), and PolyAI's data keeps what fits.
    const worst = handoff({ caller_name: '"\\'.repeat(40), verification: { successfully_identified: true }, utterance: 'u'.repeat(300) });
    const attributes = enqueueAttributes({ From: `"${'\\'.repeat(100)}`, CallSid: VERIFIED_CALL }, worst, off, SEND_TO_FLEX_ATTRIBUTES_CHARS);
    expect(attributes.name).toBe('"\\'.repeat(32));
    expect(JSON.stringify(attributes).length).toBeLessThanOrEqual(SEND_TO_FLEX_ATTRIBUTES_CHARS);
  });

  it('reads the name from what fits of PolyAI\'s data: a name the compact attributes left out keeps the number', () => {
    // The name packs after the caller's ids: the longest customer id that still fits leaves it out.
    const withId = (chars: number) => handoff({ caller_name: NAME, verification: { successfully_identified: true }, customer_id: 'c'.repeat(chars) });
    let chars = MAX_POLYAI_ATTRIBUTE_CHARS;
    while (chars > 0 && !Object.prototype.hasOwnProperty.call(withId(chars)(MAX_POLYAI_ATTRIBUTE_CHARS).polyai.data, 'customer_id')) chars -= 1;
    expect(chars).toBeGreaterThan(NAME.length);
    expect(nameOf(withId(chars))).toBe(CALLER);
    expect(nameOf(withId(chars - NAME.length * 2))).toBe(NAME);
  });

  it('keeps the name before long texts: a summary or last words that fill the room are cut, the name stays', () => {
    for (const key of ['summary', 'handoff_summary', 'utterance', 'handoff_reason']) {
      expect(nameOf(handoff({ caller_name: NAME, verification: { successfully_identified: true }, [key]: 'x'.repeat(2_000) }))).toBe(NAME);
    }
    expect(nameOf(handoff({ customer_name: NAME, verification: { successfully_identified: true }, summary: 'x'.repeat(2_000) }))).toBe(NAME);
  });
});
