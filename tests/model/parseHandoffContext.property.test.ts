/**
 * Property-based tests: whatever a flow, PolyAI or a hostile payload writes into task attributes,
 * `parseHandoffContext` returns a bounded context, never throws, never touches Object.prototype, and
 * keeps every recognised field it was given.
 */
import fc from 'fast-check';

import { DEFAULT_LIMITS, parseHandoffContext, pathOf, type HandoffContext } from '@polyai-context/model';
import { fuzz, fuzzFixed } from '../support/fuzz';

const MAX_PROBLEMS_LISTED = 21; // 20 problems plus one "N more" line
const MAX_TEXT = DEFAULT_LIMITS.maxStringChars + 1; // a cut string ends with one ellipsis

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const RECOGNISED_KEYS = [
  'polyai', 'data', 'error', 'id', 'shared_id', 'call_sid', 'summary', 'handoff_summary', 'handoff_reason',
  'reason', 'handoff_destination', 'destination', 'utterance', 'intent', 'intent_confidence', 'verification',
  'successfully_identified', 'auth_method', 'verification_attempts', 'customer_id', 'caller_name', 'asr_lang_code',
];

// --- invariants ----------------------------------------------------------------------------------

const prototypeNamesBefore = Object.getOwnPropertyNames(Object.prototype).join(',');
const STATUSES = new Set(['present', 'partial', 'unavailable', 'absent']);

/** Longest string anywhere in the output; the walk is bounded by the context's own fixed shape. */
function longestString(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length;
  if (depth > 6 || typeof value !== 'object' || value === null) return 0;
  let longest = 0;
  for (const item of Array.isArray(value) ? value : Object.values(value)) longest = Math.max(longest, longestString(item, depth + 1));
  return longest;
}

// Plain checks rather than `expect` here: this runs on every one of 100,000 cases.
function invariant(holds: boolean, message: string, context: HandoffContext): void {
  if (!holds) throw new Error(`${message}: ${JSON.stringify(context).slice(0, 500)}`);
}

/** Parses, and checks every invariant that holds for any input at all (a throw fails the property). */
function parseSafely(input: unknown): HandoffContext {
  const context = parseHandoffContext(input);
  invariant(STATUSES.has(context.status), 'unknown status', context);
  invariant(context.fields.length <= DEFAULT_LIMITS.maxFields, 'too many fields', context);
  invariant(context.problems.length <= MAX_PROBLEMS_LISTED, 'too many problems', context);
  invariant(longestString(context) <= MAX_TEXT, 'a string over the limit', context);
  invariant(new Set(context.fields.map((field) => field.path)).size === context.fields.length, 'duplicate field paths', context);
  invariant(Object.getOwnPropertyNames(Object.prototype).join(',') === prototypeNamesBefore, 'Object.prototype changed', context);
  invariant(Object.getPrototypeOf({}) === Object.prototype && !('polluted' in {}), 'Object.prototype polluted', context);
  return context;
}

// --- arbitraries ---------------------------------------------------------------------------------

