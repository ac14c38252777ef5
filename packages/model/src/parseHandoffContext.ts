import { childPath, cleanKey, indexLabel, indexStep, keyForms, PATH_SEPARATOR, pathOf } from './labels';
import { DEFAULT_LIMITS, type ParseLimits } from './limits';
import { ProblemLog } from './problems';
import type {
  CapturedField,
  HandoffContext,
  HandoffError,
  HandoffIntent,
  HandoffNotLoaded,
  HandoffSource,
  HandoffStatus,
  HandoffVerification,
  ProblemCode,
} from './types';
import { cutText, isRecord, own, plainValue, toBoolean, toConfidence, toCount, type JsonRecord } from './values';

/** Task attribute that carries PolyAI's data (the Handoff API response or a Function's error marker). */
export const POLYAI_ATTRIBUTE = 'polyai';

/** Envelope key of the marker a Function writes when handoff data did not fit the task (see handoffAttributes). */
export const INCOMPLETE_MARKER = 'incomplete';
const MAX_MARKER_KEYS = 100;

/** Top-level keys that mark a hand-written flow's flat PolyAI attributes. */
const FLAT_MARKERS = ['handoff_reason', 'handoff_summary', 'handoff_destination', 'handoff_to', 'utterance', 'intent'];

/**
 * Attributes Flex, TaskRouter and Studio set on every voice task. With flat attributes they sit beside
 * PolyAI's keys but are not PolyAI data, so they are not listed as captured fields.
 */
const FLEX_ATTRIBUTE_KEYS = new Set([
  'type', 'name', 'from', 'to', 'channelType', 'channelSid', 'direction', 'conversations', 'customers',
  'conference', 'caller', 'called', 'account_sid', 'callSid', 'call_sid', 'transferTargetType', 'transferQueueName',
  'ignoreAgent', 'targetWorker', 'skipTimeoutCounter', 'initiated_by', 'flexInteractionSid',
  'flexInteractionChannelSid', 'flexChannelInviteSid', 'conversationSid', 'customerAddress', 'customerName',
]);

const ALIASES = {
  summary: ['summary', 'handoff_summary', 'short_summary', 'shortSummary'],
  reason: ['handoff_reason', 'reason'],
  destination: ['handoff_destination', 'handoff_to', 'destination'],
  utterance: ['utterance', 'last_utterance', 'user_utterance'],
  language: ['asr_lang_code', 'language', 'lang'],
  customerId: ['customer_id'],
  accountNumber: ['account_number'],
  customerName: ['caller_name', 'customer_name'],
  id: ['id'],
  sharedId: ['shared_id'],
  callSid: ['call_sid'],
  intentConfidence: ['intent_confidence'],
  verification: ['verification'],
  identified: ['successfully_identified', 'identified', 'verified'],
  authMethod: ['auth_method', 'method'],
  attempts: ['verification_attempts', 'attempts'],
} as const;

const CONFIDENCE_EXPECTED = 'a confidence from 0 to 1, or a percentage written with % (such as 85%)';

const ERROR_MESSAGE_CHARS = 500;

const NO_DATA = 'PolyAI handed over no data for this call.';

/**
 * Values the captured-field walk may look at per field it may keep (holes of sparse lists and unreadable
 * values included): a list claiming 2^32−1 entries costs at most maxFields × this, whatever it is.
 */
const VISITS_PER_FIELD = 20;
/** Reads that may throw before the walk stops reading (a getter's or trap's throw is the input's own cost). */
const MAX_UNREADABLE = 20;

function isEmpty(record: JsonRecord): boolean {
  try {
    return Object.keys(record).length === 0;
  } catch {
    return true;
  }
}

/** The prefix of recognised keys read from the data object itself. */
const TOP_LEVEL: readonly string[] = [];

/**
 * Reads task attributes — an object or a JSON string, in any of the shapes flows write — into one
 * handoff context. Never throws: whatever is wrong with the input is reported in `problems`.
 */
export function parseHandoffContext(attributes: unknown, limits: ParseLimits = DEFAULT_LIMITS): HandoffContext {
  const problems = new ProblemLog();
  try {
    return new Reader(limits, problems).read(attributes);
  } catch {
    // Only exotic object inputs (throwing getters, proxies) get here; JSON never does.
    problems.add('internal-error', 'The task attributes could not be read.');
    return emptyContext('unavailable', 'none', problems, { status: null, message: 'The PolyAI data could not be read.' });
  }
}

