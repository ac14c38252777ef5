/**
 * Stores a verdict on a task without losing anyone else's change: read the task and its ETag, merge the verdict
 * (`polyai_verdict`, plus its Insights values in `conversations`), update with `If-Match`; on 412 (someone else
 * updated the task in between) read again and retry, a bounded number of times within a deadline. The attributes
 * written stay within TaskRouter's 4,096 characters: the Insights values go first, then the verdict is refused.
 * The verdict changes only the members it owns, in the attributes' JSON text (lib/jsonText): every other byte,
 * other systems' big numbers, exotic numbers, escapes and key order included, is written back as it was read.
 */
import { isRecord, own, recordFromJson, VERDICT_ATTRIBUTE, type StoredVerdict, type Verdict, type VerdictAuthor, type VerdictReason } from '@polyai-context/model';
import { CONVERSATIONS_ATTRIBUTE, conversationChanges, MAX_TASK_ATTRIBUTES_CHARS, verdictInsightsValues, type InsightsSlots } from './insights';
import { memberValueAt, removeMember, rootObject, setMember } from './jsonText';
import { TaskRouterError, type TaskRouterGateway } from './taskrouter';

export interface VerdictInput {
  verdict: Verdict;
  reason: VerdictReason | null;
  by: VerdictAuthor;
}

export interface StoreOptions {
  slots: InsightsSlots;
  /** Whole store, every attempt included. */
  deadlineMs: number;
  maxAttempts: number;
  now?: () => Date;
}

export type StoreResult =
  | { ok: true; stored: StoredVerdict; insights: boolean; attributes: Record<string, unknown>; attempts: number }
  | { ok: false; status: number; message: string; attempts: number };

/** Task statuses in which the verdict can no longer change. */
const CLOSED_STATUSES = new Set(['completed', 'canceled']);
const MAX_OWNED_KEYS = 10;

/** The next attributes: the JSON text to write and what it parses to. */
export interface VerdictWrite {
  text: string;
  attributes: Record<string, unknown>;
  insights: boolean;
}

/**
 * The task's next attributes with the verdict merged into `text` (whose parsed form is `attributes`), or null when
 * even the bare verdict does not fit.
 */
export function attributesWithVerdict(text: string, attributes: Record<string, unknown>, stored: StoredVerdict, slots: InsightsSlots): VerdictWrite | null {
  const owned = ownedInsightsKeys(attributes);
  const full = withVerdict(text, attributes, stored, verdictInsightsValues(stored, slots), owned);
  if (fits(full.text)) return { text: full.text, attributes: JSON.parse(full.text) as Record<string, unknown>, insights: full.written.length > 0 };
  // Without Insights values (our earlier ones removed, so they cannot contradict the new verdict).
  const bare = withVerdict(text, attributes, stored, {}, owned);
  return fits(bare.text) ? { text: bare.text, attributes: JSON.parse(bare.text) as Record<string, unknown>, insights: false } : null;
}

/** `text` with the verdict and the Insights `values` we may write; only our own members change. */
function withVerdict(text: string, attributes: Record<string, unknown>, stored: StoredVerdict, values: Record<string, string>, owned: readonly string[]) {
  const root = rootObject(text);
  const existing = own(attributes, CONVERSATIONS_ATTRIBUTE);
  let edited = text;
  let written: string[] = [];
  // A `conversations` that is not an object is someone else's: left alone.
  if (existing === undefined || isRecord(existing)) {
    const { set, remove } = conversationChanges(existing ?? {}, values, owned);
    written = Object.keys(set);
    const open = memberValueAt(edited, root, CONVERSATIONS_ATTRIBUTE);
    if (open === undefined) {
      if (written.length > 0) edited = setMember(edited, root, CONVERSATIONS_ATTRIBUTE, JSON.stringify(set));
    } else {
      for (const key of remove) edited = removeMember(edited, open, key);
      for (const [key, value] of Object.entries(set)) edited = setMember(edited, open, key, JSON.stringify(value));
    }
  }
  edited = setMember(edited, root, VERDICT_ATTRIBUTE, JSON.stringify({ ...stored, insights_keys: written }));
  return { text: edited, written };
}

/** `conversations` keys an earlier verdict wrote: ours to update or remove. */
function ownedInsightsKeys(attributes: Record<string, unknown>): string[] {
  const previous = own(attributes, VERDICT_ATTRIBUTE);
  const keys = isRecord(previous) ? own(previous, 'insights_keys') : undefined;
  return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string' && key.length <= 40).slice(0, MAX_OWNED_KEYS) : [];
}

function fits(text: string): boolean {
  return text.length <= MAX_TASK_ATTRIBUTES_CHARS;
}

export async function storeVerdict(gateway: TaskRouterGateway, taskSid: string, input: VerdictInput, options: StoreOptions): Promise<StoreResult> {
  const started = Date.now();
  const remaining = () => options.deadlineMs - (Date.now() - started);
  let attempts = 0;
  try {
    while (attempts < options.maxAttempts && remaining() > 0) {
      attempts += 1;
      const task = await within(remaining(), gateway.fetchTask(taskSid));
      if (CLOSED_STATUSES.has(task.assignmentStatus)) return fail(409, 'The task is already completed: its verdict can no longer change.', attempts);
      const attributes = recordFromJson(task.attributes, Number.POSITIVE_INFINITY);
      if (attributes === null) return fail(502, 'The task attributes are not a JSON object.', attempts);
      const stored: StoredVerdict = { verdict: input.verdict, reason: input.reason, by: input.by, at: (options.now?.() ?? new Date()).toISOString() };
      const next = attributesWithVerdict(task.attributes, attributes, stored, options.slots);
      if (next === null) return fail(413, `The task attributes are full (TaskRouter allows ${MAX_TASK_ATTRIBUTES_CHARS} characters): the verdict was not stored.`, attempts);
      try {
        await within(remaining(), gateway.updateTaskAttributes(taskSid, next.text, task.etag));
        return { ok: true, stored, insights: next.insights, attributes: next.attributes, attempts };
      } catch (error) {
        if (error instanceof TaskRouterError && error.status === 412) continue; // changed in between: read again
        throw error;
      }
    }
    // The time was gone before the task was even read (the earlier stages took it): it never changed.
    if (attempts === 0) return fail(504, OUT_OF_TIME, attempts);
    return fail(409, 'The task kept changing while the verdict was saved: try again.', attempts);
  } catch (error) {
    const status = error instanceof TaskRouterError ? error.status : 502;
    if (status === 404) return fail(404, 'The task no longer exists.', attempts);
    if (status === 504) return fail(504, 'TaskRouter did not answer in time: the verdict may not be stored.', attempts);
    return fail(502, `TaskRouter refused the update (${status}).`, attempts);
  }
}

export const OUT_OF_TIME = 'The verdict was not saved: this request ran out of time before the task could be read. Try again.';

function fail(status: number, message: string, attempts: number): StoreResult {
  return { ok: false, status, message, attempts };
}

/** The promise, or a TaskRouterError(504) once `ms` has passed; the timer never outlives it. */
export function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TaskRouterError(504)), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
