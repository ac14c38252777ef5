/**
 * The Functions' edges that mutation testing found untested: how settings are read, which origins and
 * tokens pass, what is logged, how Retry-After and PolyAI's statuses are read, and what goes on a task.
 */
import { MAX_POLYAI_ATTRIBUTE_CHARS } from '@polyai-context/model';
import { readPolyaiConfig, list, type PolyaiConfig } from '../../serverless/src/lib/config';
import { corsFor } from '../../serverless/src/lib/cors';
import { checkFlexToken } from '../../serverless/src/lib/flexToken';
import { asPacking, fetchFirstFound, fetchHandoffAttributes } from '../../serverless/src/lib/handoff';
import { handoffLookup } from '../../serverless/src/lib/ids';
import { createPolyaiClient } from '../../serverless/src/lib/polyaiClient';
import { enqueueAttributes, readWorkflowSid } from '../../serverless/src/lib/routing';
import { ACCOUNT_SID, captureLogs, flexToken, functionEnv, VERIFIED_CALL } from './support/functions';

const logs = captureLogs();
const required = { POLYAI_ACCOUNT_ID: 'acme', POLYAI_PROJECT_ID: 'billing', POLYAI_API_KEY: 'k' };
const configOf = (env: Record<string, string>) => {
  const result = readPolyaiConfig({ ...required, ...env });
  if (!result.ok) throw new Error(result.problem);
  return result.config;
};

describe('PolyAI settings', () => {
  it('defaults to the us-1 region, trims values and accepts two-digit regions', () => {
    expect(configOf({}).baseUrl).toBe('https://api.us-1.platform.polyai.app');
    expect(configOf({ POLYAI_REGION: 'eu-12' }).baseUrl).toBe('https://api.eu-12.platform.polyai.app');
    expect(configOf({ POLYAI_ACCOUNT_ID: '  acme  ' }).accountId).toBe('acme');
  });

  it.each(['x.evil.com/us-1', 'us-1.evil.com'])('refuses the region %s', (region) => {
    expect(readPolyaiConfig({ ...required, POLYAI_REGION: region }).ok).toBe(false);
  });

  it.each(['usa', 'xus', 'eu-1', 'studios'])('refuses the Conversations region %s: only us, eu, uk or studio, whole', (region) => {
    expect(readPolyaiConfig({ ...required, POLYAI_CONVERSATIONS_REGION: region })).toEqual({
      ok: false,
      problem: 'POLYAI_CONVERSATIONS_BASE_URL must be an https URL (http only for 127.0.0.1), POLYAI_CONVERSATIONS_REGION one of us, eu, uk, studio.',
    });
  });

  it('names every missing setting', () => {
    expect(readPolyaiConfig({ POLYAI_PROJECT_ID: 'billing' })).toEqual({ ok: false, problem: 'Missing settings: POLYAI_ACCOUNT_ID, POLYAI_API_KEY.' });
  });

  it.each([
    ['https://polyai.example.com///', 'https://polyai.example.com'],
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://[::1]:4010/', 'http://[::1]:4010'],
  ])('accepts the base URL %s as %s', (url, baseUrl) => {
    expect(configOf({ POLYAI_BASE_URL: url }).baseUrl).toBe(baseUrl);
  });

  it.each(['ftp://127.0.0.1/', 'http://10.0.0.1', 'ws://localhost:4010'])('refuses the base URL %s (the key would travel unprotected)', (url) => {
    expect(readPolyaiConfig({ ...required, POLYAI_BASE_URL: url }).ok).toBe(false);
  });

  it.each([
    ['2500', 2_500],
    [' 2500 ', 2_500],
    ['0', 3_000],
    ['-5', 3_000],
    ['1.5', 3_000],
    ['', 3_000],
    ['soon', 3_000],
  ])('reads POLYAI_TIMEOUT_MS %j as %i ms, a positive whole number or the default', (value, ms) => {
    expect(configOf({ POLYAI_TIMEOUT_MS: value }).attemptTimeoutMs).toBe(ms);
  });

  it('never lets one attempt outlast the whole deadline', () => {
    expect(configOf({ POLYAI_TIMEOUT_MS: '5000', POLYAI_DEADLINE_MS: '2000' })).toMatchObject({ attemptTimeoutMs: 2_000, deadlineMs: 2_000 });
  });

  it('reads a list setting item by item, without blanks or trailing slashes', () => {
    expect(list(' https://a.example/, ,https://b.example//,,')).toEqual(['https://a.example', 'https://b.example']);
    expect(list(undefined)).toEqual([]);
  });
});

