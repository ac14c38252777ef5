/**
 * The Functions' settings and what each Function accepts (docs/functions.md, docs/reporting.md and serverless/.env.example),
 * one row per rule in docs/rules.md: every region and its hosts, limits on both sides of their boundaries, and
 * letter case and spacing the way admins type them. Every member of the default lists: roles, Insights keys.
 */
import { parseHandoffContext } from '@polyai-context/model';
import { readPolyaiConfig } from '../../../serverless/src/lib/config';
import { corsFor } from '../../../serverless/src/lib/cors';
import { handoffLookup, isCallSid, isOpaqueId } from '../../../serverless/src/lib/ids';
import {
  DEFAULT_INSIGHTS_SLOTS,
  handoffInsightsValues,
  INSIGHTS_FIELDS,
  MAX_INSIGHTS_VALUE_CHARS,
  readInsightsSlots,
} from '../../../serverless/src/lib/insights';
import { DEFAULT_UNRESTRICTED_ROLES, unrestrictedRoles } from '../../../serverless/src/lib/taskAccess';

const REQUIRED = { POLYAI_ACCOUNT_ID: 'ws-acme', POLYAI_PROJECT_ID: 'PROJECT-acme', POLYAI_API_KEY: 'key-1234567890' };

function configOf(env: Record<string, string>) {
  const result = readPolyaiConfig({ ...REQUIRED, ...env });
  if (!result.ok) throw new Error(result.problem);
  return result.config;
}

describe('PolyAI regions and hosts', () => {
  it.each([
    ['us-1', 'https://api.us-1.platform.polyai.app', 'https://api.us.poly.ai'],
    ['uk-1', 'https://api.uk-1.platform.polyai.app', 'https://api.uk.poly.ai'],
    ['euw-1', 'https://api.euw-1.platform.polyai.app', 'https://api.eu.poly.ai'],
  ])('POLYAI_REGION %s: the Handoff API on %s, the Conversations API on %s', (region, handoff, conversations) => {
    for (const spelling of [region, region.toUpperCase(), ` ${region} `]) {
      const config = configOf({ POLYAI_REGION: spelling });
      expect([spelling, config.baseUrl, config.conversations.baseUrl]).toEqual([spelling, handoff, conversations]);
    }
  });

  it('no region: us-1', () => {
    expect(configOf({}).baseUrl).toBe('https://api.us-1.platform.polyai.app');
    expect(configOf({ POLYAI_REGION: '  ' }).conversations.baseUrl).toBe('https://api.us.poly.ai');
  });

  it.each(['us', 'eu', 'uk', 'studio'])('POLYAI_CONVERSATIONS_REGION %s (any case) wins over the region\'s', (region) => {
    expect(configOf({ POLYAI_REGION: 'uk-1', POLYAI_CONVERSATIONS_REGION: ` ${region.toUpperCase()} ` }).conversations.baseUrl).toBe(`https://api.${region}.poly.ai`);
  });

  it.each(['us 1', 'us-1/evil', 'us_1', 'u-1'])('POLYAI_REGION %j is refused with a clear problem', (region) => {
    expect(readPolyaiConfig({ ...REQUIRED, POLYAI_REGION: region })).toEqual({ ok: false, problem: expect.stringContaining('POLYAI_REGION like us-1') });
  });

  it.each(['asia', 'us-1'])('POLYAI_CONVERSATIONS_REGION %j is refused', (region) => {
    expect(readPolyaiConfig({ ...REQUIRED, POLYAI_CONVERSATIONS_REGION: region })).toMatchObject({ ok: false });
  });

  it('an explicit base URL wins over the region, without its trailing slashes; http only on this machine', () => {
    expect(configOf({ POLYAI_REGION: 'uk-1', POLYAI_BASE_URL: ' https://polyai.example.com// ' }).baseUrl).toBe('https://polyai.example.com');
    expect(configOf({ POLYAI_BASE_URL: 'http://127.0.0.1:4010' }).baseUrl).toBe('http://127.0.0.1:4010');
    expect(readPolyaiConfig({ ...REQUIRED, POLYAI_BASE_URL: 'http://polyai.example.com' })).toMatchObject({ ok: false });
  });

  it.each(['POLYAI_ACCOUNT_ID', 'POLYAI_PROJECT_ID', 'POLYAI_API_KEY'])('%s is required: unset or blank, the Function says so', (name) => {
    expect(readPolyaiConfig({ ...REQUIRED, [name]: '   ' })).toEqual({ ok: false, problem: `Missing settings: ${name}.` });
  });
});