function emptyContext(
  status: HandoffStatus,
  source: HandoffSource,
  problems: ProblemLog,
  error: HandoffError | null = null,
): HandoffContext {
  return {
    status,
    source,
    summary: null,
    intent: null,
    reason: null,
    destination: null,
    verification: null,
    customer: { id: null, accountNumber: null, name: null },
    utterance: null,
    language: null,
    ids: { id: null, sharedId: null, callSid: null },
    fields: [],
    notLoaded: null,
    error,
    problems: problems.toArray(),
  };
}

/**
 * Values already shown in a dedicated section; everything else becomes a captured field. Kept as key
 * under parent path (paths are unique per value), so the walk checks a node without building or
 * hashing its own path; they sit at most two keys deep, so deeper nodes skip the check altogether.
 */
class ConsumedPaths {
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

type Parsed = { ok: true; record: JsonRecord } | { ok: false; message: string };

class Reader {
  private readonly consumed = new ConsumedPaths();

  constructor(
    private readonly limits: ParseLimits,
    private readonly problems: ProblemLog,
  ) {}

  read(attributes: unknown): HandoffContext {
    if (attributes === undefined || attributes === null) return emptyContext('absent', 'none', this.problems);
    const parsedAttributes = this.toRecord(attributes, 'attributes', 'attributes-invalid-json', 'attributes-not-object');
    if (!parsedAttributes.ok) return emptyContext('absent', 'none', this.problems);
    const attrs = parsedAttributes.record;
    const topLevelCallSid = this.text(own(attrs, 'call_sid'), 'call_sid');

    const polyai = own(attrs, POLYAI_ATTRIBUTE);
    if (polyai !== undefined && polyai !== null) return this.readPolyai(polyai, topLevelCallSid);

    if (FLAT_MARKERS.some((key) => own(attrs, key) !== undefined)) {
      // Null prototype: a `__proto__` key is copied as data, not used as a prototype.
      const data: JsonRecord = Object.create(null);
      // Descriptors, not values: a getter that throws is copied as it is and costs only its own field.
      for (const key of Object.keys(attrs)) {
        const descriptor = FLEX_ATTRIBUTE_KEYS.has(key) ? undefined : Object.getOwnPropertyDescriptor(attrs, key);
        if (descriptor) Object.defineProperty(data, key, { ...descriptor, configurable: true });
      }
      return this.readData(data, 'flat', { id: null, sharedId: null, callSid: topLevelCallSid }, null, null);
    }
    return emptyContext('absent', 'none', this.problems);
  }

  private readPolyai(polyai: unknown, topLevelCallSid: string | null): HandoffContext {
    const unavailable = (message: string) =>
      emptyContext('unavailable', 'polyai', this.problems, { status: null, message });

    const parsed = this.toRecord(polyai, POLYAI_ATTRIBUTE, 'polyai-invalid-json', 'polyai-not-object');
    if (!parsed.ok) return unavailable(parsed.message);
    const envelope = parsed.record;
    const error = this.readErrorMarker(own(envelope, 'error'));
    const envelopeIds = {
      id: this.text(own(envelope, 'id'), `${POLYAI_ATTRIBUTE}.id`),
      sharedId: this.text(own(envelope, 'shared_id'), `${POLYAI_ATTRIBUTE}.shared_id`),
      callSid: topLevelCallSid,
    };

    const notLoaded = this.readNotLoaded(own(envelope, INCOMPLETE_MARKER));
    const rawData = own(envelope, 'data');
    const noData = (message: string, code: ProblemCode) => {
      if (error) return { ...unavailable(error.message), error, ids: envelopeIds };
      this.problems.add(code, message, `${POLYAI_ATTRIBUTE}.data`);
      return { ...unavailable(message), error: { status: null, message }, ids: envelopeIds };
    };
    if (rawData === undefined || rawData === null) {
      // The Handoff API always sends `data`: an envelope whose `data` is null carries nothing.
      if (rawData === null || error) return noData(NO_DATA, 'data-not-object');
      // `{ polyai: {} }` marks a PolyAI call but carries nothing: unavailable, not present.
      if (isEmpty(envelope)) return unavailable(NO_DATA);
      // No Handoff API envelope: the object is PolyAI's data itself.
      return this.readData(envelope, 'polyai', { id: null, sharedId: null, callSid: topLevelCallSid }, null, null);
    }
    const data = this.toRecord(rawData, `${POLYAI_ATTRIBUTE}.data`, 'polyai-invalid-json', 'data-not-object');
    if (!data.ok) return { ...unavailable(error?.message ?? data.message), error: error ?? { status: null, message: data.message }, ids: envelopeIds };
    if (notLoaded === null && isEmpty(data.record)) return noData(NO_DATA, 'data-empty');
    return this.readData(data.record, 'polyai', envelopeIds, error, notLoaded);
  }

