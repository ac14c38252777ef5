import { humanizeCode, humanizeKey, labelForPath, PATH_SEPARATOR, pathOf } from '@polyai-context/model';

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

/** Labels and paths at their edges (found by mutation testing): what an agent reads for each kind of key. */
describe('labels: every abbreviation and separator', () => {
  it.each(['id', 'sid', 'url', 'uri', 'asr', 'tts', 'dob', 'api', 'ivr', 'sms', 'otp', 'pin', 'vip', 'uk', 'us', 'eu', 'iban', 'bic', 'ssn', 'nhs', 'vat', 'sku', 'ip', 'crm', 'cvv', 'faq', 'ai'])(
    'reads %s as capitals in keys and codes',
    (abbreviation) => {
      expect(humanizeKey(`caller_${abbreviation}`)).toBe(`Caller ${abbreviation.toUpperCase()}`);
      expect(humanizeCode(`caller_${abbreviation}`)).toBe(`Caller ${abbreviation.toUpperCase()}`);
      expect(humanizeCode(`${abbreviation}_checked`)).toBe(`${abbreviation.toUpperCase()} checked`);
    },
  );

  it('splits keys on underscores, dashes, spaces, dots and case changes, never leaving empty words', () => {
    expect(humanizeKey('__first--second  third..fourth__')).toBe('First Second Third Fourth');
    expect(humanizeKey('accountHolder2Name')).toBe('Account Holder2 Name');
    expect(humanizeKey('IPAddress')).toBe('IP Address');
    expect(humanizeKey('VIPCustomer')).toBe('VIP Customer');
    expect(humanizeKey('ALLCAPS')).toBe('Allcaps');
    expect(humanizeKey('___')).toBe('___');
    expect(humanizeKey('élan_vital')).toBe('Élan Vital');
  });

  it('humanizes codes written with dashes or dots, in lower case after the first word', () => {
    expect(humanizeCode('ID-AND-POSTCODE')).toBe('ID and postcode');
    expect(humanizeCode('payment.failed')).toBe('Payment failed');
    expect(humanizeCode('card__blocked')).toBe('card__blocked');
    expect(humanizeCode('PIN')).toBe('PIN');
    expect(humanizeCode('two words_here')).toBe('two words_here');
    expect(humanizeCode('_leading')).toBe('_leading');
    expect(humanizeCode('trailing_')).toBe('trailing_');
    expect(humanizeCode('')).toBe('');
  });

  it('quotes every key the path syntax would misread, and only those', () => {
    expect(pathOf(['a', 'b'])).toBe('a.b');
    expect(pathOf(['a.b'])).toBe('["a.b"]');
    expect(pathOf(['x', 'a[0]'])).toBe('x["a[0]"]');
    expect(pathOf(['x', 'a]'])).toBe('x["a]"]');
    expect(pathOf(['x', 'say "hi"'])).toBe('x["say \\"hi\\""]');
    expect(pathOf(['x', ''])).toBe('x[""]');
    expect(pathOf([0, 'a', 12])).toBe('[0].a[12]');
    expect(labelForPath([0, 'a', 12])).toBe('#1 › A › #13');
    expect(PATH_SEPARATOR).toBe(' › ');
  });
});
