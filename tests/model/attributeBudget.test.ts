/**
 * The `polyai` task attribute stays within its budget when PolyAI's values have unequal sizes: the budget then
 * runs out part-way through the keys, at every distance from its end, where each character of the accounting
 * matters (a cap that overshot by 14 characters with unequal values). Deterministic layouts, so the
 * check does not depend on a random run finding the edge; the property in handoffAttributes.test.ts covers
 * arbitrary bodies.
 */
import { INCOMPLETE_MARKER, MAX_POLYAI_ATTRIBUTE_CHARS, toPolyaiAttributes } from '@polyai-context/model';

describe('polyai attribute budget', () => {
  it.each([MAX_POLYAI_ATTRIBUTE_CHARS, 1_024, 8_000])('stays within %i characters with values of unequal sizes', (budget) => {
    for (let layout = 0; layout < 300; layout += 1) {
      const data: Record<string, string> = {};
      for (let i = 0; i < 40; i += 1) data[`slot_${i}`] = 'x'.repeat((i * 397 + layout * 31) % Math.round(budget * 0.15 + 1));
      const { polyai } = toPolyaiAttributes({ ok: true, body: { id: `CA${layout}`, data } }, budget);
      expect(JSON.stringify(polyai).length).toBeLessThanOrEqual(budget);
      // Every value is kept whole or counted as not loaded: none is lost silently.
      const kept = polyai.data as Record<string, unknown>;
      const whole = Object.keys(data).filter((key) => kept[key] === data[key]);
      const marker = polyai[INCOMPLETE_MARKER] as { count: number } | undefined;
      expect(whole.length + (marker?.count ?? 0)).toBe(40);
    }
  });
});