  /** `{ count, keys }` from a Function's marker; anything unreadable counts as "something did not fit". */
  private readNotLoaded(value: unknown): HandoffNotLoaded | null {
    if (value === undefined || value === null || value === false) return null;
    const record = isRecord(value) ? value : {};
    const rawKeys = own(record, 'keys');
    const keys = (Array.isArray(rawKeys) ? rawKeys.slice(0, MAX_MARKER_KEYS) : [])
      .filter((key): key is string => typeof key === 'string' && key !== '')
      .map((key) => this.cut(key, this.limits.maxKeyChars, `${POLYAI_ATTRIBUTE}.${INCOMPLETE_MARKER}`));
    const count = toCount(own(record, 'count'));
    return { count: Math.max(count ?? 0, keys.length, 1), keys };
  }

  private readErrorMarker(value: unknown): HandoffError | null {
    if (value === undefined || value === null || value === false) return null;
    const path = `${POLYAI_ATTRIBUTE}.error`;
    let error: HandoffError;
    if (isRecord(value)) {
      const status = toCount(own(value, 'status'));
      const message = this.text(own(value, 'message'), `${path}.message`, ERROR_MESSAGE_CHARS);
      error = { status: status ?? null, message: message ?? 'PolyAI data could not be fetched.' };
    } else {
      const message = typeof value === 'string' ? this.cut(value, ERROR_MESSAGE_CHARS, path) : null;
      error = { status: null, message: message || 'PolyAI data could not be fetched.' };
    }
    this.problems.add('fetch-failed', error.message, path);
    return error;
  }

  private readData(
    data: JsonRecord,
    source: HandoffSource,
    baseIds: HandoffContext['ids'],
    error: HandoffError | null,
    notLoaded: HandoffNotLoaded | null,
  ): HandoffContext {
    // Read (and so consume) the data's own ids even when the envelope has them: not listed twice.
    const dataIds = { id: this.takeText(data, ALIASES.id), sharedId: this.takeText(data, ALIASES.sharedId) };
    const ids = {
      id: baseIds.id ?? dataIds.id,
      sharedId: baseIds.sharedId ?? dataIds.sharedId,
      callSid: this.takeText(data, ALIASES.callSid) ?? baseIds.callSid,
    };
    const context: HandoffContext = {
      status: 'present',
      source,
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
      fields: this.flatten(data),
      notLoaded,
      error,
      problems: [],
    };
    context.problems = this.problems.toArray();
    if (context.problems.length > 0) context.status = 'partial';
    return context;
  }

  // --- recognised sections -------------------------------------------------------------------------

  /** First alias holding readable text; marks it consumed. Unreadable values stay as captured fields. */
  private takeText(record: JsonRecord, aliases: readonly string[], prefix: readonly string[] = TOP_LEVEL): string | null {
    for (const key of aliases) {
      const value = own(record, key);
      if (value === undefined || value === null) continue;
      const path = childPath(pathOf(prefix), key);
      const text = this.text(value, path);
      if (text === null) {
        this.problems.add('field-invalid', `Expected text, found ${describe(value)}.`, path);
        continue;
      }
      this.consumed.add(prefix, key);
      if (text !== '') return text;
    }
    return null;
  }

