/**
 * Where PolyAI's data sits in task attributes: the `polyai` envelope a Function writes (`{ id, shared_id, data,
 * incomplete?, error? }`, see handoffAttributes), PolyAI's data put under `polyai` as it is, or a hand-written
 * flow's flat keys. Finds the data object and what the envelope says about it; reads none of its values.
 */
import { received, type PolyaiEnvelope } from './contracts';
import { FLAT_MARKERS } from './polyaiKeys';
import type { InputReader } from './reading';
import type { HandoffError, HandoffIds, HandoffNotLoaded, HandoffSource, ProblemCode } from './types';
import { isRecord, own, toCount, type JsonRecord } from './values';

/** Task attribute that carries PolyAI's data (the Handoff API response or a Function's error marker). */
export const POLYAI_ATTRIBUTE = 'polyai';

/** Envelope key of the marker a Function writes when handoff data did not fit the task (see handoffAttributes). */
export const INCOMPLETE_MARKER = 'incomplete' satisfies keyof PolyaiEnvelope;
const MAX_MARKER_KEYS = 100;

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

const ERROR_MESSAGE_CHARS = 500;

export const NO_DATA = 'PolyAI handed over no data for this call.';

export const NO_IDS: Readonly<HandoffIds> = Object.freeze({ id: null, sharedId: null, callSid: null });

/** What the attributes hold. */
export type Located =
  /** No PolyAI data at all: not a PolyAI task. */
  | { found: 'none' }
  /** Marked as a PolyAI handoff, but nothing readable came with it. */
  | { found: 'unavailable'; error: HandoffError; ids: HandoffIds }
  /** PolyAI's data object, with what its envelope said (ids, a fetch error, what did not fit). */
  | { found: 'data'; data: JsonRecord; source: HandoffSource; ids: HandoffIds; error: HandoffError | null; notLoaded: HandoffNotLoaded | null };

function isEmpty(record: JsonRecord): boolean {
  try {
    return Object.keys(record).length === 0;
  } catch {
    return true;
  }
}

/** Finds PolyAI's data in task attributes (an object or JSON text, in any of the shapes flows write). */
export function locateData(attributes: unknown, input: InputReader): Located {
  if (attributes === undefined || attributes === null) return { found: 'none' };
  const parsedAttributes = input.toRecord(attributes, 'attributes', 'attributes-invalid-json', 'attributes-not-object');
  if (!parsedAttributes.ok) return { found: 'none' };
  const attrs = parsedAttributes.record;
  const topLevelCallSid = input.text(own(attrs, 'call_sid'), 'call_sid');

  const polyai = own(attrs, POLYAI_ATTRIBUTE);
  if (polyai !== undefined && polyai !== null) return locateInEnvelope(polyai, topLevelCallSid, input);

  if (FLAT_MARKERS.some((key) => own(attrs, key) !== undefined)) {
    // Null prototype: a `__proto__` key is copied as data, not used as a prototype.
    const data: JsonRecord = Object.create(null);
    // Descriptors, not values: a getter that throws is copied as it is and costs only its own field.
    for (const key of Object.keys(attrs)) {
      const descriptor = FLEX_ATTRIBUTE_KEYS.has(key) ? undefined : Object.getOwnPropertyDescriptor(attrs, key);
      if (descriptor) Object.defineProperty(data, key, { ...descriptor, configurable: true });
    }
    return { found: 'data', data, source: 'flat', ids: { ...NO_IDS, callSid: topLevelCallSid }, error: null, notLoaded: null };
  }
  return { found: 'none' };
}

function locateInEnvelope(polyai: unknown, topLevelCallSid: string | null, input: InputReader): Located {
  const unavailable = (message: string, ids: HandoffIds = NO_IDS): Located => ({ found: 'unavailable', error: { status: null, message }, ids });

  const parsed = input.toRecord(polyai, POLYAI_ATTRIBUTE, 'polyai-invalid-json', 'polyai-not-object');
  if (!parsed.ok) return unavailable(parsed.message);
  const envelope = parsed.record;
  const error = readErrorMarker(received<PolyaiEnvelope>(envelope, 'error'), input);
  const envelopeIds = {
    id: input.text(received<PolyaiEnvelope>(envelope, 'id'), `${POLYAI_ATTRIBUTE}.id`),
    sharedId: input.text(received<PolyaiEnvelope>(envelope, 'shared_id'), `${POLYAI_ATTRIBUTE}.shared_id`),
    callSid: topLevelCallSid,
  };

  const notLoaded = readNotLoaded(received<PolyaiEnvelope>(envelope, INCOMPLETE_MARKER), input);
  const rawData = received<PolyaiEnvelope>(envelope, 'data');
  const noData = (message: string, code: ProblemCode): Located => {
    if (error) return { found: 'unavailable', error, ids: envelopeIds };
    input.problems.add(code, message, `${POLYAI_ATTRIBUTE}.data`);
    return unavailable(message, envelopeIds);
  };
  if (rawData === undefined || rawData === null) {
    // The Handoff API always sends `data`: an envelope whose `data` is null carries nothing.
    if (rawData === null || error) return noData(NO_DATA, 'data-not-object');
    // `{ polyai: {} }` marks a PolyAI call but carries nothing: unavailable, not present.
    if (isEmpty(envelope)) return unavailable(NO_DATA);
    // No Handoff API envelope: the object is PolyAI's data itself.
    return { found: 'data', data: envelope, source: 'polyai', ids: { ...NO_IDS, callSid: topLevelCallSid }, error: null, notLoaded: null };
  }
  const data = input.toRecord(rawData, `${POLYAI_ATTRIBUTE}.data`, 'polyai-invalid-json', 'data-not-object');
  if (!data.ok) return { found: 'unavailable', error: error ?? { status: null, message: data.message }, ids: envelopeIds };
  if (notLoaded === null && isEmpty(data.record)) return noData(NO_DATA, 'data-empty');
  return { found: 'data', data: data.record, source: 'polyai', ids: envelopeIds, error, notLoaded };
}

/** `{ count, keys }` from a Function's marker; anything unreadable counts as "something did not fit". */
function readNotLoaded(value: unknown, input: InputReader): HandoffNotLoaded | null {
  if (value === undefined || value === null || value === false) return null;
  const record = isRecord(value) ? value : {};
  const rawKeys = own(record, 'keys');
  const keys = (Array.isArray(rawKeys) ? rawKeys.slice(0, MAX_MARKER_KEYS) : [])
    .filter((key): key is string => typeof key === 'string' && key !== '')
    .map((key) => input.cut(key, input.limits.maxKeyChars, `${POLYAI_ATTRIBUTE}.${INCOMPLETE_MARKER}`));
  const count = toCount(own(record, 'count'));
  return { count: Math.max(count ?? 0, keys.length, 1), keys };
}

function readErrorMarker(value: unknown, input: InputReader): HandoffError | null {
  if (value === undefined || value === null || value === false) return null;
  const path = `${POLYAI_ATTRIBUTE}.error`;
  let error: HandoffError;
  if (isRecord(value)) {
    const status = toCount(own(value, 'status'));
    const message = input.text(own(value, 'message'), `${path}.message`, ERROR_MESSAGE_CHARS);
    error = { status: status ?? null, message: message ?? 'PolyAI data could not be fetched.' };
  } else {
    const message = typeof value === 'string' ? input.cut(value, ERROR_MESSAGE_CHARS, path) : null;
    error = { status: null, message: message || 'PolyAI data could not be fetched.' };
  }
  input.problems.add('fetch-failed', error.message, path);
  return error;
}
