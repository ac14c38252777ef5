/**
 * The handoff context model: pure TypeScript (no React, no Flex, no network), shared by the Flex
 * plugin, the Serverless Functions and the tests.
 */
export { INCOMPLETE_MARKER, parseHandoffContext, POLYAI_ATTRIBUTE } from './parseHandoffContext';
export { handoffErrorAttributes, MAX_POLYAI_ATTRIBUTE_CHARS, toPolyaiAttributes, type HandoffFetchResult, type PolyaiTaskAttributes } from './handoffAttributes';
export { DEFAULT_LIMITS, type ParseLimits } from './limits';
export { humanizeCode, humanizeKey, labelForPath, pathOf, PATH_SEPARATOR } from './labels';
export { compileMaskPattern, compileMaskPatterns, DEFAULT_MASK_PATTERNS, isSensitivePath, MASK, normaliseKey } from './masking';
export { parseConversation, type Conversation, type ConversationTurn, type TurnEntity, type Speaker } from './conversation';
export type {
  CapturedField,
  CapturedKind,
  CapturedValue,
  HandoffContext,
  HandoffCustomer,
  HandoffError,
  HandoffIds,
  HandoffIntent,
  HandoffNotLoaded,
  HandoffProblem,
  HandoffSource,
  HandoffStatus,
  HandoffVerification,
  ProblemCode,
} from './types';
export { isRecord, own, type JsonRecord } from './values';