  private takeIntent(data: JsonRecord): HandoffIntent | null {
    const raw = own(data, 'intent');
    let name: string | null = null;
    let confidence: number | null = null;
    if (isRecord(raw)) {
      name = this.takeText(raw, ['name', 'value', 'intent'], ['intent']);
      confidence = this.takeTyped(raw, ['confidence', 'score'], ['intent'], toConfidence, CONFIDENCE_EXPECTED);
    } else {
      name = this.takeText(data, ['intent']);
    }
    confidence ??= this.takeTyped(data, ALIASES.intentConfidence, TOP_LEVEL, toConfidence, CONFIDENCE_EXPECTED);
    if (name === null) return null;
    return { name, confidence };
  }

  private takeVerification(data: JsonRecord): HandoffVerification | null {
    const nested = own(data, 'verification');
    // PolyAI documents the keys at the top level of `data`; some projects nest them under `verification`.
    // Each value is read from the nested object first, then from the top level.
    const sources: Array<[JsonRecord, readonly string[]]> = [[data, TOP_LEVEL]];
    if (isRecord(nested)) sources.unshift([nested, ['verification']]);
    else if (nested !== undefined && nested !== null) {
      this.problems.add('field-invalid', `Expected verification details, found ${describe(nested)}.`, 'verification');
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
        this.problems.add('field-invalid', `Expected ${expected}, found ${describe(value)}.`, path);
        continue;
      }
      this.consumed.add(prefix, key);
      return converted;
    }
    return null;
  }

  // --- captured fields -----------------------------------------------------------------------------

  private flatten(data: JsonRecord): CapturedField[] {
    const walk = new FieldWalk(this.limits, this.problems, this.consumed, (value, maxChars, path) => this.cut(value, maxChars, path));
    walk.visit(data, '', '');
    return walk.fields;
  }

  // --- primitives ----------------------------------------------------------------------------------

  private toRecord(value: unknown, path: string, invalidJson: ProblemCode, notObject: ProblemCode): Parsed {
    let candidate = plainValue(value);
    if (typeof value === 'string') {
      if (value.length > this.limits.maxJsonChars) {
        const message = `The ${path} JSON is ${value.length} characters, over the ${this.limits.maxJsonChars} limit.`;
        this.problems.add('too-large', message, path);
        return { ok: false, message };
      }
      try {
        candidate = JSON.parse(value);
      } catch {
        const message = `The ${path} value is not valid JSON.`;
        this.problems.add(invalidJson, message, path);
        return { ok: false, message };
      }
    }
    if (isRecord(candidate)) return { ok: true, record: candidate };
    const message = `Expected the ${path} to be an object, found ${describe(candidate)}.`;
    this.problems.add(notObject, message, path);
    return { ok: false, message };
  }