const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, ...RECOGNISED_KEYS), fc.string({ maxLength: 12 }), fc.fullUnicodeString({ maxLength: 6 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1e308, 'true', 'yes', '3', '0.5', '', ' ', '[]', '{}', 'null'),
    fc.string({ maxLength: 20 }),
    fc.fullUnicodeString({ maxLength: 10 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;
/** JSON objects built through JSON.parse, so `__proto__` is an own key as it is in real attributes. */
const jsonObject = fc.dictionary(key, json, { maxKeys: 8 }).map((record) => JSON.parse(JSON.stringify(record)) as unknown);
function isNotJson(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}
// Random strings are sometimes valid JSON ("{}", "1"): those belong to the JSON properties, not here.
const notJson = fc
  .oneof(
    fc.string({ maxLength: 40 }),
    fc.fullUnicodeString({ maxLength: 20 }),
    json.map((value) => `${JSON.stringify(value)}x`),
    json.map((value) => JSON.stringify(value).slice(1)),
    fc.constantFrom('{', '{"polyai":', 'undefined', 'NaN', "{'a':1}", '{"a":1,}', '\u0000', '\ud800'),
  )
  .filter(isNotJson);
/** Anything JavaScript can hand over: Maps, Dates, boxed values, sparse arrays, null prototypes. */
const exotic = fc.anything({
  key,
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Where a payload can sit: the attributes themselves, `polyai`, `polyai.data`, as objects or JSON text. */
const placements: Array<[string, (payload: unknown) => unknown]> = [
  ['attributes', (payload) => payload],
  ['attributes JSON', (payload) => JSON.stringify(payload) ?? String(payload)],
  ['polyai', (payload) => ({ polyai: payload })],
  ['polyai JSON', (payload) => ({ polyai: JSON.stringify(payload) ?? String(payload) })],
  ['polyai.data', (payload) => ({ polyai: { id: 'CA1', data: payload } })],
  ['polyai.data JSON', (payload) => JSON.stringify({ polyai: JSON.stringify({ data: payload }) })],
  ['flat', (payload) => ({ handoff_reason: 'x', ...(typeof payload === 'object' && payload !== null ? payload : { slot: payload }) })],
];
const placed = (payload: fc.Arbitrary<unknown>, among = placements) =>
  fc.tuple(fc.constantFrom(...among), payload).map(([[, place], value]) => place(value));
/** Placements that keep the payload as a JavaScript value (exotic values have no JSON form). */
const objectPlacements = placements.filter(([name]) => !name.includes('JSON'));

describe('parseHandoffContext properties: any input', () => {
  it('never throws and stays bounded for arbitrary JSON in any placement', () => {
    fuzz(placed(json), parseSafely, 0.3);
  });

  it('never throws and stays bounded for JSON objects with prototype and recognised keys', () => {
    fuzz(placed(jsonObject), parseSafely, 0.25);
  });

  it('reports non-JSON strings as attributes, `polyai` or `polyai.data` as the problem they are', () => {
    // Per placement: the status the agent sees and the one problem that says why; a flat string is a field.
    const expected: Record<string, { status: HandoffContext['status']; problem: string }> = {
      attributes: { status: 'absent', problem: 'attributes-invalid-json' },
      'attributes JSON': { status: 'absent', problem: 'attributes-not-object' },
      polyai: { status: 'unavailable', problem: 'polyai-invalid-json' },
      'polyai JSON': { status: 'unavailable', problem: 'polyai-not-object' },
      'polyai.data': { status: 'unavailable', problem: 'polyai-invalid-json' },
      'polyai.data JSON': { status: 'unavailable', problem: 'polyai-invalid-json' },
    };
    fuzz(fc.tuple(fc.constantFrom(...placements), notJson), ([[name, place], text]) => {
      const context = parseSafely(place(text));
      if (name === 'flat') {
        expect(context.status).toBe('present');
        expect(context.fields).toContainEqual(expect.objectContaining({ path: 'slot', value: text, kind: 'string' }));
        return;
      }
      expect({ status: context.status, problems: context.problems.map((problem) => problem.code), fields: context.fields }).toEqual({
        status: expected[name].status,
        problems: [expected[name].problem],
        fields: [],
      });
    }, 0.15);
  });

  it('never throws for exotic JavaScript values (Maps, Dates, boxed values, null prototypes)', () => {
    fuzz(placed(exotic, objectPlacements), parseSafely, 0.1);
  });

  it('reports arrays, numbers and booleans where objects are expected instead of reading them', () => {
    const notObject = fc.oneof(fc.array(json, { maxLength: 4 }), fc.double(), fc.boolean(), fc.integer());
    fuzz(fc.tuple(fc.constantFrom('attributes', 'polyai', 'data'), notObject), ([where, value]) => {
      const input = where === 'attributes' ? value : where === 'polyai' ? { polyai: value } : { polyai: { data: value } };
      const context = parseSafely(input);
      expect(context.fields).toEqual([]);
      expect(context.problems.map((problem) => problem.code)).toContain(
        where === 'attributes' ? 'attributes-not-object' : where === 'polyai' ? 'polyai-not-object' : 'data-not-object',
      );
    }, 0.1);
  });

  it('keeps `__proto__`, `constructor` and `prototype` keys as plain data', () => {
    const payload = fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('polyai', 'flat'));
    fuzz(payload, ([protoKey, value, shape]) => {
      const data = `{"handoff_reason":"x",${JSON.stringify(protoKey)}:{"polluted":${JSON.stringify(value)}}}`;
      const context = parseSafely(JSON.parse(shape === 'polyai' ? `{"polyai":${data}}` : data));
      expect(context.fields).toContainEqual(expect.objectContaining({ segments: [protoKey, 'polluted'], value }));
    }, 0.05);
  });
});

// --- round trip ----------------------------------------------------------------------------------

/** Text a flow could write: non-blank, any Unicode, up to the string limit. */
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.fullUnicodeString({ minLength: 1, maxLength: 20 }),
  fc.constantFrom('<img src=x onerror=alert(1)>', 'javascript:alert(1)', '  padded  ', 'x'.repeat(DEFAULT_LIMITS.maxStringChars)),
).filter((value) => value.trim() !== '');

const handoff = fc.record({
  summary: text,
  summaryKey: fc.constantFrom('summary', 'handoff_summary', 'short_summary'),
  reason: text,
  destination: text,
  utterance: text,
  intent: text,
  intentAsObject: fc.boolean(),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  identified: fc.boolean(),
  method: text,
  attempts: fc.nat({ max: 1_000 }),
  id: text,
  sharedId: text,
  callSid: text,
  asStrings: fc.boolean(),
  noise: fc.dictionary(fc.string({ maxLength: 8 }).map((name) => `x_${name}`), json, { maxKeys: 4 }),
});
type Handoff = typeof handoff extends fc.Arbitrary<infer T> ? T : never;

/** PolyAI data for a handoff; with `asStrings`, numbers and booleans are written as text, as flows do. */
function dataOf(h: Handoff): Record<string, unknown> {
  const scalar = (value: number | boolean) => (h.asStrings ? String(value) : value);
  return {
    ...h.noise,
    [h.summaryKey]: h.summary,
    handoff_reason: h.reason,
    handoff_destination: h.destination,
    utterance: h.utterance,
    ...(h.intentAsObject ? { intent: { name: h.intent, confidence: scalar(h.confidence) } } : { intent: h.intent, intent_confidence: scalar(h.confidence) }),
    verification: { successfully_identified: scalar(h.identified), auth_method: h.method, verification_attempts: scalar(h.attempts) },
    // PolyAI's copy of the call SID: the same value as Twilio's, so it is not listed again.
    call_sid: h.callSid,
  };
}

const RECOGNISED_PATHS = new Set([
  'summary', 'handoff_summary', 'short_summary', 'handoff_reason', 'handoff_destination', 'utterance', 'intent',
  'intent_confidence', 'intent.name', 'intent.confidence', 'verification.successfully_identified',
  'verification.auth_method', 'verification.verification_attempts', 'call_sid', 'id', 'shared_id',
]);

/** Twilio's `call_sid` on the task, and whether the shape has an envelope (whose ids are the call's). */
const shapes: Array<[string, (h: Handoff) => unknown, boolean]> = [
  ['Handoff API envelope', (h) => ({ call_sid: h.callSid, polyai: { id: h.id, shared_id: h.sharedId, data: dataOf(h) } }), true],
  ['envelope as JSON text', (h) => ({ call_sid: h.callSid, polyai: JSON.stringify({ id: h.id, shared_id: h.sharedId, data: dataOf(h) }) }), true],
  ['data as JSON text', (h) => ({ call_sid: h.callSid, polyai: { id: h.id, shared_id: h.sharedId, data: JSON.stringify(dataOf(h)) } }), true],
  ['attributes as JSON text', (h) => JSON.stringify({ call_sid: h.callSid, polyai: { id: h.id, shared_id: h.sharedId, data: dataOf(h) } }), true],
  ['flat attributes', (h) => ({ type: 'inbound', ...dataOf(h) }), false],
];

describe('parseHandoffContext properties: recognised fields survive a round trip', () => {
  it('reads back every recognised field from every shape, objects and JSON text alike', () => {
    fuzz(fc.tuple(handoff, fc.constantFrom(...shapes)), ([h, [, shape, enveloped]]) => {
      const context = parseSafely(shape(h));
      expect(['present', 'partial']).toContain(context.status);
      expect(context.summary).toBe(h.summary.trim());
      expect(context.reason).toBe(h.reason.trim());
      expect(context.destination).toBe(h.destination.trim());
      expect(context.utterance).toBe(h.utterance.trim());
      expect(context.intent).toEqual({ name: h.intent.trim(), confidence: h.confidence });
      expect(context.verification).toEqual({ identified: h.identified, method: h.method.trim(), attempts: h.attempts });
      expect(context.ids).toEqual({ id: enveloped ? h.id.trim() : null, sharedId: enveloped ? h.sharedId.trim() : null, callSid: h.callSid.trim() });
      // Recognised fields are shown in their sections, not again as captured fields.
      expect(context.fields.filter((field) => RECOGNISED_PATHS.has(field.path))).toEqual([]);
    }, 0.05);
  });
});

// --- regressions the properties found ------------------------------------------------------------

describe('parseHandoffContext: counterexamples found by the properties', () => {
  it('gives distinct paths to a dotted key, an empty key and the nested value they resembled', () => {
    // Was: `{"": {"customer_id": 1}}` had the path `customer_id`, so it was hidden as already shown.
    const context = parseHandoffContext({ polyai: JSON.parse('{"customer_id":"c1","":{"customer_id":"nested"},"a.b":1,"a":{"b":2}}') });
    expect(context.customer.id).toBe('c1');
    expect(context.fields.map((field) => [field.path, field.value])).toEqual([
      ['[""].customer_id', 'nested'],
      ['["a.b"]', 1],
      ['a.b', 2],
    ]);
    expect(pathOf(['items', 0, 'sku'])).toBe('items[0].sku');
    expect(pathOf(['x', 'say "hi"', 'a]b'])).toBe('x["say \\"hi\\""]["a]b"]');
  });

  it('keeps one field when two over-long keys are cut to the same text', () => {
    const long = 'k'.repeat(DEFAULT_LIMITS.maxKeyChars);
    const context = parseHandoffContext({ polyai: { [`${long}1`]: 'first', [`${long}2`]: 'second' } });
    expect(context.fields.map((field) => field.value)).toEqual(['first']);
    expect(context.problems.map((problem) => problem.code)).toContain('value-truncated');
  });
});

// --- heavy inputs: few runs each -----------------------------------------------------------------

const TEN_MB = 10 * 1024 * 1024;

describe('parseHandoffContext properties: hostile sizes', () => {
  it('reads values nested 1,000 levels deep as one truncated field', () => {
    const nesting = fc.record({ depth: fc.integer({ min: 1_000, max: 1_100 }), arrays: fc.boolean(), leaf: text, asText: fc.boolean() });
    fuzzFixed(nesting, ({ depth, arrays, leaf, asText }) => {
      const open = arrays ? '[' : '{"n":';
      const close = arrays ? ']' : '}';
      const deep = `${open.repeat(depth)}${JSON.stringify(leaf)}${close.repeat(depth)}`;
      const polyai = `{"handoff_reason":"r","deep":${deep}}`;
      const context = parseSafely(asText ? `{"polyai":${polyai}}` : { polyai: JSON.parse(polyai) });
      expect(context.reason).toBe('r');
      expect(context.fields).toEqual([expect.objectContaining({ kind: 'truncated' })]);
      expect(context.problems.map((problem) => problem.code)).toContain('too-deep');
    }, 20);
  });

  it('cuts 10 MB strings wherever they appear and refuses 10 MB JSON', () => {
    const where = fc.constantFrom('attributes', 'polyai', 'summary', 'value', 'key');
    fuzzFixed(fc.tuple(where, fc.char()), ([place, fill]) => {
      const huge = fill.repeat(TEN_MB);
      const inputs: Record<string, () => unknown> = {
        attributes: () => huge,
        polyai: () => ({ polyai: huge }),
        summary: () => ({ polyai: { data: { summary: `a${huge}` } } }),
        value: () => ({ polyai: { data: { notes: huge } } }),
        key: () => ({ polyai: { data: { [huge]: 'v' } } }),
      };
      const context = parseSafely(inputs[place]());
      expect(context.problems.map((problem) => problem.code)).toEqual(
        expect.arrayContaining([place === 'attributes' || place === 'polyai' ? expect.stringMatching(/too-large|attributes-not-object|polyai-not-object/) : 'value-truncated']),
      );
    }, 10);
  });

  it('keeps the first fields of 100,000 keys and counts the rest', () => {
    fuzzFixed(fc.tuple(fc.boolean(), fc.string({ maxLength: 3 })), ([asText, prefix]) => {
      const data: Record<string, number> = {};
      for (let index = 0; index < 100_000; index += 1) data[`${prefix}k${index}`] = index;
      const context = parseSafely(asText ? { polyai: JSON.stringify({ data }) } : { polyai: { data } });
      expect(context.fields).toHaveLength(DEFAULT_LIMITS.maxFields);
      expect(context.fields[0]).toEqual(expect.objectContaining({ segments: [`${prefix}k0`], value: 0 }));
      expect(context.problems.map((problem) => problem.code)).toContain('too-many-fields');
    }, 4);
  });

  it('finishes a single worst-case parse (deep, wide, long and hostile at once)', () => {
    // Not a timing benchmark (see `npm run bench`): it proves the parse ends, within jest's timeout.
    const wide: Record<string, unknown> = {};
    for (let index = 0; index < 100_000; index += 1) wide[`k${index}`] = index % 2 === 0 ? 'x'.repeat(15) : { __proto__: [index] };
    const deep = `${'['.repeat(1_000)}0${']'.repeat(1_000)}`;
    const worst = `{"polyai":{"data":{"summary":${JSON.stringify('s'.repeat(1_500_000))},"deep":${deep},"wide":${JSON.stringify(wide).slice(0, 300_000)}"}}}`;
    const context = parseSafely(worst);
    expect(context.status).toBe('absent');
    const valid = parseSafely({ polyai: { data: { summary: 's'.repeat(1_500_000), deep: JSON.parse(deep), wide } } });
    expect(valid.fields).toHaveLength(DEFAULT_LIMITS.maxFields);
    expect(valid.summary).toHaveLength(MAX_TEXT);
  }, 30_000);
});
