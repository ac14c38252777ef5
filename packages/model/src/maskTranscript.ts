/**
 * Masking inside the transcript, pure. A value captured as sensitive (a `dob` entity on the turn, a
 * sensitive captured field of the handoff) is masked where the caller said it, so the bubble cannot show
 * what the badge and the fields table hide, and search cannot find it.
 */
import type { ConversationTurn } from './conversation';
import { ACCOUNT_NUMBER_PATH, isPreMasked, isSensitivePath, isSensitiveValue, MASK } from './masking';
import type { HandoffContext } from './types';

/** Shorter values ("12", "no") would mask ordinary words; they are masked in badges and fields only. */
const MIN_MASKED_CHARS = 3;
/** Bounded work per turn whatever the handoff carries. */
const MAX_VALUES = 50;
/** Entity names remembered per call: bounded memory whatever the call carries. */
const MAX_JUDGED_NAMES = 1_000;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function maskOccurrences(text: string, values: readonly string[]): string {
  let masked = text;
  for (const value of values) masked = masked.replace(new RegExp(escapeRegExp(value), 'gi'), MASK);
  return masked;
}

/**
 * The turn with its sensitive values masked, or null when it carries none (nothing to reveal). When a
 * sensitive entity's value is not in the text as written ("fourth of May 1988" for `1988-05-04`), the
 * whole text is masked: its spoken form cannot be told apart reliably. The same holds for the translation.
 */
export function maskTurn(turn: ConversationTurn, patterns: readonly RegExp[], sensitiveValues: readonly string[]): ConversationTurn | null {
  return maskWith(turn, (name) => isSensitivePath([name], patterns), sensitiveValues);
}

/** `maskTurn`, an entity's name judged by `sensitiveName` (the mask patterns, or a memo of them). */
function maskWith(turn: ConversationTurn, sensitiveName: (name: string) => boolean, sensitiveValues: readonly string[]): ConversationTurn | null {
  const sensitive = (name: string, values: readonly string[]) => sensitiveName(name) && !values.every(isPreMasked);
  const entityValues = turn.entities
    .filter((entity) => sensitive(entity.name, entity.values))
    .flatMap((entity) => entity.values.map((value) => value.trim()))
    .filter((value) => value !== '');
  // Compared in lower case, each text and value lowered once.
  const lowerValues = entityValues.map((value) => value.toLowerCase());
  const [lowerText, lowerDtmf, lowerTranslation] = [turn.text, turn.dtmf, turn.translation].map((part) => part?.toLowerCase() ?? null);
  const holds = (part: string | null, value: string) => part !== null && part.includes(value);
  // A value typed on the keypad need not be in the words. A value said is in the text and in its translation
  // (one utterance, two languages): where either lacks it as written, it was said differently there
  // ("uno dos tres cuatro" beside "my pin is 4321"), so that part is masked whole. Found nowhere, all are.
  const saidDifferentlyIn = (part: string | null, others: ReadonlyArray<string | null>) =>
    lowerValues.some((value) => !holds(part, value) && !others.some((other) => holds(other, value)));
  const values = [...entityValues, ...sensitiveValues]
    .filter((value) => value.length >= MIN_MASKED_CHARS)
    .slice(0, MAX_VALUES)
    // Longest first, so a value containing another is masked whole.
    .sort((a, b) => b.length - a.length);
  const mask = (part: string, whole: boolean) => (whole && part !== '' ? MASK : maskOccurrences(part, values));
  const text = mask(turn.text, saidDifferentlyIn(lowerText, [lowerDtmf]));
  const dtmf = turn.dtmf === null ? null : mask(turn.dtmf, saidDifferentlyIn(lowerDtmf, [lowerText, lowerTranslation]));
  const translation = turn.translation === null ? null : mask(turn.translation, saidDifferentlyIn(lowerTranslation, [lowerDtmf]));
  if (text === turn.text && dtmf === turn.dtmf && translation === turn.translation && entityValues.length === 0) return null;
  return {
    ...turn,
    text,
    dtmf,
    translation,
    entities: turn.entities.map((entity) => (sensitive(entity.name, entity.values) ? { ...entity, values: [MASK] } : entity)),
  };
}

/**
 * `maskTurn` for many turns with the same patterns and handoff values: the values are prepared once, each
 * entity name judged once, and a turn with no sensitive entity and none of the values in it is passed over. The
 * check compares upper-cased text, which finds every place the case-insensitive masking would (that masking
 * compares characters by their upper case), so a turn it passes over is one `maskTurn` returns null for.
 */
export function turnMasker(patterns: readonly RegExp[], sensitiveValues: readonly string[]): (turn: ConversationTurn) => ConversationTurn | null {
  const upperValues = sensitiveValues
    .filter((value) => value.length >= MIN_MASKED_CHARS)
    .slice(0, MAX_VALUES)
    .map((value) => value.toUpperCase());
  const holdsValue = (part: string | null) => {
    if (part === null || part === '') return false;
    const upper = part.toUpperCase();
    return upperValues.some((value) => upper.includes(value));
  };
  // A call repeats a handful of entity names: each is judged against the patterns once.
  const judged = new Map<string, boolean>();
  const sensitiveName = (name: string) => {
    let sensitive = judged.get(name);
    if (sensitive === undefined) {
      sensitive = isSensitivePath([name], patterns);
      if (judged.size < MAX_JUDGED_NAMES) judged.set(name, sensitive);
    }
    return sensitive;
  };
  return (turn) => {
    const quiet = !turn.entities.some((entity) => sensitiveName(entity.name));
    if (quiet && !holdsValue(turn.text) && !holdsValue(turn.dtmf) && !holdsValue(turn.translation)) return null;
    return maskWith(turn, sensitiveName, sensitiveValues);
  };
}

/** The handoff's sensitive values as text (captured fields, the account number), to mask in the turns. */
export function sensitiveValuesOf(context: HandoffContext, patterns: readonly RegExp[]): string[] {
  const values: string[] = [];
  const add = (segments: ReadonlyArray<string | number>, value: unknown) => {
    if ((typeof value === 'string' || typeof value === 'number') && isSensitiveValue(segments, value, patterns)) values.push(String(value).trim());
  };
  add(ACCOUNT_NUMBER_PATH, context.customer.accountNumber);
  for (const field of context.fields) add(field.segments, field.value);
  return values;
}
