import { compileMaskPatterns, DEFAULT_MASK_PATTERNS, isSensitivePath, normaliseKey } from '../../../src/model';

const defaults = compileMaskPatterns(DEFAULT_MASK_PATTERNS);

describe('masking', () => {
  it('normalises keys to lower snake case', () => {
    expect(normaliseKey('accountNumber')).toBe('account_number');
    expect(normaliseKey('Account-Number')).toBe('account_number');
    expect(normaliseKey('date of birth')).toBe('date_of_birth');
  });

  it.each([
    [['account_number']],
    [['accountNo']],
    [['payment', 'card', 'last4']],
    [['cvv']],
    [['dob']],
    [['dateOfBirth']],
    [['ssn']],
    [['iban']],
    [['sort_code']],
    [['password']],
    [['card_pin']],
    [['otp']],
  ])('masks %j by default', (segments) => {
    expect(isSensitivePath(segments, defaults)).toBe(true);
  });

  it.each([[['shipping_address']], [['merchant']], [['charge_amount']], [['items', 0, 'sku']], [['spinach']], [['discard_reason']]])(
    'does not mask %j',
    (segments) => {
      expect(isSensitivePath(segments, defaults)).toBe(false);
    },
  );

  it('uses admin patterns case-insensitively and skips invalid ones', () => {
    const patterns = compileMaskPatterns(['^member_ref$', '(unclosed']);
    expect(patterns).toHaveLength(1);
    expect(isSensitivePath(['MemberRef'], patterns)).toBe(true);
    expect(isSensitivePath(['account_number'], patterns)).toBe(false);
    expect(isSensitivePath(['anything'], [])).toBe(false);
  });
});
