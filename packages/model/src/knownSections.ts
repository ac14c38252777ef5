/**
 * The sections the tab shows on their own (summary, intent, reason, destination, verification, caller, ids),
 * read from PolyAI's data by the keys and aliases of the table in polyaiKeys. Each key read is marked
 * consumed, so the captured-field walk does not list it a second time.
 */
import { childPath, pathOf } from './labels';
import { POLYAI_KEYS, sectionAliases } from './polyaiKeys';
import { describe, type InputReader } from './reading';
import type { HandoffContext, HandoffIds, HandoffIntent, HandoffVerification } from './types';
import { isRecord, own, toBoolean, toConfidence, toCount, type JsonRecord } from './values';

/** Each section's aliases, from the one table of PolyAI's keys. */
const ALIASES = {
  summary: sectionAliases('summary'),
  reason: POLYAI_KEYS.reason.aliases,
  destination: POLYAI_KEYS.destination.aliases,
  utterance: POLYAI_KEYS.utterance.aliases,
  language: POLYAI_KEYS.language.aliases,
  customerId: POLYAI_KEYS.customerId.aliases,
  accountNumber: POLYAI_KEYS.accountNumber.aliases,
  customerName: POLYAI_KEYS.customerName.aliases,
  id: POLYAI_KEYS.id.aliases,
  sharedId: POLYAI_KEYS.sharedId.aliases,
  callSid: POLYAI_KEYS.callSid.aliases,
  intent: POLYAI_KEYS.intent.aliases,
  intentName: POLYAI_KEYS.intentName.aliases,
  intentScore: POLYAI_KEYS.intentScore.aliases,
  intentConfidence: POLYAI_KEYS.intentConfidence.aliases,
  verification: POLYAI_KEYS.verification.aliases,
  identified: POLYAI_KEYS.identified.aliases,
  authMethod: POLYAI_KEYS.authMethod.aliases,
  attempts: POLYAI_KEYS.attempts.aliases,
} as const;

const CONFIDENCE_EXPECTED = 'a confidence from 0 to 1, or a percentage written with % (such as 85%)';

/** The prefix of recognised keys read from the data object itself. */
const TOP_LEVEL: readonly string[] = [];

export type KnownSections = Pick<HandoffContext, 'summary' | 'intent' | 'reason' | 'destination' | 'verification' | 'customer' | 'utterance' | 'language' | 'ids'>;

/**
 * Values already shown in a dedicated section; everything else becomes a captured field. Kept as key
 * under parent path (paths are unique per value), so the walk checks a node without building or
 * hashing its own path; they sit at most two keys deep, so deeper nodes skip the check altogether.
 */
export class ConsumedPaths {
  // A handful of entries (the recognised keys under at most three parents): arrays beat hashing here.
  private readonly parents: string[] = [];
  private readonly keysByParent: string[][] = [];
  private deepest = 0;

  add(prefix: readonly string[], key: string): void {
    const parent = pathOf(prefix);
    const index = this.parents.indexOf(parent);
    if (index === -1) {
      this.parents.push(parent);
      this.keysByParent.push([key]);
    } else {
      this.keysByParent[index].push(key);
    }
    this.deepest = Math.max(this.deepest, prefix.length + 1);
  }

  /** The consumed keys of the object at `path`, `depth` keys deep; undefined when it has none. */
  keysUnder(path: string, depth: number): readonly string[] | undefined {
    return depth < this.deepest ? this.keysByParent[this.parents.indexOf(path)] : undefined;
  }
}

export class SectionReader {
  readonly consumed = new ConsumedPaths();

  constructor(private readonly input: InputReader) {}

  /**
   * The known sections of `data`. The call's identity is `baseIds` alone: Twilio's `call_sid` on the task and
   * the ids our Functions wrote on the envelope from PolyAI's API. Ids inside `data` came from PolyAI's data or
   * a SIP header (a REFER's `X-Call-Sid`): they are data, never identity, and are listed as captured fields
   * unless they repeat one of the call's ids.
   */
  read(data: JsonRecord, baseIds: HandoffIds): KnownSections {
    const ids = { ...baseIds };
    const known = [ids.id, ids.sharedId, ids.callSid];
    for (const aliases of [ALIASES.id, ALIASES.sharedId, ALIASES.callSid]) this.takeIfKnown(data, aliases, known);
    return {
      summary: this.takeText(data, ALIASES.summary),
      intent: this.takeIntent(data),
      reason: this.takeText(data, ALIASES.reason),
      destination: this.takeText(data, ALIASES.destination),
      verification: this.takeVerification(data),
      customer: {
        id: this.takeText(data, ALIASES.customerId),
        accountNumber: this.takeText(data, ALIASES.accountNumber),
        name: this.takeText(data, ALIASES.customerName),
      },
      utterance: this.takeText(data, ALIASES.utterance),
      language: this.takeText(data, ALIASES.language),
      ids,
    };
  }