describe('CORS for the plugin-facing Functions', () => {
  const env = { FLEX_ALLOWED_ORIGINS: 'https://flex.twilio.com' };

  it('adds no CORS headers to a request without an Origin (not a browser), leaving the decision to the token', () => {
    expect(corsFor(undefined, env)).toEqual({ allowed: true, headers: {} });
    expect(corsFor('', env)).toEqual({ allowed: true, headers: {} });
  });

  it('refuses an origin that is not listed', () => {
    expect(corsFor('https://evil.example', env)).toEqual({ allowed: false, headers: {} });
  });
});

describe('Flex token shape', () => {
  const account = { accountSid: ACCOUNT_SID, authToken: 'auth-token-secret' };
  const validate = jest.fn(async () => ({ valid: true }));
  const check = (token: unknown) => checkFlexToken(token, account, validate);

  it('asks for a token when none or an empty one is sent', async () => {
    expect(await check('')).toEqual({ ok: false, status: 401, message: 'A Flex token is required.' });
    expect(await check(42)).toEqual({ ok: false, status: 401, message: 'A Flex token is required.' });
  });

  it.each([
    ['text before it', (token: string) => `Bearer ${token}`],
    ['text after it', (token: string) => `${token} extra`],
  ])('refuses a token with %s as malformed', async (_, wrap) => {
    expect(await check(wrap(flexToken()))).toEqual({ ok: false, status: 401, message: 'The Flex token is malformed.' });
  });

  it('accepts a token of up to 8,192 characters and refuses a longer one unread', async () => {
    const token = flexToken();
    const atLimit = token + 'a'.repeat(8_192 - token.length);
    expect(await check(atLimit)).toMatchObject({ ok: true });
    expect(await check(`${atLimit}a`)).toEqual({ ok: false, status: 401, message: 'The Flex token is malformed.' });
  });

  it('treats a token expiring this very millisecond as expired', async () => {
    const now = 1_800_000_000_000;
    jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      expect(await check(flexToken({ exp: now / 1000 }))).toEqual({ ok: false, status: 401, message: 'The Flex token has expired.' });
      expect(await check(flexToken({ exp: now / 1000 + 1 }))).toMatchObject({ ok: true });
    } finally {
      jest.restoreAllMocks();
    }
  });
});

describe('ids', () => {
  it('looks up the call when the shared id or id is sent empty, as Studio sends unset variables', () => {
    expect(handoffLookup({ shared_id: '', id: '', call_sid: VERIFIED_CALL })).toEqual({ param: 'id', value: VERIFIED_CALL });
  });

  it('refuses a Call SID with anything before it', () => {
    expect(handoffLookup({ call_sid: `x${VERIFIED_CALL}` })).toBeNull();
  });
});

