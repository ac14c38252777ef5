import { DEFAULT_MASK_PATTERNS } from '@polyai-context/model';
import { DEFAULT_CONFIG, parseConfig, rawConfigFrom } from '../../../src/config';

describe('config', () => {
  it('uses defaults when nothing is configured', () => {
    expect(parseConfig(undefined)).toEqual({ config: DEFAULT_CONFIG, warnings: [] });
  });

  it('reads valid settings', () => {
    const { config, warnings } = parseConfig({ enabled: false, always_show: true, tab_sort_order: 3 });
    expect(config).toEqual({ ...DEFAULT_CONFIG, enabled: false, alwaysShow: true, tabSortOrder: 3 });
    expect(warnings).toEqual([]);
  });

  it('falls back per setting and says why', () => {
    const { config, warnings } = parseConfig({ always_show: 'yes', tab_sort_order: 'first', colour: 'red' });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(warnings).toEqual([
      'polyai_context.always_show must be true or false; using false.',
      'polyai_context.tab_sort_order must be a number; using 10.',
      'polyai_context has unknown keys: colour.',
    ]);
  });

  it('rejects a config that is not an object', () => {
    expect(parseConfig([1]).warnings).toEqual(['polyai_context must be an object; using defaults.']);
  });

  it('finds the config in the Flex configuration', () => {
    expect(rawConfigFrom({ custom_data: { polyai_context: { always_show: true } } })).toEqual({ always_show: true });
    expect(rawConfigFrom({})).toBeUndefined();
    expect(rawConfigFrom(null)).toBeUndefined();
  });
});

describe('config options for the agent experience', () => {
  it('reads every option', () => {
    const { config, warnings } = parseConfig({
      auto_select_tab: true,
      field_order: ['slots.merchant', 'slots'],
      field_labels: { 'slots.charge_amount': 'Amount' },
      hidden_fields: ['internal'],
      mask_patterns: ['^member_ref$'],
      confidence_thresholds: { high: 0.9, medium: 0.6 },
      functions_base_url: 'https://polyai-1234.twil.io/',
      language: 'de-DE',
    });
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      autoSelectTab: true,
      fieldOrder: ['slots.merchant', 'slots'],
      fieldLabels: { 'slots.charge_amount': 'Amount' },
      hiddenFields: ['internal'],
      maskPatterns: [/^member_ref$/i],
      confidenceThresholds: { high: 0.9, medium: 0.6 },
      functionsBaseUrl: 'https://polyai-1234.twil.io',
      language: 'de-DE',
    });
  });

  it.each([
    ['field_order', 'slots', 'a list of field paths'],
    ['field_labels', { a: 3 }, 'an object of field path to label'],
    ['hidden_fields', [1], 'a list of field paths'],
    ['mask_patterns', ['(unclosed'], 'a list of valid regular expressions'],
    ['confidence_thresholds', { high: 0.4, medium: 0.6 }, '{ "high": 0..1, "medium": 0..high }'],
    ['confidence_thresholds', { high: 2, medium: 0.5 }, '{ "high": 0..1, "medium": 0..high }'],
    ['functions_base_url', 'http://polyai.twil.io', 'an https URL without query'],
    ['functions_base_url', 'javascript:alert(1)', 'an https URL without query'],
    ['functions_base_url', 'https://x.twil.io?token=1', 'an https URL without query'],
    ['language', 'pt-BR', 'one of en-US, es-ES, fr-FR, de-DE or "auto"'],
  ])('falls back to the default for a bad %s (%j)', (key, value, expected) => {
    const { config, warnings } = parseConfig({ [key]: value });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`polyai_context.${key} must be ${expected}; using `);
  });

  it('compiles mask patterns once, case-insensitively; a warning names the defaults by their sources', () => {
    expect(parseConfig({ mask_patterns: ['^PIN$'] }).config.maskPatterns.map((pattern) => pattern.test('pin'))).toEqual([true]);
    const { config, warnings } = parseConfig({ mask_patterns: ['^ok$', '(unclosed'] });
    expect(config.maskPatterns.map((pattern) => pattern.source)).toEqual(DEFAULT_MASK_PATTERNS);
    expect(warnings).toEqual([`polyai_context.mask_patterns must be a list of valid regular expressions; using ${JSON.stringify(DEFAULT_MASK_PATTERNS)}.`]);
  });

  it('allows plain http only on this machine, and "auto" language', () => {
    expect(parseConfig({ functions_base_url: 'http://127.0.0.1:3000' }).config.functionsBaseUrl).toBe('http://127.0.0.1:3000');
    expect(parseConfig({ functions_base_url: '' }).config.functionsBaseUrl).toBeNull();
    expect(parseConfig({ language: 'auto' }).config.language).toBeNull();
  });

  it('falls back to the defaults and says so for a config that throws when read', () => {
    const boom = () => {
      throw new Error('boom');
    };
    // A value that throws: that setting falls back, with the usual warning.
    const throwingValue = new Proxy({ field_order: [] }, { get: boom });
    expect(parseConfig(throwingValue)).toEqual({ config: DEFAULT_CONFIG, warnings: ['polyai_context.field_order must be a list of field paths; using [].'] });
    // Keys that cannot even be listed: every setting falls back, with one warning.
    const unreadable = new Proxy({ always_show: true }, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
    expect(parseConfig(unreadable)).toEqual({ config: DEFAULT_CONFIG, warnings: ['polyai_context could not be read; using defaults.'] });
  });

  it('never lets a parsed config pollute prototypes or share defaults between parses', () => {
    const labels = parseConfig(JSON.parse('{"field_labels": {"__proto__": "Proto label"}}')).config.fieldLabels;
    expect(labels['__proto__']).toBe('Proto label');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const first = parseConfig(undefined).config;
    first.maskPatterns.push(/x/);
    first.hiddenFields.push('y');
    expect(parseConfig(undefined).config).toEqual(DEFAULT_CONFIG);
  });
});

