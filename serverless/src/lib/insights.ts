/**
 * Flex Insights reads a task's `conversations` attributes (Twilio: "Add additional TaskRouter data"):
 * `conversation_attribute_1`…`_10` hold text values (only the first 128 characters are loaded), and a few
 * documented standard fields (`content`, `case`, `campaign`, …). This module maps PolyAI's handoff and the
 * agent's verdict onto those keys. Which key carries what is configurable (`POLYAI_INSIGHTS_SLOTS`); keys a
 * flow, Studio or Flex already set are never overwritten. Pure: no network.
 */
import { parseHandoffContext, type HandoffContext, type StoredVerdict, type Verdict, type VerdictReason } from '@polyai-context/model';
import { text, type Env } from './config';
import { scrubJson, secretsOf } from './secrets';

export const CONVERSATIONS_ATTRIBUTE = 'conversations';

/** TaskRouter's limit on a task's attributes JSON, whitespace included (TaskRouter resource limits). */
export const MAX_TASK_ATTRIBUTES_CHARS = 4_096;

/** Insights loads only the first 128 characters of an attribute value. */
export const MAX_INSIGHTS_VALUE_CHARS = 128;

export const INSIGHTS_FIELDS = ['reason', 'intent', 'verified', 'destination', 'context', 'verdict', 'verdict_reason'] as const;
export type InsightsField = (typeof INSIGHTS_FIELDS)[number];

/** Target key inside `conversations` for each field; null = not written. */
export type InsightsSlots = Readonly<Record<InsightsField, string | null>>;

/** Custom attributes 4–10: 1–3 stay free for the slots admins most often use already. */
export const DEFAULT_INSIGHTS_SLOTS: InsightsSlots = Object.freeze({
  reason: 'conversation_attribute_4',
  intent: 'conversation_attribute_5',
  verified: 'conversation_attribute_6',
  destination: 'conversation_attribute_7',
  context: 'conversation_attribute_8',
  verdict: 'conversation_attribute_9',
  verdict_reason: 'conversation_attribute_10',
});

/** Documented text fields of the `conversations` object an admin may route a value to instead of a custom slot. */
const STANDARD_TEXT_FIELDS = new Set(['content', 'case', 'campaign', 'initiative', 'destination', 'language', 'source']);

export const VERDICT_VALUES: Readonly<Record<Verdict, string>> = { right: 'Context right', incomplete: 'Context incomplete', wrong: 'Context wrong' };
export const VERDICT_REASON_VALUES: Readonly<Record<VerdictReason, string>> = {
  wrong_intent: 'Wrong intent',
  not_verified: 'Not verified',
  missing_data: 'Missing data',
  should_not_escalate: 'Should not have been escalated',
};

/**
 * `POLYAI_INSIGHTS_SLOTS`: comma-separated `field=target`, where target is 1–10 (`conversation_attribute_N`), a
 * documented standard field (`content`, `case`, …) or `off`. Unnamed fields keep their default; `off` alone
 * turns every field off. Invalid entries are reported and leave that field at its default.
 */
export function readInsightsSlots(env: Env): { slots: InsightsSlots; problems: string[] } {
  const spec = text(env.POLYAI_INSIGHTS_SLOTS);
  const problems: string[] = [];
  if (spec.toLowerCase() === 'off') return { slots: Object.fromEntries(INSIGHTS_FIELDS.map((field) => [field, null])) as InsightsSlots, problems };
  const slots: Record<InsightsField, string | null> = { ...DEFAULT_INSIGHTS_SLOTS };
  for (const entry of spec.split(',').map((item) => item.trim()).filter((item) => item !== '')) {
    const [field, target = ''] = entry.split('=').map((part) => part.trim().toLowerCase());
    const key = targetKey(target);
    if (!(INSIGHTS_FIELDS as readonly string[]).includes(field) || key === undefined) {
      problems.push(`POLYAI_INSIGHTS_SLOTS: "${entry.slice(0, 60)}" is not field=1..10|${[...STANDARD_TEXT_FIELDS].join('|')}|off.`);
      continue;
    }
    slots[field as InsightsField] = key;
  }
  const targets = Object.values(slots).filter((key): key is string => key !== null);
  if (new Set(targets).size !== targets.length) {
    problems.push('POLYAI_INSIGHTS_SLOTS: two fields share one target; using the defaults.');
    return { slots: DEFAULT_INSIGHTS_SLOTS, problems };
  }
  return { slots, problems };
}

function targetKey(target: string): string | null | undefined {
  const lower = target.toLowerCase();
  if (lower === 'off') return null;
  if (/^(10|[1-9])$/.test(lower)) return `conversation_attribute_${lower}`;
  return STANDARD_TEXT_FIELDS.has(lower) ? lower : undefined;
}

function cut(value: string): string {
  // Array.from: never split a surrogate pair at the limit.
  return Array.from(value.trim()).slice(0, MAX_INSIGHTS_VALUE_CHARS).join('');
}

function verifiedValue(context: HandoffContext): string {
  const identified = context.verification?.identified;
  return identified === true ? 'Verified' : identified === false ? 'Not verified' : 'Unknown';
}

const CONTEXT_VALUES = { present: 'Present', partial: 'Partial', unavailable: 'Unavailable' } as const;

/** The handoff's Insights values by target key; a non-PolyAI task gets none. */
export function handoffInsightsValues(context: HandoffContext, slots: InsightsSlots): Record<string, string> {
  if (context.status === 'absent') return {};
  const values: Partial<Record<InsightsField, string | null>> = {
    reason: context.reason,
    intent: context.intent?.name ?? null,
    verified: verifiedValue(context),
    destination: context.destination,
    context: CONTEXT_VALUES[context.status],
  };
  return slotted(values, slots);
}

/** The verdict's Insights values by target key. */
export function verdictInsightsValues(verdict: Pick<StoredVerdict, 'verdict' | 'reason'>, slots: InsightsSlots): Record<string, string> {
  return slotted({ verdict: VERDICT_VALUES[verdict.verdict], verdict_reason: verdict.reason ? VERDICT_REASON_VALUES[verdict.reason] : null }, slots);
}

function slotted(values: Partial<Record<InsightsField, string | null>>, slots: InsightsSlots): Record<string, string> {
  const result: Record<string, string> = {};
  for (const field of INSIGHTS_FIELDS) {
    const key = slots[field];
    const value = values[field];
    if (key !== null && typeof value === 'string' && value.trim() !== '') result[key] = cut(value);
  }
  return result;
}

/**
 * What merging `values` into a `conversations` object changes. A key already there is kept unless it is in `owned`
 * (keys we wrote earlier, which we may update or remove): `set` holds the values to write, `remove` the owned keys
 * that are there but have no value any more. verdictStore applies it to the attributes' JSON text.
 */
export function conversationChanges(
  existing: Record<string, unknown>,
  values: Record<string, string>,
  owned: readonly string[],
): { set: Record<string, string>; remove: string[] } {
  const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);
  const remove = owned.filter((key) => !has(values, key) && has(existing, key));
  const set: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (!has(existing, key) || owned.includes(key)) set[key] = value;
  return { set, remove };
}

/**
 * The routing Functions' Insights values for task attributes holding `polyai`, read from them scrubbed of the
 * Functions' secrets, so the 128-character cut never keeps part of one. lib/routing fits them in the route's budget.
 */
export function handoffInsights(attributes: object, env: Env): Record<string, string> {
  try {
    return handoffInsightsValues(parseHandoffContext(scrubJson(attributes, secretsOf(env))), readInsightsSlots(env).slots);
  } catch {
    return {}; // reporting must never stop a call from being routed
  }
}