describe('handoff attributes: what the Function logs', () => {
  const outcome = () => logs().map((line) => JSON.parse(line) as Record<string, unknown>);

  it('logs why it did not ask PolyAI: an invalid id, or missing settings', async () => {
    await fetchHandoffAttributes('polyai-handoff', functionEnv(), { call_sid: 'bad' }, {});
    await fetchHandoffAttributes('polyai-handoff', functionEnv(undefined, { POLYAI_API_KEY: '' }), { call_sid: VERIFIED_CALL }, {});
    expect(outcome()).toEqual([
      { fn: 'polyai-handoff', outcome: 'invalid-id' },
      { fn: 'polyai-handoff', outcome: 'not-configured' },
    ]);
  });

  it('logs how long PolyAI took', async () => {
    const fetch = jest.fn(async () => new Response('{"data":{}}', { status: 200 }));
    await fetchHandoffAttributes('polyai-handoff', functionEnv(), { call_sid: VERIFIED_CALL }, { fetch: fetch as unknown as typeof globalThis.fetch });
    const [line] = outcome();
    expect(line).toMatchObject({ outcome: 'ok', status: 200, attempts: 1 });
    expect(line.ms).toBeGreaterThanOrEqual(0);
    expect(line.ms).toBeLessThan(5_000);
  });

  it('still routes the call with an error marker when our own code fails, and logs it', async () => {
    const broken = new Proxy({}, { get: () => { throw new Error('bug'); } });
    const attributes = await fetchHandoffAttributes('polyai-handoff', functionEnv(), { call_sid: VERIFIED_CALL }, broken);
    expect(attributes(MAX_POLYAI_ATTRIBUTE_CHARS)).toEqual({ polyai: { error: { status: null, message: 'PolyAI data could not be fetched.' } } });
    const [line] = outcome();
    expect(line).toMatchObject({ fn: 'polyai-handoff', outcome: 'crashed' });
    expect(line.ms).toBeGreaterThanOrEqual(0);
    expect(line.ms).toBeLessThan(5_000);
  });
});

describe('handoff lookups in order: what is skipped, logged and tried', () => {
  const outcome = () => logs().map((line) => JSON.parse(line) as Record<string, unknown>);
  const notFound = () => jest.fn(async () => new Response('{"error":"not found"}', { status: 404 }));

  it('counts a candidate as a skipped id when any of its values was sent invalid, even beside an empty one', async () => {
    const fetch = notFound();
    await fetchFirstFound('polyai-handoff', functionEnv(), [{ shared_id: 'not an id', id: '' }, { call_sid: VERIFIED_CALL }], { fetch: fetch as unknown as typeof globalThis.fetch });
    expect(outcome()[0]).toEqual({ fn: 'polyai-handoff', outcome: 'invalid-id', skipped: 1 });
  });

  it('logs no skipped ids when none was invalid', async () => {
    const fetch = notFound();
    await fetchFirstFound('polyai-handoff', functionEnv(), [{ shared_id: '' }, { call_sid: VERIFIED_CALL }], { fetch: fetch as unknown as typeof globalThis.fetch });
    expect(outcome().filter((line) => 'skipped' in line)).toEqual([]);
  });

  it('logs only the invalid-id outcome, without a skipped count, when nothing valid is left', async () => {
    await fetchFirstFound('polyai-handoff', functionEnv(), [{ shared_id: 'not an id' }], {});
    expect(outcome()).toEqual([{ fn: 'polyai-handoff', outcome: 'invalid-id' }]);
  });

  it('still tries the next lookup when the 404 came exactly 1.5 s after the start, not later', async () => {
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const slowNotFound = (ms: number) => jest.fn(async () => { now += ms; return new Response('{"error":"not found"}', { status: 404 }); });
      const onTime = slowNotFound(1_500);
      await fetchFirstFound('polyai-handoff', functionEnv(), [{ shared_id: 'acme-1' }, { call_sid: VERIFIED_CALL }], { fetch: onTime as unknown as typeof globalThis.fetch });
      expect(onTime).toHaveBeenCalledTimes(2);
      const late = slowNotFound(1_501);
      await fetchFirstFound('polyai-handoff', functionEnv(), [{ shared_id: 'acme-1' }, { call_sid: VERIFIED_CALL }], { fetch: late as unknown as typeof globalThis.fetch });
      expect(late).toHaveBeenCalledTimes(1);
    } finally {
      clock.mockRestore();
    }
  });
});

