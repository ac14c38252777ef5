export { CONFIG_KEY, DEFAULT_CONFIG, parseConfig, rawConfigFrom, type ConfigResult, type PolyaiContextConfig } from './config';
