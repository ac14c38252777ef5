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