describe('PolyAI client: statuses, Retry-After, timers', () => {
  const config: PolyaiConfig = { ...configOf({}), attemptTimeoutMs: 1_000, deadlineMs: 6_000 };
  const answering = (...responses: Response[]) => jest.fn(async () => responses.shift() ?? new Response('{}', { status: 599 }));

  it.each([
    [400, 'PolyAI rejected the request (400).'],
    [409, 'PolyAI rejected the request (409).'],
    [500, 'PolyAI had a server error (500).'],
  ])('words a %i in its own terms', async (status, message) => {
    const fetch = answering(new Response('{"error":"caller data"}', { status }), new Response('{"error":"caller data"}', { status }));
    const result = await createPolyaiClient(config, { fetch: fetch as unknown as typeof globalThis.fetch, sleep: async () => undefined }).fetchConversation('CA1');
    expect(result).toMatchObject({ ok: false, error: { status, message } });
  });

  it.each([
    ['blank', ' ', 200],
    ['only a no-break space (U+00A0), which HTTP does not trim', '\u00a0', 200],
    ['not a number or a date', 'Infinity', 200],
    ['an HTTP date in the past', 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
  ])('reads a Retry-After that is %s (%j) as a %i ms pause', async (_, header, ms) => {
    const sleep = jest.fn(async () => undefined);
    const fetch = answering(new Response('', { status: 503, headers: { 'retry-after': header } }), new Response('{"data":{}}', { status: 200 }));
    await createPolyaiClient(config, { fetch: fetch as unknown as typeof globalThis.fetch, sleep }).fetchHandoffState({ param: 'id', value: 'x' });
    expect(sleep).toHaveBeenCalledWith(ms);
  });

  it('reads a Retry-After HTTP date as the time until then', async () => {
    const sleep = jest.fn(async (_ms: number) => undefined);
    // The clock stands still at a whole second: the pause is exact however long the machine takes to get there.
    const now = Date.UTC(2026, 10, 20, 9, 0, 0);
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      const inThreeSeconds = new Date(now + 3_000).toUTCString();
      const fetch = answering(new Response('', { status: 429, headers: { 'retry-after': inThreeSeconds } }), new Response('{"data":{}}', { status: 200 }));
      await createPolyaiClient(config, { fetch: fetch as unknown as typeof globalThis.fetch, sleep }).fetchHandoffState({ param: 'id', value: 'x' });
      expect(sleep).toHaveBeenCalledWith(3_000);
    } finally {
      clock.mockRestore();
    }
  });

  it('accepts a body of exactly 2,000,000 bytes', async () => {
    const body = `{"data":{"note":"${'x'.repeat(2_000_000 - 20)}"}}`;
    const fetch = answering(new Response(body, { status: 200 }));
    const result = await createPolyaiClient(config, { fetch: fetch as unknown as typeof globalThis.fetch }).fetchConversation('CA1');
    expect(result.ok).toBe(true);
  });

  it('leaves no timer running once it has answered, so a Function can end', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
    try {
      const fetch = answering(new Response('{"data":{}}', { status: 200 }));
      await createPolyaiClient(config, { fetch: fetch as unknown as typeof globalThis.fetch }).fetchConversation('CA1');
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('what goes on the Flex task', () => {
  const polyai = asPacking({ polyai: { data: {} } });
  const insightsOff = { POLYAI_INSIGHTS_SLOTS: 'off' };

  it('accepts only a workflow SID, nothing around it', () => {
    const sid = `WW${'a'.repeat(32)}`;
    expect(readWorkflowSid({ FLEX_WORKFLOW_SID: ` ${sid} ` })).toBe(sid);
    expect(readWorkflowSid({ FLEX_WORKFLOW_SID: `x${sid}` })).toBeNull();
    expect(readWorkflowSid({ FLEX_WORKFLOW_SID: `${sid}x` })).toBeNull();
  });

  it('keeps at most 64 characters of the caller number, and no name or number keys when none was sent', () => {
    expect(enqueueAttributes({ From: `+44${'1'.repeat(100)}` }, polyai, insightsOff)).toMatchObject({ from: `+44${'1'.repeat(61)}`, name: `+44${'1'.repeat(61)}` });
    expect(Object.keys(enqueueAttributes({ CallSid: VERIFIED_CALL }, polyai, insightsOff)).sort()).toEqual(['call_sid', 'polyai', 'type']);
  });

  it('has no call_sid key when no valid Call SID was sent', () => {
    for (const event of [{ From: '+441234' }, { From: '+441234', CallSid: 'CA-not-a-sid', call_sid: '' }]) {
      expect(Object.keys(enqueueAttributes(event, polyai, insightsOff)).sort()).toEqual(['from', 'name', 'polyai', 'type']);
    }
  });
});
