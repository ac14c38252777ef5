/** Flex Insights `conversations` values: slots, merging without overwriting, Insights' and TaskRouter's limits. */
import { parseHandoffContext } from '@polyai-context/model';
import {
  conversationChanges,
  handoffInsights,
  DEFAULT_INSIGHTS_SLOTS,
  handoffInsightsValues,
  readInsightsSlots,
  verdictInsightsValues,
} from '../../serverless/src/lib/insights';
import { fixture } from '../support/fixtures';

const verified = { type: 'inbound', polyai: fixture('handoff-state-verified.json') };

describe('handoff Insights values', () => {
  it('maps reason, intent, verified, destination and context status to the default slots', () => {
    expect(handoffInsightsValues(parseHandoffContext(verified), DEFAULT_INSIGHTS_SLOTS)).toEqual({
      conversation_attribute_4: 'billing_dispute',
      conversation_attribute_5: 'dispute_charge',
      conversation_attribute_6: 'Verified',
      conversation_attribute_7: 'billing_queue',
      conversation_attribute_8: 'Present',
    });
  });

  it.each([
    [{ polyai: { data: { verification: { successfully_identified: false } } } }, { conversation_attribute_6: 'Not verified', conversation_attribute_8: 'Present' }],
    [{ polyai: { error: { status: 504, message: 'timeout' } } }, { conversation_attribute_6: 'Unknown', conversation_attribute_8: 'Unavailable' }],
    [{ type: 'inbound' }, {}],
  ])('says whether the caller was verified and whether the context arrived (%j)', (attributes, expected) => {
    expect(handoffInsightsValues(parseHandoffContext(attributes), DEFAULT_INSIGHTS_SLOTS)).toEqual(expected);
  });

  it('marks partial context as Partial', () => {
    const context = parseHandoffContext({ polyai: { data: { intent: 'x', slots: { a: 'b'.repeat(20_000) } } } });
    expect(context.status).toBe('partial');
    expect(handoffInsightsValues(context, DEFAULT_INSIGHTS_SLOTS).conversation_attribute_8).toBe('Partial');
  });

  it('cuts values to the 128 characters Insights loads, never inside a surrogate pair', () => {
    const reason = `${'r'.repeat(127)}😀tail`;
    const values = handoffInsightsValues(parseHandoffContext({ polyai: { data: { handoff_reason: reason } } }), DEFAULT_INSIGHTS_SLOTS);
    expect(values.conversation_attribute_4).toBe(`${'r'.repeat(127)}😀`);
  });

  it('trims each value and writes no blank one, whatever context it is given', () => {
    const context = { ...parseHandoffContext(verified), reason: '  billing dispute  ', intent: { name: '   ', confidence: null }, destination: '' };
    expect(handoffInsightsValues(context, DEFAULT_INSIGHTS_SLOTS)).toEqual({
      conversation_attribute_4: 'billing dispute',
      conversation_attribute_6: 'Verified',
      conversation_attribute_8: 'Present',
    });
  });

  it.each([
    ['right', 'Context right'],
    ['incomplete', 'Context incomplete'],
    ['wrong', 'Context wrong'],
  ] as const)('writes the verdict %p as %p', (verdict, value) => {
    expect(verdictInsightsValues({ verdict, reason: null }, DEFAULT_INSIGHTS_SLOTS)).toEqual({ conversation_attribute_9: value });
  });

  it.each([
    ['wrong_intent', 'Wrong intent'],
    ['not_verified', 'Not verified'],
    ['missing_data', 'Missing data'],
    ['should_not_escalate', 'Should not have been escalated'],
  ] as const)('writes the verdict reason %p as %p', (reason, value) => {
    expect(verdictInsightsValues({ verdict: 'incomplete', reason }, DEFAULT_INSIGHTS_SLOTS).conversation_attribute_10).toBe(value);
  });

  it('maps the verdict and its reason', () => {
    expect(verdictInsightsValues({ verdict: 'wrong', reason: 'not_verified' }, DEFAULT_INSIGHTS_SLOTS)).toEqual({
      conversation_attribute_9: 'Context wrong',
      conversation_attribute_10: 'Not verified',
    });
    expect(verdictInsightsValues({ verdict: 'right', reason: null }, DEFAULT_INSIGHTS_SLOTS)).toEqual({ conversation_attribute_9: 'Context right' });
  });
});

