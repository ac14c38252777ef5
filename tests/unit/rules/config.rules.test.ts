/**
 * Admin settings as admins type them (docs/configuration.md): letter case and spacing where they cannot change
 * the meaning, every supported language, and the boundaries of each setting on both sides. One row per rule in
 * docs/rules.md.
 */
import { arrangeFields, parseHandoffContext } from '@polyai-context/model';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/config';
import { SUPPORTED_LANGUAGES } from '../../../src/strings';

const read = (raw: Record<string, unknown>) => parseConfig(raw);

describe('language', () => {
  it('ships exactly en-US, es-ES, fr-FR and de-DE', () => {
    expect(SUPPORTED_LANGUAGES).toEqual(['en-US', 'es-ES', 'fr-FR', 'de-DE']);
  });

  it.each(SUPPORTED_LANGUAGES.flatMap((language) => [language, language.toLowerCase(), language.toUpperCase(), ` ${language} `, language.replace('-', '_')].map((spelling) => [spelling, language])))(
    '%j is %s, without a warning',
    (spelling, language) => {
      expect(read({ language: spelling })).toEqual({ config: expect.objectContaining({ language }), warnings: [] });
    },
  );

  it.each([null, '', '  ', 'auto', 'AUTO', ' Auto '])('%j follows Flex (null), without a warning', (value) => {
    expect(read({ language: value })).toEqual({ config: expect.objectContaining({ language: null }), warnings: [] });
  });

  it.each(['es', 'es-MX', 'en-GB', 'it-IT', 'english', 42, true, ['es-ES']])('%j is not one of the four: Flex decides, and a warning says so', (value) => {
    const { config, warnings } = read({ language: value });
    expect(config.language).toBeNull();
    expect(warnings).toEqual([expect.stringContaining('polyai_context.language must be one of en-US, es-ES, fr-FR, de-DE or "auto"')]);
  });
});

describe('labels by language: the language tags as `language` reads them', () => {
  const LABELS = { slots: 'Details' };

  it.each(SUPPORTED_LANGUAGES.flatMap((language) => [language, language.toLowerCase(), language.toUpperCase(), ` ${language} `, language.replace('-', '_')].map((spelling) => [spelling, language])))(
    'labels under %j are the labels of %s, without a warning',
    (spelling, language) => {
      expect(read({ labels: { [spelling]: LABELS } })).toEqual({ config: expect.objectContaining({ labels: { [language]: LABELS } }), warnings: [] });
    },
  );

  it('reads every language of one setting, each in its own spelling', () => {
    const { config, warnings } = read({ labels: { 'FR-fr': { slots: 'Données' }, es_es: { slots: 'Datos' }, ' DE-DE ': { slots: 'Daten' } } });
    expect(warnings).toEqual([]);
    expect(config.labels).toEqual({ 'fr-FR': { slots: 'Données' }, 'es-ES': { slots: 'Datos' }, 'de-DE': { slots: 'Daten' } });
  });

  it.each([['fr'], ['FR'], ['es-MX'], ['it-IT'], ['english']])('labels under %j (not one of the four) are refused whole: no labels, and a warning', (spelling) => {
    const { config, warnings } = read({ labels: { 'es-ES': { slots: 'Datos' }, [spelling]: LABELS } });
    expect(config.labels).toEqual({});
    expect(warnings).toEqual([expect.stringContaining('polyai_context.labels must be an object of language (en-US, es-ES, fr-FR, de-DE, each once, in any letter case)')]);
  });

  it('one language named twice (`fr-FR` and `FR-FR`) is refused whole, whichever comes first: no guess at which wins', () => {
    for (const labels of [{ 'fr-FR': { slots: 'A' }, 'FR-FR': { slots: 'B' } }, { 'FR-FR': { slots: 'B' }, 'fr-FR': { slots: 'A' } }]) {
      const { config, warnings } = read({ labels });
      expect(config.labels).toEqual({});
      expect(warnings).toHaveLength(1);
    }
  });
});

