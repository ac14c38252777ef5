/**
 * Masking defaults (docs/configuration.md, `mask_patterns`, and docs/agent-experience.md, "Masking"): every member of every default pattern is masked,
 * under any spelling of its key, in the captured fields and in the transcript; the words around them are not;
 * the last four digits and values PolyAI already masked are shown as sent. One table row per rule in
 * docs/rules.md. Members are listed by hand, not read from the patterns: a typo in a pattern must fail here.
 */
import {
  arrangeFields,
  compileMaskPatterns,
  DEFAULT_MASK_PATTERNS,
  isAccountNumberSensitive,
  isPreMasked,
  isSensitivePath,
  MASK,
  maskTurn,
  parseHandoffContext,
  sensitiveValuesOf,
  type ConversationTurn,
} from '@polyai-context/model';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/config';

const defaults = compileMaskPatterns(DEFAULT_MASK_PATTERNS);

/** Every key the defaults mask, group by group, as docs/agent-experience.md names the groups. */
const MASKED_BY_DEFAULT: Readonly<Record<string, readonly string[]>> = {
  'account numbers': [
    'account_number', 'account_no', 'account_num', 'accountnumber', 'accountno', 'accountnum',
    'acct_number', 'acct_no', 'acct_num', 'acctnumber', 'acctno', 'acctnum',
  ],
  'card data': ['card', 'pan', 'cvv', 'cvc', 'cvv2', 'expiry', 'exp_date'],
  'dates of birth': ['dob', 'date_of_birth', 'birth_date', 'birthday'],
  'SSN / national ids': ['ssn', 'social_security', 'national_insurance', 'nino', 'tax_id'],
  'IBAN / sort codes': ['iban', 'sort_code', 'routing_number', 'bic', 'swift'],
  'passwords / PINs / OTPs': ['password', 'passcode', 'passphrase', 'pin', 'otp', 'secret', 'security_answer'],
};
const MEMBERS = Object.entries(MASKED_BY_DEFAULT).flatMap(([group, keys]) => keys.map((key) => [group, key] as const));

/** `date_of_birth` → `dateOfBirth`, `Date Of Birth`, `DATE-OF-BIRTH`: the spellings flows use. */
function spellings(key: string): string[] {
  const words = key.split('_');
  const camel = words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
  return [key, key.toUpperCase(), camel, words.map((word) => word[0].toUpperCase() + word.slice(1)).join(' '), words.join('-').toUpperCase(), ` ${key} `];
}