/** What an admin gets for each value, at the edges of what is accepted (found by mutation testing). */
describe('config edges an admin can hit', () => {
  const read = (raw: Record<string, unknown>) => parseConfig(raw);

  it.each<[string, unknown]>([
    ['enabled', true],
    ['alwaysShow', false],
    ['tabSortOrder', 10],
    ['autoSelectTab', false],
    ['fieldOrder', []],
    ['fieldLabels', {}],
    ['hiddenFields', []],
    ['confidenceThresholds', { high: 0.8, medium: 0.5 }],
    ['functionsBaseUrl', null],
    ['language', null],
  ])('has the documented default for %s (admin guide)', (setting, value) => {
    expect(parseConfig({}).config[setting as keyof typeof DEFAULT_CONFIG]).toEqual(value);
  });

  it('masks card, account, birth date, password and other sensitive keys by default', () => {
    const patterns = parseConfig({}).config.maskPatterns;
    for (const key of ['card_number', 'account_no', 'date_of_birth', 'password', 'iban', 'ssn']) expect(patterns.some((pattern) => pattern.test(key))).toBe(true);
    expect(patterns.some((pattern) => pattern.test('merchant'))).toBe(false);
  });

  it('names each bad setting with what it must be and the default used instead', () => {
    const { warnings } = read({
      enabled: 'no',
      auto_select_tab: 1,
      tab_sort_order: Number.POSITIVE_INFINITY,
      field_labels: [],
      mask_patterns: 'card',
      confidence_thresholds: [0.9, 0.5],
      functions_base_url: 42,
      language: 'klingon',
    });
    expect(warnings).toEqual([
      'polyai_context.enabled must be true or false; using true.',
      'polyai_context.tab_sort_order must be a number; using 10.',
      'polyai_context.auto_select_tab must be true or false; using false.',
      'polyai_context.field_labels must be an object of field path to label; using {}.',
      expect.stringMatching(/^polyai_context\.mask_patterns must be a list of valid regular expressions; using \["\(\^\|_\)/),
      'polyai_context.confidence_thresholds must be { "high": 0..1, "medium": 0..high }; using {"high":0.8,"medium":0.5}.',
      'polyai_context.functions_base_url must be an https URL without query; using null.',
      'polyai_context.language must be one of en-US, es-ES, fr-FR, de-DE or "auto"; using null.',
    ]);
  });

  it('lists every unknown key, and none when all are known', () => {
    expect(read({ colour: 'red', size: 2, enabled: true }).warnings).toEqual(['polyai_context has unknown keys: colour, size.']);
    expect(read({ enabled: true, language: 'auto' }).warnings).toEqual([]);
    expect(parseConfig(null)).toEqual({ config: DEFAULT_CONFIG, warnings: [] });
    expect(parseConfig('{"enabled":false}').warnings).toEqual(['polyai_context must be an object; using defaults.']);
  });

  it('accepts lists and label maps up to 500 entries of non-empty text', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `field_${i}`);
    const labels = (n: number) => Object.fromEntries(list(n).map((key) => [key, `Label ${key}`]));
    expect(read({ field_order: list(500) }).config.fieldOrder).toHaveLength(500);
    expect(read({ field_order: list(501) }).config.fieldOrder).toEqual([]);
    expect(read({ hidden_fields: ['a', ''] }).config.hiddenFields).toEqual([]);
    expect(read({ hidden_fields: ['a', 'b'] }).config.hiddenFields).toEqual(['a', 'b']);
    expect(Object.keys(read({ field_labels: labels(500) }).config.fieldLabels)).toHaveLength(500);
    expect(read({ field_labels: labels(501) }).config.fieldLabels).toEqual({});
    expect(read({ field_labels: { a: '' } }).config.fieldLabels).toEqual({});
    expect(read({ field_labels: { a: 'A', b: '' } }).config.fieldLabels).toEqual({});
    expect(read({ field_labels: null }).warnings).toHaveLength(1);
    expect(read({ field_labels: 'a' }).warnings).toHaveLength(1);
  });

  it('keeps a copy of a list, not the admin\'s array', () => {
    const order = ['a'];
    const { config } = read({ field_order: order });
    order.push('b');
    expect(config.fieldOrder).toEqual(['a']);
  });

  it('reads confidence thresholds inclusively from 0 to 1, medium at most high', () => {
    const thresholds = (value: unknown) => read({ confidence_thresholds: value }).config.confidenceThresholds;
    expect(thresholds({ high: 1, medium: 0 })).toEqual({ high: 1, medium: 0 });
    expect(thresholds({ high: 0.7, medium: 0.7 })).toEqual({ high: 0.7, medium: 0.7 });
    expect(thresholds({ high: 0.7, medium: -0.1 })).toEqual({ high: 0.8, medium: 0.5 });
    expect(thresholds({ high: 1.01, medium: 0.5 })).toEqual({ high: 0.8, medium: 0.5 });
    expect(thresholds({ high: '0.9', medium: 0.5 })).toEqual({ high: 0.8, medium: 0.5 });
    expect(thresholds({ high: 0.9 })).toEqual({ high: 0.8, medium: 0.5 });
    expect(thresholds(null)).toEqual({ high: 0.8, medium: 0.5 });
  });

  it('reads the Functions URL: https anywhere, http only on this machine, never credentials or fragments', () => {
    const url = (value: unknown) => read({ functions_base_url: value }).config.functionsBaseUrl;
    expect(url('http://localhost:3000/')).toBe('http://localhost:3000');
    expect(url('https://localhost:3000')).toBe('https://localhost:3000');
    expect(url('https://x.twil.io/base///')).toBe('https://x.twil.io/base');
    expect(url('http://192.168.1.10:3000')).toBeNull();
    expect(url('ftp://127.0.0.1/')).toBeNull();
    expect(url('https://x.twil.io/#top')).toBeNull();
    expect(url('https://user@x.twil.io')).toBeNull();
    expect(url('https://:secret@x.twil.io')).toBeNull();
    expect(url('not a url')).toBeNull();
    expect(url(null)).toBeNull();
    expect(read({ functions_base_url: null }).warnings).toEqual([]);
    expect(read({ functions_base_url: '' }).warnings).toEqual([]);
    expect(read({ functions_base_url: 'not a url' }).warnings).toHaveLength(1);
  });

  it('reads the language: one of four, or null to follow Flex', () => {
    expect(read({ language: 'fr-FR' }).config.language).toBe('fr-FR');
    expect(read({ language: null })).toEqual({ config: DEFAULT_CONFIG, warnings: [] });
    expect(read({ language: '' })).toEqual({ config: DEFAULT_CONFIG, warnings: [] });
    expect(read({ language: 'fr' }).warnings).toHaveLength(1);
  });

  it('accepts any finite sort order, negative included', () => {
    expect(read({ tab_sort_order: -5 }).config.tabSortOrder).toBe(-5);
    expect(read({ tab_sort_order: Number.NaN }).config.tabSortOrder).toBe(10);
  });

  it('finds the config only under custom_data', () => {
    expect(rawConfigFrom({ custom_data: 'polyai' })).toBeUndefined();
    expect(rawConfigFrom({ custom_data: null })).toBeUndefined();
    expect(rawConfigFrom('custom_data')).toBeUndefined();
    expect(rawConfigFrom(undefined)).toBeUndefined();
    expect(rawConfigFrom({ polyai_context: { enabled: false } })).toBeUndefined();
  });

  it('gives every parse its own thresholds and labels', () => {
    const first = parseConfig(undefined).config;
    first.confidenceThresholds.high = 0.1;
    first.fieldLabels.a = 'A';
    first.fieldOrder.push('z');
    expect(parseConfig(undefined).config).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.confidenceThresholds.high).toBe(0.8);
  });
});
