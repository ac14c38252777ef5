/**
 * Admin configuration, read once at init from Flex's `ui_attributes` (`custom_data.polyai_context`;
 * locally `public/appConfig.js`). `unknown` in, a validated config out: a bad value falls back to its
 * default and is reported, never a crash.
 */
export interface PolyaiContextConfig {
  /** Turn the whole plugin off without undeploying it. */
  enabled: boolean;
  /** Show the tab on every task, with an empty state where there is no PolyAI data. */
  alwaysShow: boolean;
  /** Position among the task canvas tabs (Flex's own tabs use 0 to 100). */
  tabSortOrder: number;
}

export const DEFAULT_CONFIG: Readonly<PolyaiContextConfig> = Object.freeze({
  enabled: true,
  alwaysShow: false,
  tabSortOrder: 10,
});

/** Where the config lives inside Flex's configuration. */
export const CONFIG_KEY = 'polyai_context';

export interface ConfigResult {
  config: PolyaiContextConfig;
  warnings: string[];
}

type Reader<T> = (value: unknown) => T | undefined;

const booleanValue: Reader<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);
const finiteNumber: Reader<number> = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

const FIELDS: { [K in keyof PolyaiContextConfig]: { key: string; read: Reader<PolyaiContextConfig[K]>; expected: string } } = {
  enabled: { key: 'enabled', read: booleanValue, expected: 'true or false' },
  alwaysShow: { key: 'always_show', read: booleanValue, expected: 'true or false' },
  tabSortOrder: { key: 'tab_sort_order', read: finiteNumber, expected: 'a number' },
};

export function parseConfig(raw: unknown): ConfigResult {
  const warnings: string[] = [];
  const config: PolyaiContextConfig = { ...DEFAULT_CONFIG };
  if (raw === undefined || raw === null) return { config, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warnings.push(`${CONFIG_KEY} must be an object; using defaults.`);
    return { config, warnings };
  }
  const record = raw as Record<string, unknown>;
  const assign = <K extends keyof PolyaiContextConfig>(name: K) => {
    const { key, read, expected } = FIELDS[name];
    if (!Object.prototype.hasOwnProperty.call(record, key)) return;
    const value = read(record[key]);
    if (value === undefined) warnings.push(`${CONFIG_KEY}.${key} must be ${expected}; using ${String(DEFAULT_CONFIG[name])}.`);
    else config[name] = value;
  };
  (Object.keys(FIELDS) as Array<keyof PolyaiContextConfig>).forEach(assign);
  const known = new Set(Object.values(FIELDS).map((field) => field.key));
  const unknownKeys = Object.keys(record).filter((key) => !known.has(key));
  if (unknownKeys.length > 0) warnings.push(`${CONFIG_KEY} has unknown keys: ${unknownKeys.join(', ')}.`);
  return { config, warnings };
}

/** The raw config object from a Flex manager's configuration (`custom_data` merges `ui_attributes`). */
export function rawConfigFrom(managerConfiguration: unknown): unknown {
  if (typeof managerConfiguration !== 'object' || managerConfiguration === null) return undefined;
  const customData = (managerConfiguration as { custom_data?: unknown }).custom_data;
  if (typeof customData !== 'object' || customData === null) return undefined;
  return (customData as Record<string, unknown>)[CONFIG_KEY];
}
