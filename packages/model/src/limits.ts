/**
 * Bounds that keep parsing cheap whatever a flow writes into task attributes. Exceeding one is reported
 * as a problem, never a hang or a crash.
 */
export interface ParseLimits {
  /** Longest JSON string (attributes or `polyai`) that is parsed at all. */
  maxJsonChars: number;
  /** Deepest nesting flattened into captured fields; deeper values become one `truncated` field. */
  maxDepth: number;
  /** Most captured fields kept; the rest are counted in a problem. */
  maxFields: number;
  /** Longest string value kept; longer ones are cut and marked with an ellipsis. */
  maxStringChars: number;
  /** Longest key kept in a captured field's path. */
  maxKeyChars: number;
}

export const DEFAULT_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxJsonChars: 2_000_000,
  maxDepth: 8,
  maxFields: 500,
  maxStringChars: 10_000,
  maxKeyChars: 200,
});
