/**
 * PolyAI's key names, in one table: the section reader (knownSections), the attribute packing
 * (handoffAttributes), the envelope's flat-attribute check (envelope) and the SIP claims filter all read
 * their keys from here, so a key one of them knows cannot be missing from the others.
 */

/** Where the tab shows a key's value. */
export type KeySection =
  | 'verification' | 'customer' | 'intent' | 'reason' | 'destination' | 'language' | 'summary' | 'utterance' | 'ids' | 'transcript';

/**
 * `identity`: says who the caller is, whether they were verified, or which call this is; a claim unless it came
 * from PolyAI's Handoff API. `masked`: an identity key the default mask patterns hide. `none`: what the call was about.
 */
export type KeySensitivity = 'identity' | 'masked' | 'none';

export interface PolyaiKey {
  readonly section: KeySection;
  /** The names PolyAI and flows write it under, the earliest winning when two disagree. */
  readonly aliases: readonly string[];
  /**
   * Place under the attribute budget, lower first (keys of one rank in table order); `never`: not stored on the
   * task at all (fetched when the tab opens); `within`: packed as part of the object it sits in.
   */
  readonly priority: number | 'never' | 'within';
  /** A text cut to the room left instead of dropped when it does not fit. */
  readonly cut: boolean;
  readonly sensitivity: KeySensitivity;
  /** Aliases that on their own mark a task's top-level attributes as a hand-written flow's PolyAI data. */
  readonly marksFlat: readonly string[];
}

const key = (
  section: KeySection,
  aliases: readonly string[],
  priority: PolyaiKey['priority'],
  sensitivity: KeySensitivity,
  options: { cut?: boolean; marksFlat?: readonly string[] } = {},
): PolyaiKey => Object.freeze({ section, aliases: Object.freeze([...aliases]), priority, cut: options.cut ?? false, sensitivity, marksFlat: Object.freeze([...(options.marksFlat ?? [])]) });

/**
 * The packing order (docs/handoff-data.md): who the caller is and why they called first — verification, the
 * caller's ids, intent, name — kept whole; then the handoff reason, destination, language, short summary, summary
 * and the caller's last words (the texts among them cut to fit rather than dropped); then ids repeated inside the
 * data. A text that is cut fills the room left, so none comes before the caller's name.
 */
export const POLYAI_KEYS = Object.freeze({
  verification: key('verification', ['verification'], 1, 'identity'),
  identified: key('verification', ['successfully_identified', 'identified', 'verified'], 1, 'identity'),
  authMethod: key('verification', ['auth_method', 'method'], 1, 'identity'),
  attempts: key('verification', ['verification_attempts', 'attempts'], 1, 'identity'),
  customerId: key('customer', ['customer_id'], 2, 'identity'),
  accountNumber: key('customer', ['account_number'], 2, 'masked'),
  intent: key('intent', ['intent'], 3, 'none', { marksFlat: ['intent'] }),
  intentConfidence: key('intent', ['intent_confidence'], 3, 'none'),
  /** Inside an `intent` object. */
  intentName: key('intent', ['name', 'value', 'intent'], 'within', 'none'),
  /** Inside an `intent` object. */
  intentScore: key('intent', ['confidence', 'score'], 'within', 'none'),
  customerName: key('customer', ['caller_name', 'customer_name'], 4, 'identity'),
  reason: key('reason', ['handoff_reason', 'reason'], 5, 'none', { cut: true, marksFlat: ['handoff_reason'] }),
  destination: key('destination', ['handoff_destination', 'handoff_to', 'destination'], 6, 'none', { marksFlat: ['handoff_destination', 'handoff_to'] }),
  language: key('language', ['asr_lang_code', 'language', 'lang'], 7, 'none'),
  summary: key('summary', ['summary', 'handoff_summary'], 9, 'none', { cut: true, marksFlat: ['handoff_summary'] }),
  shortSummary: key('summary', ['short_summary', 'shortSummary'], 8, 'none', { cut: true }),
  utterance: key('utterance', ['utterance', 'last_utterance', 'user_utterance'], 10, 'none', { cut: true, marksFlat: ['utterance'] }),
  sharedId: key('ids', ['shared_id'], 11, 'identity'),
  id: key('ids', ['id'], 11, 'identity'),
  callSid: key('ids', ['call_sid'], 11, 'identity'),
  transcript: key('transcript', ['transcript', 'turns', 'conversation', 'messages', 'history'], 'never', 'none'),
} satisfies Record<string, PolyaiKey>);

const ROWS: readonly PolyaiKey[] = Object.values(POLYAI_KEYS);

/** Every alias of a section, earliest winning, in table order (the summary's long form before its short one). */
export function sectionAliases(section: KeySection): readonly string[] {
  return ROWS.filter((row) => row.section === section && row.priority !== 'within').flatMap((row) => row.aliases);
}

/*
 * The tables below are built at load; `@__PURE__` lets the plugin's minifier drop those the plugin does not read
 * (packing is the Functions'), which it cannot prove free of side effects on its own.
 */

/** Top-level data keys in packing order. */
export const PRIORITY_KEYS: readonly string[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ ROWS.flatMap((row, index) => (typeof row.priority === 'number' ? [{ row, index, rank: row.priority }] : []))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .flatMap(({ row }) => row.aliases),
);

/** Top-level keys never stored on the task. */
export const NEVER_STORED_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(/* @__PURE__ */ ROWS.flatMap((row) => (row.priority === 'never' ? row.aliases : [])));

/** Top-level texts cut to fit instead of dropped. */
export const CUT_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(/* @__PURE__ */ ROWS.flatMap((row) => (row.cut ? row.aliases : [])));

/** Top-level keys that mark a hand-written flow's flat PolyAI attributes. */
export const FLAT_MARKERS: readonly string[] = Object.freeze(ROWS.flatMap((row) => row.marksFlat));

/**
 * Keys that say who the caller is, whether they were verified, or which call this is. A Function that has such
 * values from anywhere but PolyAI's Handoff API (fetched server-side) keeps them out of these keys: they are claims.
 */
export const IDENTITY_KEYS: readonly string[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ ROWS.flatMap((row) => (row.sensitivity !== 'none' && row.priority !== 'within' ? row.aliases : [])),
);