describe('every default mask pattern member is masked', () => {
  it('the config\'s default is exactly the model\'s list, one compiled pattern per source', () => {
    expect(DEFAULT_CONFIG.maskPatterns.map((pattern) => pattern.source)).toEqual([...DEFAULT_MASK_PATTERNS]);
    expect(parseConfig({}).config.maskPatterns.map((pattern) => pattern.source)).toEqual([...DEFAULT_MASK_PATTERNS]);
    expect(DEFAULT_MASK_PATTERNS).toHaveLength(Object.keys(MASKED_BY_DEFAULT).length);
  });

  it.each(MEMBERS)('%s: `%s` in every spelling, alone, as a word of a longer key and as a parent', (_group, key) => {
    for (const spelling of spellings(key)) expect([spelling, isSensitivePath([spelling], defaults)]).toEqual([spelling, true]);
    expect(isSensitivePath([`caller_${key}`], defaults)).toBe(true);
    expect(isSensitivePath([`${key}_confirmed`], defaults)).toBe(true);
    expect(isSensitivePath(['payment', key], defaults)).toBe(true);
    expect(isSensitivePath([key, 'value'], defaults)).toBe(true);
    expect(isSensitivePath([key, 0], defaults)).toBe(true);
  });

  it.each(MEMBERS)('%s: `%s` is masked in the captured fields table and in the transcript', (_group, key) => {
    const context = parseHandoffContext({ polyai: { id: 'h', data: { slots: { [key]: 'QZ-4471' } } } });
    const [group] = arrangeFields(context.fields, { fieldOrder: [], fieldLabels: {}, hiddenFields: [], maskPatterns: DEFAULT_CONFIG.maskPatterns });
    expect(group.rows.map((row) => row.sensitive)).toEqual([true]);
    expect(sensitiveValuesOf(context, defaults)).toEqual(['QZ-4471']);
    const turn: ConversationTurn = {
      index: 0, speaker: 'caller', text: 'it is qz-4471, thanks', dtmf: null, translation: null, time: null,
      intents: [], entities: [{ name: key, values: ['QZ-4471'] }], silence: false, outOfDomain: false,
    };
    const masked = maskTurn(turn, defaults, []);
    expect(masked?.text).toBe(`it is ${MASK}, thanks`);
    expect(masked?.entities).toEqual([{ name: key, values: [MASK] }]);
  });

  it('the caller section\'s account number is masked by default, and shown when the admin masks nothing', () => {
    const customer = { id: '1', accountNumber: '12345678', name: null };
    expect(isAccountNumberSensitive(customer, defaults)).toBe(true);
    expect(isAccountNumberSensitive(customer, parseConfig({ mask_patterns: [] }).config.maskPatterns)).toBe(false);
  });

  it('setting mask_patterns replaces the defaults: a card is shown when the admin masks only `^pin$`', () => {
    const patterns = parseConfig({ mask_patterns: ['^pin$'] }).config.maskPatterns;
    expect(isSensitivePath(['card'], patterns)).toBe(false);
    expect(isSensitivePath(['PIN'], patterns)).toBe(true);
  });
});

describe('words that only contain a masked word are shown', () => {
  it.each([
    'accountant', 'account', 'account_name', 'account_type', 'numbered', 'discard', 'cardinal', 'scorecard', 'company', 'expand', 'pancake',
    'birthplace', 'dobby', 'lesson', 'casino', 'taxi', 'tax', 'nationality', 'bicycle', 'swiftly', 'sorted', 'routing', 'passenger', 'passport_country',
    'spinach', 'pinned', 'shipping', 'potted', 'secretary', 'security_question', 'expenses',
  ])('`%s` is not masked', (key) => {
    expect(isSensitivePath([key], defaults)).toBe(false);
  });
});

describe('what is shown as sent', () => {
  it.each(['last_four', 'last4', 'card_last_four', 'lastFourDigits', 'last_4', 'Last Four', 'LAST4'])(
    'a field named as the last four digits, `%s`, even under a card or account: agents read it back',
    (key) => {
      expect(isSensitivePath([key], defaults)).toBe(false);
      expect(isSensitivePath(['card', key], defaults)).toBe(false);
      expect(isSensitivePath(['account_number', key], defaults)).toBe(false);
    },
  );

  it.each(['last_five', 'first_four', 'card_number_last', 'lastfourteen'])('`%s` under a card is masked: only the last four are exempt', (key) => {
    expect(isSensitivePath(['card', key], defaults)).toBe(true);
  });

  it.each(['****6789', 'XXXX-XXXX-1234', 'xxxx1234', '•••• 1234', '●●●●1234', '###-##-1234'])('`%s` was masked by PolyAI: nothing to reveal', (value) => {
    expect(isPreMasked(value)).toBe(true);
    expect(sensitiveValuesOf(parseHandoffContext({ polyai: { id: 'h', data: { card: value } } }), defaults)).toEqual([]);
  });

  it.each(['**89', 'XXX-123', 'Max', 'x1x2x3x4', '1234', 'ab#c'])('`%s` is not masked at its source: masked by the tab', (value) => {
    expect(isPreMasked(value)).toBe(false);
    expect(sensitiveValuesOf(parseHandoffContext({ polyai: { id: 'h', data: { card: value } } }), defaults)).toEqual([value]);
  });
});
