/**
 * The handoff context model (`@polyai-context/model`): pure TypeScript (no React, no Flex, no network),
 * imported by name by the Flex plugin, the Serverless Functions and the tests.
 */
export { parseHandoffContext } from './parseHandoffContext';
export {
  received,
  type ConversationRequestBody,
  type ConversationResponseBody,
  type FlexTokenBody,
  type FunctionErrorBody,
  type HandoffStateRequestBody,
  type HandoffStateResponseBody,
  type FunctionFailure,
  type LatestTurns,
  type PluginFunctionPath,
  type PluginFunctions,
  type PolyaiEnvelope,
  type Unvalidated,
  type VerdictRequestBody,
  type VerdictResponseBody,
} from './contracts';
export { INCOMPLETE_MARKER, POLYAI_ATTRIBUTE } from './envelope';
export { IDENTITY_KEYS, POLYAI_KEYS, type PolyaiKey } from './polyaiKeys';
export { handoffErrorAttributes, MAX_POLYAI_ATTRIBUTE_CHARS, toPolyaiAttributes, type HandoffFetchResult, type PolyaiTaskAttributes } from './handoffAttributes';
export { DEFAULT_LIMITS, type ParseLimits } from './limits';
export { humanizeCode, humanizeKey, labelForCode, labelForKey, labelForPath, NO_LABELS, pathOf, PATH_SEPARATOR, type LabelMap } from './labels';
export { compileMaskPatterns, DEFAULT_MASK_PATTERNS, isAccountNumberSensitive, isPreMasked, isSensitivePath, isSensitiveValue, MASK, normaliseKey } from './masking';
export { arrangeFields, type FieldGroup, type FieldRow, type FieldRules } from './arrangeFields';
export { maskTurn, sensitiveValuesOf, turnMasker } from './maskTranscript';
export { callTimes, stopwatch, type CallTimes, type RecordTimes, type TimeSinceHandoff, type TimeWithPolyai } from './callTimes';
export { FUNCTION_EVENT_LIMITS, readFunctionEvents, type FunctionEvent, type FunctionEventLimits, type FunctionOutcome, type FunctionOutcomeKind } from './functionEvents';
export { conversationAnswer, earlierTurnsOf, LATEST_TURNS, latestTurns, type LatestConversation } from './latestTurns';
export { CONVERSATION_LIMITS, parseConversation, type Conversation, type ConversationTurn, type ConversationTurns, type TurnEntity, type Speaker } from './conversation';
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
export { cutText, isRecord, own, recordFromJson, toConfidence, toCount, toNumber, type JsonRecord } from './values';
export {
  isVerdict,
  isVerdictReason,
  normaliseReason,
  readStoredVerdict,
  VERDICT_ATTRIBUTE,
  VERDICT_REASONS,
  VERDICTS,
  type StoredVerdict,
  type Verdict,
  type VerdictAuthor,
  type VerdictReason,
} from './verdict';