  /** Text for display: strings cut to the limit, numbers and booleans as written; otherwise null. */
  private text(value: unknown, path: string, maxChars = this.limits.maxStringChars): string | null {
    if (typeof value === 'string') return this.cut(value, maxChars, path).trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'boolean') return String(value);
    return null;
  }

  private cut(value: string, maxChars: number, path: string): string {
    if (value.length <= maxChars) return value;
    this.problems.add('value-truncated', `A value longer than ${maxChars} characters was shortened.`, cutText(path, 200));
    return `${cutText(value, maxChars)}…`;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

/**
 * Flattens PolyAI's data into captured fields, depth first, in key order. One walk per parse: the path
 * and label of each node are built from its parent's (no re-joining of the whole path per node), and
 * one segment stack is shared, copied only into the fields kept.
 */
class FieldWalk {
  readonly fields: CapturedField[] = [];
  private readonly segments: Array<string | number> = [];
  private full = false;
  private visits = 0;
  private unreadable = 0;

  constructor(
    private readonly limits: ParseLimits,
    private readonly problems: ProblemLog,
    private readonly consumed: ConsumedPaths,
    private readonly cut: (value: string, maxChars: number, path: string) => string,
  ) {}

  /** Counts one visit; false (and the walk ends) once the budget is spent. */
  private spend(): boolean {
    const maxVisits = this.limits.maxFields * VISITS_PER_FIELD;
    if ((this.visits += 1) <= maxVisits) return true;
    this.full = true;
    this.problems.add('too-many-fields', `Only the first ${maxVisits} values were read.`);
    return false;
  }

  visit(value: unknown, path: string, label: string): void {
    if (this.full || !this.spend()) return;
    const depth = this.segments.length;

    if (Array.isArray(value) || isRecord(value)) {
      if (depth >= this.limits.maxDepth) {
        this.problems.add('too-deep', `Values nested deeper than ${this.limits.maxDepth} levels are not shown.`, path);
        this.push(path, label, null, 'truncated');
        return;
      }
      if (Array.isArray(value)) {
        const length = this.read(() => value.length, path);
        if (length === 0) this.push(path, label, null, 'empty-array');
        // Bounded by the visit budget, not the length: holes and a proxy's claimed length cost one visit each.
        for (let index = 0; typeof length === 'number' && index < length && !this.full; index += 1) {
          const item = this.read(() => value[index], path);
          // A hole (or undefined) has nothing to show: it costs a visit, not a path and a label.
          if (item === undefined) this.spend();
          else this.child(item, path, label, index);
        }
        return;
      }
      const keys = this.read(() => Object.keys(value), path) ?? [];
      if (keys.length === 0 && depth > 0) this.push(path, label, null, 'empty-object');
      // Keys are read normalised (NFKC, format characters removed) and cut to maxKeyChars: two that become one
      // are a visible problem and only the first is shown, never a second row under the same label.
      const seen = new Set<string>();
      const consumed = this.consumed.keysUnder(path, depth);
      for (const key of keys) {
        if (this.full) return;
        const segment = this.cut(cleanKey(key), this.limits.maxKeyChars, path);
        if (seen.has(segment)) {
          this.problems.add('duplicate-key', `Two keys read as "${keyForms(segment).label}": only the first is shown.`, childPath(path, segment));
          continue;
        }
        seen.add(segment);
        if (consumed?.includes(segment)) continue;
        this.child(this.read(() => value[key], childPath(path, segment)), path, label, segment);
      }
      return;
    }

    switch (typeof value) {
      case 'string':
        this.push(path, label, this.cut(value, this.limits.maxStringChars, path), 'string');
        return;
      case 'number':
        this.push(path, label, value, 'number');
        return;
      case 'boolean':
        this.push(path, label, value, 'boolean');
        return;
      case 'bigint':
        this.push(path, label, value.toString(), 'string');
        return;
      case 'undefined':
        return; // JSON has no undefined: an object input's missing value, not data.
      default:
        if (value === null) this.push(path, label, null, 'null');
        else this.problems.add('field-invalid', `A ${typeof value} cannot be shown.`, path);
    }
  }

  /**
   * One read from the input: a throwing getter or proxy trap costs that value (a problem), not the walk.
   * After MAX_UNREADABLE such reads the walk ends: every throw is the input's own cost, and it is not bounded.
   */
  private read<T>(get: () => T, path: string): T | undefined {
    try {
      return plainValue(get()) as T;
    } catch {
      this.problems.add('field-invalid', 'A value could not be read.', path);
      if ((this.unreadable += 1) >= MAX_UNREADABLE) {
        this.full = true;
        this.problems.add('field-invalid', `${MAX_UNREADABLE} values could not be read: the rest was not read.`);
      }
      return undefined;
    }
  }

  private child(value: unknown, path: string, label: string, segment: string | number): void {
    // The child's path and label extend the parent's by one step (what pathOf and labelForPath build).
    let step: string;
    let labelStep: string;
    const first = this.segments.length === 0;
    if (typeof segment === 'number') {
      step = indexStep(segment);
      labelStep = indexLabel(segment);
    } else {
      const forms = keyForms(segment);
      step = first ? forms.firstStep : forms.step;
      labelStep = forms.label;
    }
    this.segments.push(segment);
    this.visit(value, path + step, first ? labelStep : `${label}${PATH_SEPARATOR}${labelStep}`);
    this.segments.pop();
  }

  private push(path: string, label: string, value: CapturedField['value'], kind: CapturedField['kind']): void {
    if (this.fields.length >= this.limits.maxFields) {
      this.full = true;
      this.problems.add('too-many-fields', `Only the first ${this.limits.maxFields} captured fields are shown.`);
      return;
    }
    this.fields.push({ path, segments: this.segments.slice(), label, value, kind });
  }
}