describe('timeouts and the deadline', () => {
  it('defaults: 3 s per attempt, 6 s in all', () => {
    expect(configOf({})).toMatchObject({ attemptTimeoutMs: 3000, deadlineMs: 6000 });
  });

  it.each([
    ['7999', 7999], ['8000', 8000], ['8001', 8000], ['60000', 8000], [' 7000 ', 7000], ['1', 1],
    ['0', 6000], ['-5', 6000], ['6.5', 6000], ['6s', 6000], ['', 6000],
  ])('POLYAI_DEADLINE_MS %j → %i ms (capped at 8 s, below Studio\'s 10 s)', (value, expected) => {
    expect(configOf({ POLYAI_DEADLINE_MS: value }).deadlineMs).toBe(expected);
  });

  it.each([
    ['2500', '6000', 2500], ['6000', '6000', 6000], ['6001', '6000', 6000], ['5000', '4000', 4000], ['0', '6000', 3000], ['abc', '2000', 2000],
  ])('POLYAI_TIMEOUT_MS %j with a deadline of %s → %i ms per attempt (never past the deadline)', (timeout, deadline, expected) => {
    expect(configOf({ POLYAI_TIMEOUT_MS: timeout, POLYAI_DEADLINE_MS: deadline }).attemptTimeoutMs).toBe(expected);
  });
});

describe('FLEX_ALLOWED_ORIGINS', () => {
  const env = { FLEX_ALLOWED_ORIGINS: ' https://Flex.Twilio.com/ ,https://agents.example.com,, ' };

  it.each(['https://flex.twilio.com', 'https://FLEX.twilio.com', 'https://agents.example.com'])('allows %s, as the setting lists it in any case and spacing', (origin) => {
    expect(corsFor(origin, env)).toMatchObject({ allowed: true, headers: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } });
  });

  it.each(['http://flex.twilio.com', 'https://flex.twilio.com.evil.example', 'https://evil.example', 'null', 'https://agents.example.com:8443'])('refuses %s', (origin) => {
    expect(corsFor(origin, env)).toEqual({ allowed: false, headers: {} });
  });

  it('no Origin header: not a browser\'s cross-origin call, the token decides', () => {
    expect(corsFor(undefined, env)).toEqual({ allowed: true, headers: {} });
    expect(corsFor('https://flex.twilio.com', {})).toEqual({ allowed: false, headers: {} });
  });
});

describe('POLYAI_UNRESTRICTED_ROLES', () => {
  it('defaults to supervisor and admin', () => {
    expect(DEFAULT_UNRESTRICTED_ROLES).toEqual(['supervisor', 'admin']);
    expect(unrestrictedRoles({})).toEqual(['supervisor', 'admin']);
  });

  it.each([
    [' Supervisor , ADMIN ', ['supervisor', 'admin']],
    ['wfo.full_access', ['wfo.full_access']],
    ['', []],
    [' , ', []],
  ])('%j → %j (lower case, trimmed; empty: nobody)', (setting, roles) => {
    expect(unrestrictedRoles({ POLYAI_UNRESTRICTED_ROLES: setting })).toEqual(roles);
  });
});

