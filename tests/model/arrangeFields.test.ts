/**
 * The model hands the views their captured-field rows: labels are the parse's own (admin labels win), and the
 * sensitivity of each row and of the caller's account number is decided here, from patterns compiled once.
 */
import { arrangeFields, compileMaskPatterns, DEFAULT_MASK_PATTERNS, isAccountNumberSensitive, parseHandoffContext, type CapturedField, type FieldRules } from '@polyai-context/model';

const RULES: FieldRules = { fieldOrder: [], fieldLabels: {}, hiddenFields: [], maskPatterns: compileMaskPatterns(DEFAULT_MASK_PATTERNS) };
const fieldsOf = (data: Record<string, unknown>) => parseHandoffContext({ polyai: { id: 'h1', data } }).fields;

describe('arrangeFields', () => {
  it('labels rows with the labels the parse built: full label as parsed, the row label past its group', () => {
    const fields = fieldsOf({ plan_tier: 'gold', slots: { charge_amount: 12, merchantName: 'ACME' } });
    const rows = arrangeFields(fields, RULES).flatMap((group) => group.rows.map((row) => [group.label, row.label, row.fullLabel, row.field.label]));
    expect(rows).toEqual([
      [null, 'Plan Tier', 'Plan Tier', 'Plan Tier'],
      ['Slots', 'Charge Amount', 'Slots › Charge Amount', 'Slots › Charge Amount'],
      ['Slots', 'Merchant Name', 'Slots › Merchant Name', 'Slots › Merchant Name'],
    ]);
  });

  it('reuses the field label rather than rebuilding it from the path', () => {
    // A label the parse wrote differently from what the path would give: the row shows the parse's.
    const field: CapturedField = { path: 'slots.x', segments: ['slots', 'x'], label: 'Slots › The X', value: 1, kind: 'number' };
    const top: CapturedField = { path: 'y', segments: ['y'], label: 'Why', value: 2, kind: 'number' };
    const [first, second] = arrangeFields([top, field], RULES);
    expect(first.rows[0].label).toBe('Why');
    expect(second.rows[0]).toEqual(expect.objectContaining({ label: 'The X', fullLabel: 'Slots › The X' }));
  });

  it('lets admin labels win for groups, rows and top-level keys', () => {
    const fields = fieldsOf({ plan_tier: 'gold', slots: { charge_amount: 12, merchant: 'ACME' } });
    const rules = { ...RULES, fieldLabels: { slots: 'Payment', 'slots.merchant': 'Shop', plan_tier: 'Tier' } };
    const rows = arrangeFields(fields, rules).flatMap((group) => group.rows.map((row) => row.fullLabel));
    expect(rows).toEqual(['Tier', 'Payment › Charge Amount', 'Payment › Shop']);
  });

  it('flags sensitive rows, except values already masked at the source', () => {
    const fields = fieldsOf({ card_number: '4111111111111111', card: { last_four: '1111' }, iban: '****6789', note: 'fine' });
    const sensitive = Object.fromEntries(arrangeFields(fields, RULES).flatMap((group) => group.rows.map((row) => [row.field.path, row.sensitive])));
    expect(sensitive).toEqual({ card_number: true, 'card.last_four': false, iban: false, note: false });
    expect(arrangeFields(fields, { ...RULES, maskPatterns: [] }).flatMap((group) => group.rows.filter((row) => row.sensitive))).toEqual([]);
  });
});

describe('isAccountNumberSensitive', () => {
  const customer = (accountNumber: string | null) => ({ id: null, name: null, accountNumber });
  it('is decided by the patterns, and never for a value masked at the source', () => {
    expect(isAccountNumberSensitive(customer('12345678'), RULES.maskPatterns)).toBe(true);
    expect(isAccountNumberSensitive(customer('****5678'), RULES.maskPatterns)).toBe(false);
    expect(isAccountNumberSensitive(customer('12345678'), [])).toBe(false);
    expect(isAccountNumberSensitive(customer('12345678'), compileMaskPatterns(['^account_number$']))).toBe(true);
    expect(isAccountNumberSensitive(customer('12345678'), compileMaskPatterns(['^card$']))).toBe(false);
  });
});

describe('arrangeFields: hidden fields and order', () => {
  const paths = (groups: ReturnType<typeof arrangeFields>) => groups.flatMap((group) => group.rows.map((row) => row.field.path));

  it('hides a path and everything under it, but not keys that merely start with the same letters', () => {
    const fields = fieldsOf({ plan: 'a', plan_tier: 'b', slots: { a: 1 }, slotsX: 2, items: [1, 2], itemsy: 3 });
    expect(paths(arrangeFields(fields, { ...RULES, hiddenFields: ['plan', 'slots', 'items'] }))).toEqual(['plan_tier', 'slotsX', 'itemsy']);
    expect(paths(arrangeFields(fields, { ...RULES, hiddenFields: ['slots.a', 'items[1]'] }))).toEqual(['plan', 'plan_tier', 'slotsX', 'itemsy', 'items[0]']);
  });

  it('keeps PolyAI order, top-level values before nested groups', () => {
    const fields = fieldsOf({ grp: { x: 1 }, e: 1, d: 2, c: 3, b: 4, a: 5 });
    expect(arrangeFields(fields, RULES).map((group) => group.key)).toEqual([null, 'grp']);
    expect(paths(arrangeFields(fields, RULES))).toEqual(['e', 'd', 'c', 'b', 'a', 'grp.x']);
  });

  it('puts the admin order first, in the admin order, a parent rule covering its children', () => {
    const fields = fieldsOf({ a: 1, slots: { a: 1, b: 2 }, z: 3, c: 4, grp: { x: 1 } });
    const groups = arrangeFields(fields, { ...RULES, fieldOrder: ['slots.b', 'z', 'a', 'grp'] });
    expect(groups.map((group) => group.key)).toEqual(['slots', null, 'grp']);
    expect(paths(groups)).toEqual(['slots.b', 'slots.a', 'z', 'a', 'c', 'grp.x']);
  });

  it('keeps a group keyed "null" apart from the top-level values, and each group apart', () => {
    const groups = arrangeFields(fieldsOf({ a: 1, null: { x: 1 }, b: { y: 2 } }), RULES);
    expect(groups.map((group) => [group.key, group.rows.map((row) => row.field.path)])).toEqual([
      [null, ['a']],
      ['null', ['null.x']],
      ['b', ['b.y']],
    ]);
  });
});
