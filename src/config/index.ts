export {
  CONFIG_KEY,
  DEFAULT_CONFIG,
  parseConfig,
  rawConfigFrom,
  type ConfidenceThresholds,
  type ConfigResult,
  type PolyaiContextConfig,
} from './config';
