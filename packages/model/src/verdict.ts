/**
 * The agent's verdict on a PolyAI handoff: was the context right? Stored by the `polyai-verdict` Function under
 * `polyai_verdict` in the task attributes, read back by the tab. Pure: shared by the plugin, the Function and
 * the tests.
 */
import { isRecord, own, recordFromJson } from './values';

export const VERDICT_ATTRIBUTE = 'polyai_verdict';

export const VERDICTS = ['right', 'incomplete', 'wrong'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Optional tags that say what was wrong; only meaningful with `incomplete` or `wrong`. */
export const VERDICT_REASONS = ['wrong_intent', 'not_verified', 'missing_data', 'should_not_escalate'] as const;
export type VerdictReason = (typeof VERDICT_REASONS)[number];

/** Who stored it: the worker holding the task, or a supervisor. */
export type VerdictAuthor = 'agent' | 'supervisor';

export interface StoredVerdict {
  verdict: Verdict;
  reason: VerdictReason | null;
  by: VerdictAuthor | null;
  /** ISO 8601, as the Function wrote it. */
  at: string | null;
}

/** Longest attributes JSON string parsed here (TaskRouter allows 4,096 characters; Flex passes objects). */
const MAX_ATTRIBUTES_CHARS = 64_000;

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

export function isVerdictReason(value: unknown): value is VerdictReason {
  return typeof value === 'string' && (VERDICT_REASONS as readonly string[]).includes(value);
}

/** A reason only travels with a verdict that needs one; `right` never carries a reason. */
export function normaliseReason(verdict: Verdict, reason: VerdictReason | null): VerdictReason | null {
  return verdict === 'right' ? null : reason;
}

/** The verdict stored on a task (attributes as an object or a JSON string), or null when there is none. */
export function readStoredVerdict(attributes: unknown): StoredVerdict | null {
  const record = recordFromJson(attributes, MAX_ATTRIBUTES_CHARS);
  try {
    const stored = record === null ? undefined : own(record, VERDICT_ATTRIBUTE);
    if (!isRecord(stored)) return null;
    const verdict = own(stored, 'verdict');
    if (!isVerdict(verdict)) return null;
    const reason = own(stored, 'reason');
    const by = own(stored, 'by');
    const at = own(stored, 'at');
    return {
      verdict,
      reason: normaliseReason(verdict, isVerdictReason(reason) ? reason : null),
      by: by === 'agent' || by === 'supervisor' ? by : null,
      at: typeof at === 'string' && at.length <= 40 ? at : null,
    };
  } catch {
    return null; // a throwing getter in hand-made attributes: no verdict rather than a crash
  }
}
