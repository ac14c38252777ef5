import { compileMaskPatterns, DEFAULT_MASK_PATTERNS, isPreMasked, isSensitivePath, normaliseKey } from '@polyai-context/model';

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
    [['payment', 'card', 'number']],
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

  // Agents read the last four digits back to the caller: shown by default (README, "Masking").
  it.each([[['payment', 'card', 'last4']], [['card_last_four']], [['card', 'lastFourDigits']], [['account_last_4']]])('shows last-four-digit field %j', (segments) => {
    expect(isSensitivePath(segments, defaults)).toBe(false);
  });

  it('tells a value PolyAI already masked from one it did not', () => {
    for (const value of ['****6789', '•••• 1234', 'XXXX-XXXX-1234', '###-##-1234']) expect(isPreMasked(value)).toBe(true);
    for (const value of ['4111111111111111', '6789', 'a*b', 'Max', 'xx', 42, null]) expect(isPreMasked(value)).toBe(false);
  });

  it('uses admin patterns case-insensitively and skips invalid ones', () => {
    const patterns = compileMaskPatterns(['^member_ref$', '(unclosed']);
    expect(patterns).toHaveLength(1);
    expect(isSensitivePath(['MemberRef'], patterns)).toBe(true);
    expect(isSensitivePath(['account_number'], patterns)).toBe(false);
    expect(isSensitivePath(['anything'], [])).toBe(false);
  });
});
