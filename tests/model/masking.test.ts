import { compileMaskPatterns, MASK, DEFAULT_MASK_PATTERNS, isPreMasked, isSensitivePath, normaliseKey } from '@polyai-context/model';

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

  // Agents read the last four digits back to the caller: shown by default (docs/agent-experience.md, "Masking").
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

/**
 * Look-alike letters (Unicode's confusables for Latin, from Cyrillic and Greek), grouped by the Latin letter
 * they imitate: a sensitive key spelled with any of them must read as the Latin key (found by mutation testing).
 */
const LOOK_ALIKES_OF: Record<string, string> = {
  a: 'аα', b: 'вьβ', c: 'с', d: 'ԁ', e: 'еёε', h: 'нһ', i: 'іїι', j: 'ј', k: 'кκ', l: 'ӏ', m: 'м', o: 'оο', p: 'рρ', q: 'ԛ',
  s: 'ѕ', t: 'тτ', u: 'υ', v: 'ν', w: 'ԝω', x: 'хχ', y: 'у', 3: 'зЗ',
  A: 'АΑ', B: 'ВΒ', C: 'С', E: 'ЕΕ', H: 'НΗ', I: 'ІΙ', J: 'Ј', K: 'КΚ', M: 'МΜ', N: 'Ν', O: 'ОΟ', P: 'РΡ', S: 'Ѕ', T: 'ТΤ',
  X: 'ХΧ', Y: 'УΥ', Z: 'Ζ',
};

describe('masking: keys spelled with look-alike letters', () => {
  it.each(Object.entries(LOOK_ALIKES_OF))('reads every look-alike of %s as that letter', (latin, lookAlikes) => {
    const edge = /[A-Z]/.test(latin) ? 'K' : 'k'; // the same case on both sides: no camelCase word break
    for (const lookAlike of lookAlikes) expect(normaliseKey(`${edge}${lookAlike}${edge}`)).toBe(`k${latin.toLowerCase()}k`);
  });

  it('masks a card number whose key is written with Cyrillic letters', () => {
    expect(isSensitivePath(['саrd_number'], defaults)).toBe(true);
    expect(isSensitivePath(['ΡΙΝ'], defaults)).toBe(true);
  });

  it('reads keys through NFKC and without invisible characters', () => {
    expect(normaliseKey('ｃａｒｄ')).toBe('card');
    expect(normaliseKey('ca\u200Brd\u2066')).toBe('card');
    expect(normaliseKey('card2Holder')).toBe('card2_holder');
    expect(normaliseKey('--card--')).toBe('card');
  });

  it('treats only runs of three mask symbols, or four X, as masked at the source', () => {
    expect(isPreMasked('**12')).toBe(false);
    expect(isPreMasked('••12')).toBe(false);
    expect(isPreMasked('XXX1')).toBe(false);
    expect(isPreMasked('●●●1')).toBe(true);
    expect(isPreMasked('xxxx1')).toBe(true);
  });

  it('masks a value under a sensitive key anywhere in its path, but shows its last four', () => {
    expect(isSensitivePath(['card', 0, 'holder'], defaults)).toBe(true);
    expect(isSensitivePath(['card', 'last4'], defaults)).toBe(false);
    expect(isSensitivePath(['card', 'last4', 'digit'], defaults)).toBe(true);
    expect(isSensitivePath(['card', 3], defaults)).toBe(true);
  });
});

describe('masking: admin patterns and the mask itself', () => {
  it('reads admin patterns case-insensitively: `^CARD$` masks a `card` key', () => {
    expect(isSensitivePath(['card'], compileMaskPatterns(['^CARD$']))).toBe(true);
    expect(isSensitivePath(['Account_Number'], compileMaskPatterns(['^ACCOUNT_number$']))).toBe(true);
  });

  it('shows a fixed, visible mask: eight bullets, whatever the value', () => {
    expect(MASK).toBe('••••••••');
  });
});
