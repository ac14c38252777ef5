/**
 * If PolyAI echoed the Functions' own secrets (the x-api-key, Twilio's auth token) in its
 * data — values or keys, at any depth — they reach neither task attributes (Studio JSON, TwiML `<Task>`), nor a
 * plugin Function's response, nor a log line.
 */
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { createHandoffToFlexHandler } from '../../serverless/src/functions/polyai-handoff-to-flex.protected';
import { createPolyaiHandoffHandler } from '../../serverless/src/functions/polyai-handoff.protected';
import { REDACTED, scrubJson, scrubText, secretsOf } from '../../serverless/src/lib/secrets';
import { logOutcome } from '../../serverless/src/lib/log';
import { HELD_TASK_SID, captureLogs, FLEX_ORIGIN, flexToken, functionEnv, invokeFunction, taskAttributesFrom, VERIFIED_CALL } from './support/functions';

const logs = captureLogs();
const env = functionEnv(undefined, { POLYAI_API_KEY: 'pk_live_0123456789abcdef', AUTH_TOKEN: 'twilio-auth-token-0123' });
const SECRETS = [env.POLYAI_API_KEY, env.AUTH_TOKEN];

/** PolyAI's answer with our secrets planted in a value, a key, a nested list and the id. */
const echoing = {
  id: VERIFIED_CALL,
  data: {
    summary: `Caller asked about key ${env.POLYAI_API_KEY}.`,
    [`header_${env.POLYAI_API_KEY}`]: 'x',
    debug: { request: { headers: { 'x-api-key': env.POLYAI_API_KEY }, auth: [`Basic ${env.AUTH_TOKEN}`] } },
  },
};
const fetchEchoing = () => jest.fn(async () => new Response(JSON.stringify(echoing), { status: 200 })) as unknown as typeof globalThis.fetch;

function expectNoSecret(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('the Functions scrub their own secrets', () => {
  it('from the Studio Function\'s task attributes', async () => {
    const result = await invokeFunction(createPolyaiHandoffHandler({ fetch: fetchEchoing() }), env, { call_sid: VERIFIED_CALL });
    expectNoSecret(JSON.stringify(result.body));
    const polyai = (result.body as { polyai: { data: Record<string, unknown> } }).polyai;
    expect(polyai.data.summary).toBe(`Caller asked about key ${REDACTED}.`);
    expect(polyai.data[`header_${REDACTED}`]).toBe('x');
    expectNoSecret(logs().join('\n'));
  });

  it('from the TwiML <Task>', async () => {
    const result = await invokeFunction(createHandoffToFlexHandler({ fetch: fetchEchoing() }), env, { CallSid: VERIFIED_CALL, From: '+447700900123' });
    expectNoSecret(String(result.body));
    expect(JSON.stringify(taskAttributesFrom('twiml', result))).toContain(REDACTED);
  });

  it('from the plugin Functions\' responses', async () => {
    const handler = createPolyaiConversationHandler({ validateToken: async () => ({ valid: true, roles: ['admin'] }), fetch: fetchEchoing() });
    const result = await invokeFunction(handler, env, { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
    expect(result.status).toBe(200);
    expectNoSecret(JSON.stringify(result.body));
  });

  it('from log lines, and only settings named like secrets count, eight characters or more', () => {
    const secrets = secretsOf({ ...env, POLYAI_REGION: 'us-1', SHORT_TOKEN: 'abc', API_SECRET: 'api-secret-value' });
    expect(secrets).toEqual(expect.arrayContaining([...SECRETS, 'api-secret-value']));
    expect(secrets).not.toContain('us-1');
    expect(secrets).not.toContain('abc');
    logOutcome(`fn-${env.AUTH_TOKEN}`, { outcome: 'ok' });
    expectNoSecret(logs().join('\n'));
    expect(scrubText(`a${env.AUTH_TOKEN}b`)).toBe('a[redacted]b');
  });

  it('scrubs JSON nested deeper than the stack without recursion', () => {
    let deep: unknown = env.POLYAI_API_KEY;
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    let inner = scrubJson(deep, SECRETS);
    for (let level = 0; level < 100_000; level += 1) inner = (inner as unknown[])[0];
    expect(inner).toBe(REDACTED);
  });
});

describe('scrubJson', () => {
  it('keeps key order and leaves data without secrets as it was', () => {
    const value = { b: 1, a: [{ y: 'x', x: 'y' }], c: { z: null } };
    expect(JSON.stringify(scrubJson(value, SECRETS))).toBe(JSON.stringify(value));
  });

  it('with no secrets hands the value back untouched', () => {
    const value = { a: ['b'] };
    expect(scrubJson(value, [])).toBe(value);
  });

  it('returns an ordinary copy: keys and items can be reassigned and deleted', () => {
    const out = scrubJson({ a: env.AUTH_TOKEN, list: [env.AUTH_TOKEN, 'x'] }, SECRETS);
    expect(out).toEqual({ a: REDACTED, list: [REDACTED, 'x'] });
    out.a = 'changed';
    out.list[1] = 'y';
    expect(out).toEqual({ a: 'changed', list: [REDACTED, 'y'] });
    delete (out as Partial<typeof out>).a;
    out.list.pop();
    expect(out).toEqual({ list: [REDACTED] });
  });
});

describe('secretsOf', () => {
  it('counts settings named KEY / TOKEN / SECRET / PASSWORD or ending _KEY …, not names that merely contain one', () => {
    const secrets = secretsOf({ PASSWORD: 'password-value', MY_API_KEY: 'my-api-key-value', KEY_ID: 'key-id-value', TOKENIZER: 'tokenizer-value' });
    expect(secrets.sort()).toEqual(['my-api-key-value', 'password-value']);
  });

  it('skips long values of ordinary settings and non-string values', () => {
    expect(secretsOf({ POLYAI_BASE_URL: 'https://api.example.test', RETRY_TOKEN: 12345678901 })).toEqual([]);
  });

  it('counts a value of exactly eight characters after trimming, and keeps it trimmed', () => {
    expect(secretsOf({ EIGHT_KEY: '12345678', SEVEN_KEY: '1234567', PADDED_TOKEN: '   abc    ', SPACED_SECRET: '  spaced-secret  ' }).sort())
      .toEqual(['12345678', 'spaced-secret']);
  });

  it('lists each secret once, longest first, so a secret containing another is scrubbed whole', () => {
    const secrets = secretsOf({ A_KEY: 'inner-secret', B_KEY: 'inner-secret', C_KEY: 'outer-inner-secret-long' });
    expect(secrets).toEqual(['outer-inner-secret-long', 'inner-secret']);
    expect(scrubText('x outer-inner-secret-long y inner-secret', secrets)).toBe('x [redacted] y [redacted]');
  });
});
