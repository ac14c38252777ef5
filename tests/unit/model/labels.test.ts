import { humanizeCode, humanizeKey, labelForPath, pathOf } from '@polyai-context/model';

describe('labels', () => {
  it.each([
    ['customer_id', 'Customer ID'],
    ['account_number', 'Account Number'],
    ['asr_lang_code', 'ASR Lang Code'],
    ['shortSummary', 'Short Summary'],
    ['callSID', 'Call SID'],
    ['dob', 'DOB'],
    ['', ''],
  ])('humanizeKey(%p) is %p', (key, label) => {
    expect(humanizeKey(key)).toBe(label);
  });

  it('humanizes machine codes but leaves prose alone', () => {
    expect(humanizeCode('dob_and_postcode')).toBe('DOB and postcode');
    expect(humanizeCode('billing_dispute')).toBe('Billing dispute');
    expect(humanizeCode('Caller wants a refund')).toBe('Caller wants a refund');
    expect(humanizeCode('refund')).toBe('refund');
  });

  it('builds readable labels and machine paths for nested values', () => {
    expect(labelForPath(['slots', 'charge_amount'])).toBe('Slots › Charge Amount');
    expect(labelForPath(['items', 0, 'sku'])).toBe('Items › #1 › SKU');
    expect(pathOf(['items', 0, 'sku'])).toBe('items[0].sku');
    expect(pathOf([])).toBe('');
  });

  it('gives the same labels and paths once its per-key cache has been filled and emptied', () => {
    const before = [humanizeKey('customer_id'), pathOf(['a.b', 0, 'sku']), labelForPath(['a.b', 0, 'sku'])];
    // More distinct keys than the cache holds: it is cleared and refilled on the way.
    for (let index = 0; index < 5000; index += 1) expect(humanizeKey(`order_${index}_id`)).toBe(`Order ${index} ID`);
    expect([humanizeKey('customer_id'), pathOf(['a.b', 0, 'sku']), labelForPath(['a.b', 0, 'sku'])]).toEqual(before);
    expect(before).toEqual(['Customer ID', '["a.b"][0].sku', 'A B › #1 › SKU']);
  });
});