describe('POLYAI_INSIGHTS_SLOTS', () => {
  it('defaults to custom attributes 4–10', () => {
    expect(readInsightsSlots({})).toEqual({ slots: DEFAULT_INSIGHTS_SLOTS, problems: [] });
  });

  it('moves a field to another slot or a documented standard field, or turns it off', () => {
    const { slots, problems } = readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: 'reason=1, intent=content ,destination=off' });
    expect(problems).toEqual([]);
    expect(slots).toEqual({ ...DEFAULT_INSIGHTS_SLOTS, reason: 'conversation_attribute_1', intent: 'content', destination: null });
  });

  it('allows spaces around "=" and ignores blank entries', () => {
    const { slots, problems } = readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: ' reason = 1 , , intent =content,, ' });
    expect(problems).toEqual([]);
    expect(slots).toEqual({ ...DEFAULT_INSIGHTS_SLOTS, reason: 'conversation_attribute_1', intent: 'content' });
  });

  it('names the entry it refuses, trimmed and cut to 60 characters, and the targets it accepts', () => {
    const long = `reason=${'x'.repeat(100)}`;
    expect(readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: ` mood=3 ,${long}` }).problems).toEqual([
      'POLYAI_INSIGHTS_SLOTS: "mood=3" is not field=1..10|content|case|campaign|initiative|destination|language|source|off.',
      `POLYAI_INSIGHTS_SLOTS: "${long.slice(0, 60)}" is not field=1..10|content|case|campaign|initiative|destination|language|source|off.`,
    ]);
  });

  it('turns everything off with "off"', () => {
    const { slots } = readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: 'off' });
    expect(Object.values(slots).every((slot) => slot === null)).toBe(true);
    expect(handoffInsightsValues(parseHandoffContext(verified), slots)).toEqual({});
  });

  it.each(['reason=11', 'reason=0', 'mood=3', 'reason=outcome', 'reason'])('reports "%s" and keeps that field\'s default', (spec) => {
    const { slots, problems } = readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: spec });
    expect(problems).toHaveLength(1);
    expect(slots).toEqual(DEFAULT_INSIGHTS_SLOTS);
  });

  it('refuses two fields in one slot', () => {
    const { slots, problems } = readInsightsSlots({ POLYAI_INSIGHTS_SLOTS: 'reason=5' });
    expect(problems).toEqual(['POLYAI_INSIGHTS_SLOTS: two fields share one target; using the defaults.']);
    expect(slots).toBe(DEFAULT_INSIGHTS_SLOTS);
  });
});

describe('what merging into conversations changes', () => {
  it('never overwrites a key Studio or Flex already set', () => {
    const existing = { conversation_attribute_4: 'set by Studio', direction: 'Inbound' };
    expect(conversationChanges(existing, { conversation_attribute_4: 'ours', conversation_attribute_5: 'ours too' }, [])).toEqual({ set: { conversation_attribute_5: 'ours too' }, remove: [] });
  });

  it('updates the keys it owns and removes those it no longer writes, only where they are', () => {
    const existing = { conversation_attribute_9: 'Context wrong', conversation_attribute_10: 'Not verified', case: 'X' };
    const owned = ['conversation_attribute_9', 'conversation_attribute_10', 'conversation_attribute_7'];
    expect(conversationChanges(existing, { conversation_attribute_9: 'Context right' }, owned)).toEqual({ set: { conversation_attribute_9: 'Context right' }, remove: ['conversation_attribute_10'] });
  });

  it('changes nothing when there is nothing to add and nothing owned', () => {
    expect(conversationChanges({ case: 'X' }, {}, [])).toEqual({ set: {}, remove: [] });
  });
});

describe('handoffInsights (the routing Functions\' values; lib/routing fits them in the route\'s budget)', () => {
  it('reads the handoff values from the attributes', () => {
    expect(handoffInsights(verified, {})).toEqual(expect.objectContaining({ conversation_attribute_8: 'Present' }));
  });

  it('honours the slots in the environment', () => {
    expect(handoffInsights(verified, { POLYAI_INSIGHTS_SLOTS: 'off' })).toEqual({});
  });

  it('never throws: exotic attributes give no values', () => {
    const hostile = { polyai: { data: {} } } as Record<string, unknown>;
    Object.defineProperty(hostile, 'polyai', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(handoffInsights(hostile, {})).toEqual({});
  });
});