  /** Marks an alias consumed when it repeats one of the call's ids (shown once, in the reference section). */
  private takeIfKnown(record: JsonRecord, aliases: readonly string[], known: ReadonlyArray<string | null>): void {
    for (const key of aliases) {
      const raw = own(record, key);
      if (typeof raw === 'string' && known.includes(raw.trim())) this.consumed.add(TOP_LEVEL, key);
    }
  }

  /** First alias holding readable text; marks it consumed. Unreadable values stay as captured fields. */
  private takeText(record: JsonRecord, aliases: readonly string[], prefix: readonly string[] = TOP_LEVEL): string | null {
    for (const key of aliases) {
      const value = own(record, key);
      if (value === undefined || value === null) continue;
      const path = childPath(pathOf(prefix), key);
      const text = this.input.text(value, path);
      if (text === null) {
        this.input.problems.add('field-invalid', `Expected text, found ${describe(value)}.`, path);
        continue;
      }
      this.consumed.add(prefix, key);
      if (text !== '') return text;
    }
    return null;
  }

  private takeIntent(data: JsonRecord): HandoffIntent | null {
    const [intentKey] = ALIASES.intent;
    const raw = own(data, intentKey);
    let name: string | null = null;
    let confidence: number | null = null;
    if (isRecord(raw)) {
      name = this.takeText(raw, ALIASES.intentName, [intentKey]);
      confidence = this.takeTyped(raw, ALIASES.intentScore, [intentKey], toConfidence, CONFIDENCE_EXPECTED);
    } else {
      name = this.takeText(data, ALIASES.intent);
    }
    confidence ??= this.takeTyped(data, ALIASES.intentConfidence, TOP_LEVEL, toConfidence, CONFIDENCE_EXPECTED);
    if (name === null) return null;
    return { name, confidence };
  }

  private takeVerification(data: JsonRecord): HandoffVerification | null {
    const [verificationKey] = ALIASES.verification;
    const nested = own(data, verificationKey);
    // PolyAI documents the keys at the top level of `data`; some projects nest them under `verification`.
    // Each value is read from the nested object first, then from the top level.
    const sources: Array<[JsonRecord, readonly string[]]> = [[data, TOP_LEVEL]];
    if (isRecord(nested)) sources.unshift([nested, [verificationKey]]);
    else if (nested !== undefined && nested !== null) {
      this.input.problems.add('field-invalid', `Expected verification details, found ${describe(nested)}.`, verificationKey);
    }
    const first = <T>(read: (record: JsonRecord, prefix: readonly string[]) => T | null): T | null => {
      for (const [record, prefix] of sources) {
        const value = read(record, prefix);
        if (value !== null) return value;
      }
      return null;
    };
    const identified = first((record, prefix) => this.takeTyped(record, ALIASES.identified, prefix, toBoolean, 'yes or no'));
    const attempts = first((record, prefix) => this.takeTyped(record, ALIASES.attempts, prefix, toCount, 'a count'));
    const method = first((record, prefix) => this.takeText(record, ALIASES.authMethod, prefix));
    if (identified === null && attempts === null && method === null) return null;
    return { identified, method, attempts };
  }

  private takeTyped<T>(
    record: JsonRecord,
    aliases: readonly string[],
    prefix: readonly string[],
    convert: (value: unknown) => T | undefined,
    expected: string,
  ): T | null {
    for (const key of aliases) {
      const value = own(record, key);
      if (value === undefined || value === null) continue;
      const path = childPath(pathOf(prefix), key);
      const converted = convert(value);
      if (converted === undefined) {
        this.input.problems.add('field-invalid', `Expected ${expected}, found ${describe(value)}.`, path);
        continue;
      }
      this.consumed.add(prefix, key);
      return converted;
    }
    return null;
  }
}
