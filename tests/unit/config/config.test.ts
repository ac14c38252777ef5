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
