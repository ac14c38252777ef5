/**
 * The handoff context: one normalized view of what PolyAI's voice agent captured before it handed the
 * call to Flex. Produced by `parseHandoffContext`; shared by the plugin, the Functions and the tests.
 */

/**
 * - `present`: PolyAI data was found and read without problems.
 * - `partial`: PolyAI data was found, but part of it was unreadable or cut to stay within limits.
 * - `unavailable`: the task is marked as a PolyAI handoff, but no usable data came with it
 *   (the Function could not reach PolyAI, or the data was not readable at all).
 * - `absent`: no PolyAI data at all: not a PolyAI task.
 */
export type HandoffStatus = 'present' | 'partial' | 'unavailable' | 'absent';

/** Where the PolyAI data was found in the task attributes. */
export type HandoffSource = 'polyai' | 'flat' | 'none';

export type ProblemCode =
  | 'attributes-invalid-json'
  | 'attributes-not-object'
  | 'polyai-invalid-json'
  | 'polyai-not-object'
  | 'data-not-object'
  | 'data-empty'
  | 'fetch-failed'
  | 'field-invalid'
  | 'too-large'
  | 'too-deep'
  | 'too-many-fields'
  | 'value-truncated'
  | 'duplicate-key'
  | 'internal-error';

/** Something that was wrong with the input. `path` names the attribute, never its value. */
export interface HandoffProblem {
  code: ProblemCode;
  message: string;
  path?: string;
}

export interface HandoffIntent {
  name: string;
  /** 0..1, or null when PolyAI did not send one. */
  confidence: number | null;
}

export interface HandoffVerification {
  /** null when PolyAI did not say. */
  identified: boolean | null;
  method: string | null;
  attempts: number | null;
}

export interface HandoffCustomer {
  id: string | null;
  accountNumber: string | null;
  name: string | null;
}

export interface HandoffIds {
  /** Handoff state id (usually the Call SID of the call PolyAI answered). */
  id: string | null;
  /** Customer-chosen correlation id. */
  sharedId: string | null;
  callSid: string | null;
}

export type CapturedValue = string | number | boolean | null;

export type CapturedKind = 'string' | 'number' | 'boolean' | 'null' | 'empty-object' | 'empty-array' | 'truncated';

/** Any value PolyAI captured that has no dedicated section, flattened to one readable row. */
export interface CapturedField {
  /** Path of the value, e.g. `slots.charge_amount` or `items[0].sku`. Unique within a context. */
  path: string;
  /** Path segments (keys and array indexes) from the data root. */
  segments: Array<string | number>;
  /** Human label derived from the path, e.g. "Slots › Charge Amount". */
  label: string;
  value: CapturedValue;
  kind: CapturedKind;
}

export interface HandoffError {
  /** HTTP status the Function saw, when there was one. */
  status: number | null;
  message: string;
}

/**
 * Handoff data the Function left out of the task to fit the attribute budget (the `incomplete` marker):
 * not absent, only not loaded yet. The plugin fetches the full handoff state by id.
 */
export interface HandoffNotLoaded {
  /** How many keys are missing or cut. */
  count: number;
  /** Their names, as many as the marker carried (it may list fewer than `count`). */
  keys: string[];
}

export interface HandoffContext {
  status: HandoffStatus;
  source: HandoffSource;
  summary: string | null;
  intent: HandoffIntent | null;
  reason: string | null;
  destination: string | null;
  verification: HandoffVerification | null;
  customer: HandoffCustomer;
  utterance: string | null;
  /** Caller's language (BCP 47 code as PolyAI sent it, e.g. `en-GB`). */
  language: string | null;
  ids: HandoffIds;
  fields: CapturedField[];
  /** What did not fit in the task attributes; null when everything came with the task. */
  notLoaded: HandoffNotLoaded | null;
  /** Why the data is unavailable (only with status `unavailable`). */
  error: HandoffError | null;
  problems: HandoffProblem[];
}