describe('field paths and mask patterns, as admins type them', () => {
  const data = { slots: { merchant: 'Streamly', charge_amount: '42.50' }, note: 'n', card_number: '4111111111111111' };
  const rows = (raw: Record<string, unknown>) => {
    const { config } = read(raw);
    return arrangeFields(parseHandoffContext({ polyai: { id: 'h', data } }).fields, config).flatMap((group) => group.rows.map((row) => [row.fullLabel, row.sensitive]));
  };

  it('spaces around a hidden field, an ordered field or a label\'s path do not stop it applying', () => {
    expect(rows({ hidden_fields: [' slots.merchant '], field_order: [' note'], field_labels: { ' slots.charge_amount ': ' Amount ' } })).toEqual([
      ['Note', false],
      ['Card Number', true],
      ['Slots › Amount', false],
    ]);
  });

  it('a path\'s letter case is PolyAI\'s: `Slots.Merchant` names another field and hides nothing here', () => {
    expect(rows({ hidden_fields: ['Slots.Merchant'] })).toContainEqual(['Slots › Merchant', false]);
    expect(rows({ hidden_fields: ['slots'] }).map(([label]) => label)).toEqual(['Note', 'Card Number']);
  });

  it('mask patterns apply in any letter case, and spaces typed around one do not stop it matching', () => {
    expect(rows({ mask_patterns: ['^MERCHANT$', ' ^note$ '] })).toEqual([
      ['Note', true],
      ['Card Number', false],
      ['Slots › Merchant', true],
      ['Slots › Charge Amount', false],
    ]);
  });

  it.each([[['']], [['  ']], [['ok', ' ']]])('a list holding a blank entry (%j) is refused whole, with a warning', (list) => {
    const { config, warnings } = read({ hidden_fields: list, mask_patterns: list });
    expect(config.hiddenFields).toEqual([]);
    expect(config.maskPatterns).toEqual(DEFAULT_CONFIG.maskPatterns);
    expect(warnings).toHaveLength(2);
  });

  it('a label map with a blank path or label is refused whole, with a warning', () => {
    for (const labels of [{ ' ': 'x' }, { a: ' ' }]) expect(read({ field_labels: labels }).warnings).toHaveLength(1);
  });

  it('mask_patterns: [] masks nothing; one pattern that does not compile keeps every default', () => {
    expect(read({ mask_patterns: [] }).config.maskPatterns).toEqual([]);
    expect(read({ mask_patterns: ['^pin$', '(unclosed'] }).config.maskPatterns).toEqual(DEFAULT_CONFIG.maskPatterns);
  });
});

describe('boundaries of each setting', () => {
  it.each([
    [{ high: 1, medium: 1 }, true], [{ high: 0, medium: 0 }, true], [{ high: 0.8, medium: 0.8 }, true],
    [{ high: 0.5, medium: 0.51 }, false], [{ high: 1.01, medium: 0.5 }, false], [{ high: 0.8, medium: -0.01 }, false], [{ high: '0.8', medium: 0.5 }, false],
  ])('confidence_thresholds %j accepted: %s', (thresholds, accepted) => {
    const { config } = read({ confidence_thresholds: thresholds });
    expect(config.confidenceThresholds).toEqual(accepted ? thresholds : DEFAULT_CONFIG.confidenceThresholds);
  });

  it.each([
    ['https://fn.twil.io', 'https://fn.twil.io'], [' https://fn.twil.io/ ', 'https://fn.twil.io'], ['HTTPS://FN.Twil.io', 'https://fn.twil.io'],
    ['http://localhost:3001', 'http://localhost:3001'], ['http://LOCALHOST:3001/', 'http://localhost:3001'], ['http://127.0.0.1:4173', 'http://127.0.0.1:4173'],
    ['http://fn.twil.io', undefined], ['https://fn.twil.io?x=1', undefined], ['https://u:p@fn.twil.io', undefined], ['ftp://fn.twil.io', undefined], ['http://[::1]:3000', undefined],
  ])('functions_base_url %j → %j', (value, expected) => {
    const { config, warnings } = read({ functions_base_url: value });
    expect(config.functionsBaseUrl).toBe(expected ?? null);
    expect(warnings).toHaveLength(expected === undefined ? 1 : 0);
  });

  it.each([
    ['enabled', 'true'], ['always_show', 1], ['auto_select_tab', 'false'], ['tab_sort_order', '10'], ['tab_sort_order', Infinity],
  ])('%s: %j is not accepted: the default, and a warning', (key, value) => {
    const { config, warnings } = read({ [key]: value });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(warnings).toHaveLength(1);
  });
});