describe('Flex Insights keys', () => {
  it('every field has its README default key, 4 to 10, and nothing else is written', () => {
    expect(INSIGHTS_FIELDS).toEqual(['reason', 'intent', 'verified', 'destination', 'context', 'verdict', 'verdict_reason']);
    expect(DEFAULT_INSIGHTS_SLOTS).toEqual({
      reason: 'conversation_attribute_4',
      intent: 'conversation_attribute_5',
      verified: 'conversation_attribute_6',
      destination: 'conversation_attribute_7',
      context: 'conversation_attribute_8',
      verdict: 'conversation_attribute_9',
      verdict_reason: 'conversation_attribute_10',
    });
    expect(readInsightsSlots({})).toEqual({ slots: DEFAULT_INSIGHTS_SLOTS, problems: [] });
  });

  it.each(INSIGHTS_FIELDS.flatMap((field) => ['1', '10', 'content', 'case', 'campaign', 'initiative', 'destination', 'language', 'source'].map((target) => [field, target])))(
    '%s may move to %s',
    (field, target) => {
      // verdict_reason holds 10 by default: freed first (a later entry for the same field wins).
      const { slots, problems } = readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: `verdict_reason=off,${field}=${target}` });
      expect(problems).toEqual([]);
      expect(slots[field as keyof typeof slots]).toBe(/^\d+$/.test(target) ? `conversation_attribute_${target}` : target);
    },
  );

  it.each(INSIGHTS_FIELDS)('%s may be turned off, in any case and spacing', (field) => {
    const { slots, problems } = readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: ` ${field.toUpperCase()} = Off ` });
    expect(problems).toEqual([]);
    expect(slots[field]).toBeNull();
  });

  it.each(['0', '11', '-1', '4.5', 'outcome', 'direction', 'queue', 'channel', 'conversation_attribute_4', ''])('target %j is refused: the field keeps its default', (target) => {
    const { slots, problems } = readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: `reason=${target}` });
    expect(slots.reason).toBe('conversation_attribute_4');
    expect(problems).toHaveLength(1);
  });

  it('letter case and spacing: ` Reason = 1 , INTENT=Content ` moves both', () => {
    const { slots, problems } = readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: ' Reason = 1 , INTENT=Content ' });
    expect(problems).toEqual([]);
    expect(slots).toMatchObject({ reason: 'conversation_attribute_1', intent: 'content' });
  });

  it.each(['off', 'OFF', ' Off '])('%j alone turns every field off', (setting) => {
    expect(Object.values(readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: setting }).slots)).toEqual(INSIGHTS_FIELDS.map(() => null));
  });

  it('two fields on one key: the defaults, and a problem', () => {
    expect(readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: 'reason=5' })).toEqual({ slots: DEFAULT_INSIGHTS_SLOTS, problems: [expect.stringContaining('share one target')] });
  });

  it.each([
    [{ successfully_identified: true }, 'Verified'],
    [{ successfully_identified: 'no' }, 'Not verified'],
    [{ auth_method: 'dob' }, 'Unknown'],
    [{}, 'Unknown'],
  ])('verified: %j → %s', (verification, value) => {
    const context = parseHandoffContext({ polyai: { id: 'h', data: { intent: 'x', ...verification } } });
    expect(handoffInsightsValues(context, DEFAULT_INSIGHTS_SLOTS).conversation_attribute_6).toBe(value);
  });

  it.each([
    [{ polyai: { id: 'h', data: { intent: 'x' } } }, 'Present'],
    [{ polyai: { id: 'h', data: { intent: 'x', intent_confidence: 5 } } }, 'Partial'],
    [{ polyai: { error: { status: 504, message: 'slow' } } }, 'Unavailable'],
  ])('context: %j → %s', (attributes, value) => {
    expect(handoffInsightsValues(parseHandoffContext(attributes), DEFAULT_INSIGHTS_SLOTS).conversation_attribute_8).toBe(value);
  });

  it('a task that is not PolyAI\'s gets no Insights value at all', () => {
    expect(handoffInsightsValues(parseHandoffContext({ type: 'inbound' }), DEFAULT_INSIGHTS_SLOTS)).toEqual({});
  });

  it('reason, intent and destination as PolyAI sent them, trimmed, cut at 128 characters without splitting an emoji', () => {
    const long = `${'x'.repeat(MAX_INSIGHTS_VALUE_CHARS - 1)}😀tail`;
    const context = parseHandoffContext({ polyai: { id: 'h', data: { handoff_reason: ' billing_dispute ', intent: 'dispute_charge', handoff_destination: long } } });
    const values = handoffInsightsValues(context, DEFAULT_INSIGHTS_SLOTS);
    expect(values).toMatchObject({ conversation_attribute_4: 'billing_dispute', conversation_attribute_5: 'dispute_charge' });
    expect(values.conversation_attribute_7).toBe('x'.repeat(MAX_INSIGHTS_VALUE_CHARS - 1) + '😀');
  });

  // Each verdict and each reason's text: tests/serverless/insights.test.ts, *writes the verdict %p as %p*.
});

describe('ids a Function accepts, and which it looks up first', () => {
  it.each([
    [`CA${'a'.repeat(32)}`, true], [`CA${'A'.repeat(32)}`, true], [`CA${'a'.repeat(31)}`, false], [`CA${'a'.repeat(33)}`, false], [`ca${'a'.repeat(32)}`, false], [`CA${'g'.repeat(32)}`, false],
  ])('Call SID %s: %s', (sid, valid) => {
    expect(isCallSid(sid)).toBe(valid);
  });

  it.each([
    ['a'.repeat(128), true], ['a'.repeat(129), false], ['acme:42_x-y.z', true], ['-leading', false], ['a b', false], ['a/b', false], ['a?b', false], ['a%2F', false], ['', false],
  ])('handoff or shared id %j: %s', (id, valid) => {
    expect(isOpaqueId(id)).toBe(valid);
  });

  const CALL = `CA${'c'.repeat(32)}`;
  it.each([
    [{ shared_id: 's-1', id: 'h-1', call_sid: CALL }, { param: 'shared_id', value: 's-1' }],
    [{ call_sid: CALL, id: 'h-1', shared_id: 's-1' }, { param: 'shared_id', value: 's-1' }],
    [{ id: 'h-1', call_sid: CALL }, { param: 'id', value: 'h-1' }],
    [{ call_sid: CALL, id: 'h-1' }, { param: 'id', value: 'h-1' }],
    [{ shared_id: '', id: '', call_sid: CALL }, { param: 'id', value: CALL }],
    [{ CallSid: CALL }, { param: 'id', value: CALL }],
    [{ call_sid: 'not-a-sid', CallSid: CALL }, null],
    [{ shared_id: 'bad id', id: 'h-1' }, null],
  ])('polyai-handoff given %j looks up %j (shared id, then id, then the call; a bad id is refused, not skipped)', (event, lookup) => {
    expect(handoffLookup(event)).toEqual(lookup);
  });
});
