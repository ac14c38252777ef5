/**
 * The `polyai` task attribute stays within its budget for any Handoff API body: values of any (unequal)
 * sizes, long ids, any budget. What is kept is kept unchanged and in PolyAI's order; what is left out is
 * counted.
 */
import fc from 'fast-check';

import { MAX_POLYAI_ATTRIBUTE_CHARS, toPolyaiAttributes } from '../../../src/model';
import { fuzz } from '../../support/fuzz';

const value = fc.oneof(
  fc.string({ maxLength: 3_000 }),
  fc.string({ unit: 'binary', maxLength: 500 }), // escapes (\n, \u0000) and astral characters make JSON longer than the text
  fc.integer(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 400 }), { maxKeys: 4 }),
);
const body = fc.record(
  {
    id: fc.string({ maxLength: 300 }),
    shared_id: fc.string({ maxLength: 300 }),
    data: fc.dictionary(fc.string({ minLength: 1, maxLength: 30 }), value, { maxKeys: 25 }),
  },
  { requiredKeys: ['data'] },
);

function checkBudget(state: { data: Record<string, unknown> }, maxChars: number): void {
  const { polyai } = toPolyaiAttributes({ ok: true, body: state }, maxChars);
  expect(JSON.stringify(polyai).length).toBeLessThanOrEqual(maxChars);
  const kept = polyai.data as Record<string, unknown>;
  const keys = Object.keys(state.data);
  expect(Object.keys(kept)).toEqual(keys.filter((key) => Object.prototype.hasOwnProperty.call(kept, key)));
  for (const key of Object.keys(kept)) expect(kept[key]).toEqual(state.data[key]);
  const omitted = keys.length - Object.keys(kept).length;
  expect(polyai.omitted_keys).toBe(omitted > 0 ? omitted : undefined);
}

describe('polyai attribute budget', () => {
  it('stays within 8,000 characters with values of unequal sizes', () => {
    // 300 layouts of 40 values from 0 to 1,200 characters: the budget runs out part-way, at every possible
    // distance from its end, where each character of the accounting matters.
    for (let layout = 0; layout < 300; layout += 1) {
      const data: Record<string, string> = {};
      for (let i = 0; i < 40; i += 1) data[`slot_${i}`] = 'x'.repeat((i * 397 + layout * 31) % 1_201);
      checkBudget({ data }, MAX_POLYAI_ATTRIBUTE_CHARS);
    }
  });

  it('uses the budget: a value that fits with room for the omission count is kept, one over is not', () => {
    // {"data":{"a":"…"}} is 15 characters around the value; 40 spare leave room for `,"omitted_keys":N`.
    const fits = toPolyaiAttributes({ ok: true, body: { data: { a: 'x'.repeat(1_000 - 15 - 40) } } }, 1_000);
    expect(fits.polyai).toEqual({ data: { a: 'x'.repeat(945) } });
    const over = toPolyaiAttributes({ ok: true, body: { data: { a: 'x'.repeat(1_000 - 15 + 1), b: 1 } } }, 1_000);
    expect(over.polyai).toEqual({ data: { b: 1 }, omitted_keys: 1 });
  });

  it('holds for any Handoff API body and any budget', () => {
    fuzz(fc.tuple(body, fc.integer({ min: 100, max: 12_000 })), ([state, maxChars]) => checkBudget(state, maxChars), 0.01);
  });
});
