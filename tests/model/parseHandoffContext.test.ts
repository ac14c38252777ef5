import { DEFAULT_LIMITS, parseHandoffContext, type HandoffContext } from '@polyai-context/model';
import { asTaskAttributes, fixture } from '../support/fixtures';

const fieldValues = (context: HandoffContext) => Object.fromEntries(context.fields.map((field) => [field.path, field.value]));

describe('parseHandoffContext over the shared samples', () => {
  it('reads a verified Handoff API response with every recognised section', () => {
    // Twilio's call_sid, as <Enqueue> and our Functions set it: PolyAI's copy in `data` repeats it, so it is not listed.
    const context = parseHandoffContext({ ...asTaskAttributes(fixture('handoff-state-verified.json')), call_sid: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' });
    expect(context.status).toBe('present');
    expect(context.source).toBe('polyai');
    expect(context.summary).toMatch(/^Verified caller disputes a duplicate 42\.50 charge/);
    expect(context.intent).toEqual({ name: 'dispute_charge', confidence: 0.91 });
    expect(context.reason).toBe('billing_dispute');
    expect(context.destination).toBe('billing_queue');
    expect(context.verification).toEqual({ identified: true, method: 'dob_and_postcode', attempts: 1 });
    expect(context.customer).toEqual({ id: '12345', accountNumber: '****6789', name: 'Jordan Ellis' });
    expect(context.utterance).toBe('I was charged twice for my subscription and I want the second one refunded');
    expect(context.language).toBe('en-GB');
    expect(context.ids).toEqual({
      id: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9',
      sharedId: 'acme_2026-11-20_7f3c9a',
      callSid: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9',
    });
    expect(context.fields.map((field) => [field.path, field.label, field.value])).toEqual([
      ['slots.charge_amount', 'Slots › Charge Amount', '42.50'],
      ['slots.charge_date', 'Slots › Charge Date', '2026-11-14'],
      ['slots.merchant', 'Slots › Merchant', 'Streamly Premium'],
    ]);
    expect(context.problems).toEqual([]);
  });

  it('reads an unverified caller', () => {
    const context = parseHandoffContext(asTaskAttributes(fixture('handoff-state-unverified.json')));
    expect(context.status).toBe('present');
    expect(context.verification).toEqual({ identified: false, method: 'account_number', attempts: 3 });
    expect(context.reason).toBe('caller_requested_agent');
    expect(context.utterance).toBe('agent. AGENT. just let me talk to a person');
    expect(context.language).toBe('es-ES');
    expect(context.summary).toBeNull();
    expect(context.intent).toBeNull();
  });

  it('reads a minimal response', () => {
    const context = parseHandoffContext(asTaskAttributes(fixture('handoff-state-minimal.json')));
    expect(context.status).toBe('present');
    expect(context.customer.id).toBe('12345');
    expect(context.reason).toBe('successfully_identified');
    expect(context.ids).toEqual({ id: '0bba1c7e-1b43-4f0e-9d7e-2f0a7c6b5d11', sharedId: 'acme_2026-11-21_0001', callSid: null });
    expect(context.verification).toBeNull();
  });

  it('reads Studio task attributes and takes the call SID from the task', () => {
    const context = parseHandoffContext(fixture('task-attributes-studio.json'));
    expect(context.status).toBe('present');
    expect(context.summary).toMatch(/duplicate 42\.50 charge/);
    expect(context.intent?.name).toBe('dispute_charge');
    expect(context.ids.callSid).toBe('CA5f1d2c3b4a5968778695a4b3c2d1e0f9');
    expect(context.fields).toEqual([]);
  });

  it('reads `polyai` given as a JSON string', () => {
    const context = parseHandoffContext(fixture('task-attributes-json-string.json'));
    expect(context.status).toBe('present');
    expect(context.reason).toBe('lost_card');
    expect(context.customer.id).toBe('C-998');
    expect(context.utterance).toBe('I lost my card yesterday');
    expect(context.ids.id).toBe('CA11112222333344445555666677778888');
  });

  it('reads flat attributes and leaves Flex attributes out of the captured fields', () => {
    const context = parseHandoffContext(fixture('task-attributes-flat.json'));
    expect(context.status).toBe('present');
    expect(context.source).toBe('flat');
    expect(context.summary).toBe('Caller moved house and wants to update their billing address.');
    expect(context.reason).toBe('address_change');
    expect(context.intent).toEqual({ name: 'update_address', confidence: null });
    expect(context.customer.id).toBe('C-42');
    expect(context.fields).toEqual([]);
  });

  it('reports a fetch failure as unavailable with the reason', () => {
    const context = parseHandoffContext(fixture('task-attributes-fetch-failed.json'));
    expect(context.status).toBe('unavailable');
    expect(context.error).toEqual({ status: 504, message: 'PolyAI Handoff API did not answer within 3000 ms' });
    expect(context.ids.callSid).toBe('CA99990000111122223333444455556666');
    expect(context.problems.map((problem) => problem.code)).toEqual(['fetch-failed']);
  });

  it('treats a task without PolyAI data as absent', () => {
    expect(parseHandoffContext({ type: 'inbound', name: '+15005550006', from: '+15005550006' }).status).toBe('absent');
    // No attributes at all is not a fault in them: nothing to report.
    for (const nothing of [undefined, null]) expect(parseHandoffContext(nothing)).toMatchObject({ status: 'absent', problems: [] });
  });
});

describe('parseHandoffContext input shapes', () => {
  it('accepts the whole attributes as a JSON string', () => {
    const context = parseHandoffContext(JSON.stringify(fixture('task-attributes-studio.json')));
    expect(context.status).toBe('present');
    expect(context.reason).toBe('billing_dispute');
  });

  it('accepts PolyAI data without the Handoff API envelope (its id is data: no Function wrote it)', () => {
    const context = parseHandoffContext({ polyai: { handoff_reason: 'fraud', id: 'abc', custom: 'x' } });
    expect(context.reason).toBe('fraud');
    expect(context.ids.id).toBeNull();
    expect(fieldValues(context)).toEqual({ id: 'abc', custom: 'x' });
  });

  it('accepts `data` as a JSON string inside the envelope', () => {
    const context = parseHandoffContext({ polyai: { id: 'x', data: JSON.stringify({ summary: 'Hello' }) } });
    expect(context.status).toBe('present');
    expect(context.summary).toBe('Hello');
  });

  it('keeps data that arrived with an error marker and marks it partial', () => {
    const context = parseHandoffContext({ polyai: { error: { status: 429, message: 'slow down' }, data: { summary: 'Cached' } } });
    expect(context.status).toBe('partial');
    expect(context.summary).toBe('Cached');
    expect(context.error).toEqual({ status: 429, message: 'slow down' });
  });

  it('reads a string error marker', () => {
    const context = parseHandoffContext({ polyai: { error: 'PolyAI timed out' } });
    expect(context.status).toBe('unavailable');
    expect(context.error).toEqual({ status: null, message: 'PolyAI timed out' });
  });

  it('coerces numbers and booleans written as strings', () => {
    const context = parseHandoffContext({
      polyai: { data: { verification: { successfully_identified: 'true', verification_attempts: '2' }, intent: 'x', intent_confidence: '87%' } },
    });
    expect(context.verification).toEqual({ identified: true, method: null, attempts: 2 });
    expect(context.intent).toEqual({ name: 'x', confidence: 0.87 });
  });

  it('reads an intent object with its own confidence', () => {
    const context = parseHandoffContext({ polyai: { data: { intent: { name: 'cancel', confidence: 0.4, source: 'nlu' } } } });
    expect(context.intent).toEqual({ name: 'cancel', confidence: 0.4 });
    expect(fieldValues(context)).toEqual({ 'intent.source': 'nlu' });
  });

  it('flattens nested objects and arrays with readable paths and keeps empty ones', () => {
    const context = parseHandoffContext({
      polyai: { data: { orders: [{ sku: 'A1', qty: 2 }, { sku: 'B2', gift: true }], notes: null, tags: [], meta: {} } },
    });
    expect(context.fields.map((field) => [field.path, field.label, field.value, field.kind])).toEqual([
      ['orders[0].sku', 'Orders › #1 › SKU', 'A1', 'string'],
      ['orders[0].qty', 'Orders › #1 › Qty', 2, 'number'],
      ['orders[1].sku', 'Orders › #2 › SKU', 'B2', 'string'],
      ['orders[1].gift', 'Orders › #2 › Gift', true, 'boolean'],
      ['notes', 'Notes', null, 'null'],
      ['tags', 'Tags', null, 'empty-array'],
      ['meta', 'Meta', null, 'empty-object'],
    ]);
  });
});

describe('parseHandoffContext on malformed input', () => {
  it('reports invalid JSON attributes without throwing', () => {
    const context = parseHandoffContext('{not json');
    expect(context.status).toBe('absent');
    expect(context.problems[0]).toMatchObject({ code: 'attributes-invalid-json' });
  });

  it('reports non-object attributes', () => {
    for (const input of [42, true, [1, 2], '"text"', '[]']) {
      const context = parseHandoffContext(input);
      expect(context.status).toBe('absent');
      expect(context.problems.map((problem) => problem.code)).toEqual(['attributes-not-object']);
    }
  });

  it('marks unreadable `polyai` JSON as unavailable with the reason', () => {
    const context = parseHandoffContext({ polyai: '{"id": "CA1", "data": ' });
    expect(context.status).toBe('unavailable');
    expect(context.error?.message).toMatch(/not valid JSON/);
    expect(context.problems[0]).toMatchObject({ code: 'polyai-invalid-json', path: 'polyai' });
  });

  it('marks a `polyai` value of the wrong type as unavailable', () => {
    const context = parseHandoffContext({ polyai: 17 });
    expect(context.status).toBe('unavailable');
    expect(context.problems[0]).toMatchObject({ code: 'polyai-not-object' });
  });

  it('keeps unreadable recognised values as captured fields and reports them', () => {
    const context = parseHandoffContext({ polyai: { data: { summary: { text: 'odd' }, verification: 'yes please', intent_confidence: 'high' } } });
    expect(context.status).toBe('partial');
    expect(context.summary).toBeNull();
    expect(fieldValues(context)).toEqual({ 'summary.text': 'odd', verification: 'yes please', intent_confidence: 'high' });
    expect(context.problems.map((problem) => problem.path)).toEqual(['summary', 'intent_confidence', 'verification']);
  });

  it('cuts oversized strings and reports the truncation', () => {
    const context = parseHandoffContext({ polyai: { data: { summary: 'x'.repeat(20_000), note: 'y'.repeat(20_000) } } });
    expect(context.status).toBe('partial');
    expect(context.summary).toHaveLength(10_001);
    expect(context.summary?.endsWith('…')).toBe(true);
    expect(context.fields[0].value).toHaveLength(10_001);
    expect(context.problems.filter((problem) => problem.code === 'value-truncated')).toHaveLength(2);
  });

  it('refuses JSON strings over the size limit', () => {
    const context = parseHandoffContext({ polyai: `"${'a'.repeat(100)}"` }, { maxJsonChars: 50, maxDepth: 8, maxFields: 500, maxStringChars: 10_000, maxKeyChars: 200 });
    expect(context.status).toBe('unavailable');
    expect(context.problems[0]).toMatchObject({ code: 'too-large' });
  });

  it('bounds deep nesting', () => {
    let deep: Record<string, unknown> = { leaf: 'bottom' };
    for (let level = 0; level < 1000; level += 1) deep = { level: deep };
    const context = parseHandoffContext({ polyai: { data: { deep } } });
    expect(context.status).toBe('partial');
    expect(context.fields).toHaveLength(1);
    expect(context.fields[0].kind).toBe('truncated');
    expect(context.problems.map((problem) => problem.code)).toContain('too-deep');
  });

  it('bounds the number of captured fields and of problems', () => {
    const many: Record<string, string> = {};
    for (let index = 0; index < 100_000; index += 1) many[`key_${index}`] = 'v';
    const context = parseHandoffContext({ polyai: { data: many } });
    expect(context.fields).toHaveLength(500);
    expect(context.problems.map((problem) => problem.code)).toEqual(['too-many-fields']);

    const bad: Record<string, unknown> = {};
    for (let index = 0; index < 100; index += 1) bad[`k${index}`] = 'z'.repeat(20);
    const noisy = parseHandoffContext({ polyai: { data: bad } }, { maxJsonChars: 1000, maxDepth: 8, maxFields: 500, maxStringChars: 5, maxKeyChars: 200 });
    expect(noisy.problems.length).toBeLessThanOrEqual(21);
    expect(noisy.problems[noisy.problems.length - 1].message).toMatch(/80 more problems/);
  });

  it('never reads inherited properties or pollutes prototypes', () => {
    const context = parseHandoffContext('{"polyai": {"data": {"__proto__": {"polluted": 1}, "constructor": "c", "toString": "t"}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(context.fields.map((field) => field.path)).toEqual(['__proto__.polluted', 'constructor', 'toString']);
    const flat = parseHandoffContext(JSON.parse('{"handoff_reason": "r", "__proto__": {"polluted": 2}}'));
    expect(flat.fields.map((field) => field.path)).toEqual(['__proto__.polluted']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on hostile objects', () => {
    const hostile = { polyai: { data: { summary: 'kept' } } };
    Object.defineProperty(hostile.polyai.data, 'boom', { enumerable: true, get: () => { throw new Error('getter'); } });
    const context = parseHandoffContext(hostile);
    // One throwing getter costs its own value, not the rest of the data.
    expect(context.status).toBe('partial');
    expect(context.summary).toBe('kept');
    expect(context.problems).toEqual([{ code: 'field-invalid', message: 'A value could not be read.', path: 'boom' }]);

    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(parseHandoffContext({ polyai: { data: cyclic } }).status).toBe('partial');
  });
});

describe('parseHandoffContext with the keys PolyAI documents', () => {
  it('reads the documented top-level keys into their sections, not into captured fields', () => {
    const context = parseHandoffContext({
      polyai: {
        id: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9',
        data: {
          reason: 'refund_request',
          destination: 'billing_queue',
          utterance: 'Let me transfer you to billing.',
          successfully_identified: 'true',
          auth_method: 'dob_and_postcode',
          verification_attempts: 2,
          shared_id: 'acme_7f3c',
          slots: { order_number: 'AB1234' },
        },
      },
    });
    expect(context.status).toBe('present');
    expect(context.reason).toBe('refund_request');
    expect(context.destination).toBe('billing_queue');
    expect(context.utterance).toBe('Let me transfer you to billing.');
    expect(context.verification).toEqual({ identified: true, method: 'dob_and_postcode', attempts: 2 });
    // The data's shared_id is PolyAI's data, not the envelope's: shown as a captured field, never the call's id.
    expect(context.ids).toEqual({ id: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9', sharedId: null, callSid: null });
    expect(fieldValues(context)).toEqual({ shared_id: 'acme_7f3c', 'slots.order_number': 'AB1234' });
  });

  it('reads handoff_to as the destination, and the envelope shared_id over the data one, which stays data', () => {
    const context = parseHandoffContext({ polyai: { id: 'x', shared_id: 'envelope', data: { handoff_to: 'sales', shared_id: 'data' } } });
    expect(context.destination).toBe('sales');
    expect(context.ids.sharedId).toBe('envelope');
    expect(fieldValues(context)).toEqual({ shared_id: 'data' });
  });

  it('takes the call\'s identity from Twilio\'s call_sid and the envelope only: ids in the data are data', () => {
    // A REFER's X-Call-Sid / X-Shared-Id / X-Id headers land in `data` when PolyAI's API is down.
    const context = parseHandoffContext({
      call_sid: 'CAtwilio',
      polyai: { error: { status: 503, message: 'down' }, data: { call_sid: 'CAother', shared_id: 'other', id: 'other-id', reason: 'r' } },
    });
    expect(context.ids).toEqual({ id: null, sharedId: null, callSid: 'CAtwilio' });
    expect(fieldValues(context)).toEqual({ call_sid: 'CAother', shared_id: 'other', id: 'other-id' });
    // Flat attributes: the top-level call_sid is Twilio's; a flow's own `id` is data.
    const flat = parseHandoffContext({ call_sid: 'CAtwilio', handoff_reason: 'r', id: 'flow-id' });
    expect(flat.ids).toEqual({ id: null, sharedId: null, callSid: 'CAtwilio' });
    expect(fieldValues(flat)).toEqual({ id: 'flow-id' });
  });

  it('lists a data id that repeats the envelope\'s once, in the reference section', () => {
    const context = parseHandoffContext({ call_sid: 'CA1', polyai: { id: 'x', shared_id: 's', data: { id: 'x', shared_id: ' s ', call_sid: 'CA1', reason: 'r' } } });
    expect(context.ids).toEqual({ id: 'x', sharedId: 's', callSid: 'CA1' });
    expect(context.fields).toEqual([]);
  });

  it('fills verification from the top level where the nested object lacks a value', () => {
    const context = parseHandoffContext({ polyai: { data: { verification: { successfully_identified: false }, auth_method: 'pin', verification_attempts: 3 } } });
    expect(context.verification).toEqual({ identified: false, method: 'pin', attempts: 3 });
    expect(context.fields).toEqual([]);
  });

  it.each([
    ['null', null, 'PolyAI handed over no data for this call.'],
    ['empty', {}, 'PolyAI handed over no data for this call.'],
    ['a number', 42, 'Expected the polyai.data to be an object, found a number.'],
    ['a list', [1], 'Expected the polyai.data to be an object, found a list.'],
  ])('does not call data that is %s present, and says what is missing', (_, data, message) => {
    const context = parseHandoffContext({ call_sid: 'CA1', polyai: { id: 'CA1', data } });
    expect(context.status).toBe('unavailable');
    expect(context.error).toEqual({ status: null, message });
    expect(context.ids.id).toBe('CA1');
  });

  it('reads the marker of keys that did not fit as not yet loaded, never as absent', () => {
    const context = parseHandoffContext({ polyai: { id: 'CA1', data: { handoff_reason: 'billing' }, incomplete: { count: 3, keys: ['slots', 'summary'] } } });
    expect(context.status).toBe('present');
    expect(context.notLoaded).toEqual({ count: 3, keys: ['slots', 'summary'] });
    // Everything left out: still not "empty", the rest is loading.
    expect(parseHandoffContext({ polyai: { id: 'CA1', data: {}, incomplete: { count: 1, keys: ['summary'] } } }).notLoaded).toEqual({ count: 1, keys: ['summary'] });
    // An unreadable marker still says something did not fit.
    expect(parseHandoffContext({ polyai: { data: { a: 1 }, incomplete: 'yes' } }).notLoaded).toEqual({ count: 1, keys: [] });
    expect(parseHandoffContext({ polyai: { data: { a: 1 } } }).notLoaded).toBeNull();
  });
});

/** Every key the model recognises, one at a time (found by mutation testing): where it lands, and that it is not listed twice. */
describe('parseHandoffContext: every recognised key on its own', () => {
  const read = (data: Record<string, unknown>) => parseHandoffContext({ polyai: { data } });
  const fieldPaths = (context: HandoffContext) => context.fields.map((field) => field.path);

  it.each<[string, (context: HandoffContext) => unknown]>([
    ['summary', (c) => c.summary], ['handoff_summary', (c) => c.summary], ['short_summary', (c) => c.summary], ['shortSummary', (c) => c.summary],
    ['handoff_reason', (c) => c.reason], ['reason', (c) => c.reason],
    ['handoff_destination', (c) => c.destination], ['handoff_to', (c) => c.destination], ['destination', (c) => c.destination],
    ['utterance', (c) => c.utterance], ['last_utterance', (c) => c.utterance], ['user_utterance', (c) => c.utterance],
    ['asr_lang_code', (c) => c.language], ['language', (c) => c.language], ['lang', (c) => c.language],
    ['customer_id', (c) => c.customer.id], ['account_number', (c) => c.customer.accountNumber],
    ['caller_name', (c) => c.customer.name], ['customer_name', (c) => c.customer.name],
    ['intent', (c) => c.intent?.name], ['auth_method', (c) => c.verification?.method], ['method', (c) => c.verification?.method],
  ])('reads %s into its section', (key, section) => {
    const context = read({ [key]: ' value ', other: 1 });
    expect(section(context)).toBe('value');
    expect(fieldPaths(context)).toEqual(['other']);
    expect(context.status).toBe('present');
  });

  it.each(['successfully_identified', 'identified', 'verified'])('reads %s as whether the caller was identified', (key) => {
    expect(read({ [key]: 'yes' }).verification).toEqual({ identified: true, method: null, attempts: null });
    expect(read({ verification: { [key]: false } }).verification).toEqual({ identified: false, method: null, attempts: null });
  });

  it.each(['verification_attempts', 'attempts'])('reads %s as the number of attempts', (key) => {
    expect(read({ [key]: '2' }).verification).toEqual({ identified: null, method: null, attempts: 2 });
  });

  it('reads an intent object by name, value or intent, with confidence or score, and a top-level confidence', () => {
    expect(read({ intent: { name: 'refund', confidence: 0.9 } }).intent).toEqual({ name: 'refund', confidence: 0.9 });
    expect(read({ intent: { value: 'refund', score: '85%' } }).intent).toEqual({ name: 'refund', confidence: 0.85 });
    expect(read({ intent: { intent: 'refund' }, intent_confidence: 0.4 }).intent).toEqual({ name: 'refund', confidence: 0.4 });
    expect(read({ intent: 'refund', intent_confidence: 0.4 }).intent).toEqual({ name: 'refund', confidence: 0.4 });
    expect(fieldPaths(read({ intent: { name: 'refund', confidence: 0.9, extra: 'x' } }))).toEqual(['intent.extra']);
    expect(read({ intent_confidence: 0.4 }).intent).toBeNull();
  });

  it('says what it expected for a value it could not read, and keeps the value as a captured field', () => {
    const context = read({ summary: ['a'], intent: { name: 'refund', confidence: 85 }, verification: 'done', attempts: 'many', identified: 'perhaps' });
    expect(context.status).toBe('partial');
    expect(context.problems).toEqual(
      expect.arrayContaining([
        { code: 'field-invalid', message: 'Expected text, found a list.', path: 'summary' },
        { code: 'field-invalid', message: 'Expected a confidence from 0 to 1, or a percentage written with % (such as 85%), found a number.', path: 'intent.confidence' },
        { code: 'field-invalid', message: 'Expected verification details, found text.', path: 'verification' },
        { code: 'field-invalid', message: 'Expected a count, found text.', path: 'attempts' },
        { code: 'field-invalid', message: 'Expected yes or no, found text.', path: 'identified' },
      ]),
    );
    expect(fieldPaths(context)).toEqual(expect.arrayContaining(['summary[0]', 'intent.confidence', 'verification', 'attempts', 'identified']));
  });

  it('describes each kind of unreadable value', () => {
    const messages = (value: unknown) => read({ summary: value }).problems.map((problem) => problem.message);
    expect(messages({ a: 1 })).toEqual(['Expected text, found an object.']);
    expect(messages(Number.NaN)).toEqual(['Expected text, found a number.']);
    expect(messages(Symbol('s'))).toEqual(['Expected text, found a symbol.', 'A symbol cannot be shown.']);
    expect(read({ summary: true }).summary).toBe('true');
    expect(read({ summary: 12 }).summary).toBe('12');
    expect(parseHandoffContext({ polyai: null, type: 'inbound' }).status).toBe('absent');
    expect(parseHandoffContext({ polyai: 5 }).problems).toEqual([{ code: 'polyai-not-object', message: 'Expected the polyai to be an object, found a number.', path: 'polyai' }]);
    expect(parseHandoffContext('[1]').problems).toEqual([{ code: 'attributes-not-object', message: 'Expected the attributes to be an object, found a list.', path: 'attributes' }]);
    expect(parseHandoffContext('{').problems).toEqual([{ code: 'attributes-invalid-json', message: 'The attributes value is not valid JSON.', path: 'attributes' }]);
  });

  it.each(['handoff_reason', 'handoff_summary', 'handoff_destination', 'handoff_to', 'utterance', 'intent'])('reads flat attributes marked by %s', (marker) => {
    const context = parseHandoffContext({ type: 'inbound', [marker]: 'x' });
    expect(context).toMatchObject({ status: 'present', source: 'flat' });
  });

  it('leaves every attribute Flex, TaskRouter and Studio set out of flat captured fields', () => {
    const flexKeys = [
      'type', 'name', 'from', 'to', 'channelType', 'channelSid', 'direction', 'conversations', 'customers', 'conference', 'caller', 'called',
      'account_sid', 'callSid', 'call_sid', 'transferTargetType', 'transferQueueName', 'ignoreAgent', 'targetWorker', 'skipTimeoutCounter',
      'initiated_by', 'flexInteractionSid', 'flexInteractionChannelSid', 'flexChannelInviteSid', 'conversationSid', 'customerAddress', 'customerName',
    ];
    const context = parseHandoffContext({ ...Object.fromEntries(flexKeys.map((key) => [key, 'flex'])), utterance: 'hi', slot: 'kept' });
    expect(fieldPaths(context)).toEqual(['slot']);
    expect(context.ids.callSid).toBe('flex');
  });

  it('leaves a flat call_sid that is not text out of the captured fields, without a problem: it is Flex\'s, not PolyAI\'s', () => {
    const context = parseHandoffContext({ handoff_reason: 'billing', call_sid: { sid: 'CA1' }, slot: 'kept' });
    expect(fieldPaths(context)).toEqual(['slot']);
    expect(context.ids.callSid).toBeNull();
    expect(context.problems).toEqual([]);
  });

  it('reads null as not given: no error, no verification and no problem for a null error marker, section or value', () => {
    const context = parseHandoffContext({
      polyai: { error: null, data: { summary: null, handoff_summary: 'kept', verification: null, successfully_identified: null, verified: true, intent_confidence: null, intent: 'billing' } },
    });
    expect(context).toMatchObject({ status: 'present', error: null, summary: 'kept', verification: { identified: true, method: null, attempts: null }, intent: { name: 'billing', confidence: null } });
    expect(context.problems).toEqual([]);
  });

  it('skips a blank alias for the next one, and shows no section when every alias is blank', () => {
    expect(parseHandoffContext({ polyai: { data: { summary: '  ', handoff_summary: 'the real one' } } }).summary).toBe('the real one');
    const blank = parseHandoffContext({ polyai: { data: { summary: ' ', reason: '' } } });
    expect(blank).toMatchObject({ summary: null, reason: null });
    // Blank values read as a section are consumed, not listed as captured fields either.
    expect(blank.fields).toEqual([]);
  });

  it('reads an envelope whose keys cannot be listed as carrying no data, not as PolyAI\'s data itself', () => {
    const unlistable = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    const context = parseHandoffContext({ polyai: unlistable });
    expect(context).toMatchObject({ status: 'unavailable', source: 'polyai', error: { status: null, message: 'PolyAI handed over no data for this call.' } });
    expect(context.problems).toEqual([]);
  });
});

/** Each limit at its edge, the error and not-loaded markers (found by mutation testing). */
describe('parseHandoffContext: limits at their edges and the Functions\' markers', () => {
  const limits = (overrides: Partial<typeof DEFAULT_LIMITS>) => ({ ...DEFAULT_LIMITS, ...overrides });
  const codes = (context: HandoffContext) => context.problems.map((problem) => problem.code);

  it('has the documented limits: 2 MB of JSON, 8 levels, 500 fields, 10,000 characters a value, 200 a key', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxJsonChars: 2_000_000, maxDepth: 8, maxFields: 500, maxStringChars: 10_000, maxKeyChars: 200 });
  });

  it('keeps values, keys, nesting, fields and JSON exactly at each limit, and reports one past it', () => {
    const small = limits({ maxStringChars: 5, maxKeyChars: 3, maxDepth: 2, maxFields: 2 });
    const at = parseHandoffContext({ polyai: { data: { abc: '12345', a: { b: 1 } } } }, small);
    expect(at.problems).toEqual([]);
    expect(at.fields.map((field) => [field.path, field.value])).toEqual([['abc', '12345'], ['a.b', 1]]);
    const past = parseHandoffContext({ polyai: { data: { abcd: '123456', a: { b: { c: 1 } }, z: 1 } } }, small);
    expect(past.fields.map((field) => [field.path, field.value, field.kind])).toEqual([['abc…', '12345…', 'string'], ['a.b', null, 'truncated']]);
    expect(codes(past)).toEqual(['value-truncated', 'value-truncated', 'too-deep', 'too-many-fields']);
    expect(past.problems.map((problem) => problem.message)).toEqual([
      'A value longer than 3 characters was shortened.',
      'A value longer than 5 characters was shortened.',
      'Values nested deeper than 2 levels are not shown.',
      'Only the first 2 captured fields are shown.',
    ]);
    const json = '{"data":{"a":"1"}}';
    expect(parseHandoffContext({ polyai: json }, limits({ maxJsonChars: 18 })).status).toBe('present');
    expect(parseHandoffContext({ polyai: `${json} ` }, limits({ maxJsonChars: 18 })).problems).toEqual([
      { code: 'too-large', message: 'The polyai JSON is 19 characters, over the 18 limit.', path: 'polyai' },
    ]);
  });

  it('lists 20 problems, then counts the rest in one line', () => {
    const bad = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`k${index}`, 'too long']));
    const twenty = parseHandoffContext({ polyai: { data: bad(20) } }, limits({ maxStringChars: 3 }));
    expect(twenty.problems).toHaveLength(20);
    expect(codes(twenty)).not.toContain('too-many-fields');
    const more = parseHandoffContext({ polyai: { data: bad(21) } }, limits({ maxStringChars: 3 }));
    expect(more.problems).toHaveLength(21);
    expect(more.problems[20]).toEqual({ code: 'too-many-fields', message: '1 more problems were not listed.' });
  });

  it('lists why a read stopped after the other problems, even past the cap', () => {
    const bad = Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`k${index}`, 'too long']));
    const context = parseHandoffContext({ polyai: { data: bad } }, limits({ maxStringChars: 3, maxFields: 22 }));
    expect(context.problems).toHaveLength(22);
    expect(context.problems.slice(0, 20).every((problem) => problem.code === 'value-truncated')).toBe(true);
    expect(context.problems.slice(20)).toEqual([
      { code: 'too-many-fields', message: 'Only the first 22 captured fields are shown.' },
      { code: 'too-many-fields', message: '3 more problems were not listed.' }, // 22 shown values and the 23rd were cut
    ]);
  });

  it('stops reading after 20 values that throw when read, and says so', () => {
    const data: Record<string, unknown> = { summary: 'kept' };
    for (let index = 0; index < 25; index += 1) Object.defineProperty(data, `bad${index}`, { enumerable: true, get: () => { throw new Error('getter'); } });
    data.after = 'not read';
    const context = parseHandoffContext({ polyai: { data } });
    expect(context.summary).toBe('kept');
    expect(context.fields).toEqual([]);
    expect(context.problems).toHaveLength(21);
    expect(context.problems[19]).toEqual({ code: 'field-invalid', message: 'A value could not be read.', path: 'bad19' });
    // Why the rest is missing is listed even past the 20-problem cap.
    expect(context.problems[20]).toEqual({ code: 'field-invalid', message: '20 values could not be read: the rest was not read.' });
    const nineteen: Record<string, unknown> = {};
    for (let index = 0; index < 19; index += 1) Object.defineProperty(nineteen, `bad${index}`, { enumerable: true, get: () => { throw new Error('getter'); } });
    nineteen.after = 'read';
    expect(parseHandoffContext({ polyai: { data: nineteen } }).fields.map((field) => field.value)).toEqual(['read']);
  });

  it('shows every kind of value with its kind', () => {
    const context = parseHandoffContext({ polyai: { data: { s: 'x', n: 1, b: false, big: BigInt(10), none: null, list: [], object: {}, missing: undefined } } });
    expect(context.fields.map((field) => [field.path, field.value, field.kind])).toEqual([
      ['s', 'x', 'string'], ['n', 1, 'number'], ['b', false, 'boolean'], ['big', '10', 'string'], ['none', null, 'null'], ['list', null, 'empty-array'], ['object', null, 'empty-object'],
    ]);
    expect(parseHandoffContext({ polyai: { data: { f: () => 1 } } }).problems).toEqual([{ code: 'field-invalid', message: 'A function cannot be shown.', path: 'f' }]);
  });

  it('reads the error marker a Function writes: status, message up to 500 characters, a default when it says nothing', () => {
    const error = (value: unknown) => parseHandoffContext({ polyai: { error: value } }).error;
    expect(error({ status: '503', message: ' busy ' })).toEqual({ status: 503, message: 'busy' });
    expect(error({ status: 'x' })).toEqual({ status: null, message: 'PolyAI data could not be fetched.' });
    expect(error('')).toEqual({ status: null, message: 'PolyAI data could not be fetched.' });
    expect(error(42)).toEqual({ status: null, message: 'PolyAI data could not be fetched.' });
    expect(error({ message: 'm'.repeat(501) })?.message).toBe(`${'m'.repeat(500)}…`);
    expect(error('m'.repeat(501))?.message).toBe(`${'m'.repeat(500)}…`);
    expect(error({ message: 'm'.repeat(500) })?.message).toBe('m'.repeat(500));
    expect(parseHandoffContext({ polyai: { error: false, data: { a: 1 } } })).toMatchObject({ status: 'present', error: null });
    expect(parseHandoffContext({ polyai: { error: 'down' } }).problems).toEqual([{ code: 'fetch-failed', message: 'down', path: 'polyai.error' }]);
  });

  it('reads the not-loaded marker: its count, at most 100 names, never less than one', () => {
    const notLoaded = (marker: unknown) => parseHandoffContext({ polyai: { data: { a: 1 }, incomplete: marker } }).notLoaded;
    const names = Array.from({ length: 101 }, (_, index) => `k${index}`);
    expect(notLoaded({ count: 500, keys: names })).toEqual({ count: 500, keys: names.slice(0, 100) });
    expect(notLoaded({ count: 1, keys: ['a', 'b', '', 3] })).toEqual({ count: 2, keys: ['a', 'b'] });
    expect(notLoaded({ count: 0 })).toEqual({ count: 1, keys: [] });
    expect(notLoaded(false)).toBeNull();
    expect(notLoaded(null)).toBeNull();
    expect(notLoaded({ keys: ['k'.repeat(201)] })).toEqual({ count: 1, keys: [`${'k'.repeat(200)}…`] });
  });

  it('tells an envelope without data from PolyAI\'s data itself', () => {
    expect(parseHandoffContext({ polyai: {} })).toMatchObject({ status: 'unavailable', error: { status: null, message: 'PolyAI handed over no data for this call.' } });
    expect(parseHandoffContext({ polyai: { id: 'CA1', data: null } })).toMatchObject({ status: 'unavailable', ids: { id: 'CA1' }, problems: [{ code: 'data-not-object' }] });
    expect(parseHandoffContext({ polyai: { id: 'CA1', data: {} } })).toMatchObject({ status: 'unavailable', problems: [{ code: 'data-empty', path: 'polyai.data' }] });
    expect(parseHandoffContext({ polyai: { id: 'CA1', data: {}, incomplete: { count: 2 } } })).toMatchObject({ status: 'present', notLoaded: { count: 2, keys: [] } });
    expect(parseHandoffContext({ polyai: { summary: 'itself' } })).toMatchObject({ status: 'present', summary: 'itself', ids: { id: null } });
    expect(parseHandoffContext({ polyai: { data: 'nope', error: 'down' } })).toMatchObject({ status: 'unavailable', error: { message: 'down' } });
    expect(parseHandoffContext({ polyai: { data: 'nope' } })).toMatchObject({ status: 'unavailable', error: { message: 'The polyai.data value is not valid JSON.' } });
    expect(parseHandoffContext({ polyai: { data: null, error: 'down' } })).toMatchObject({ status: 'unavailable', error: { message: 'down' } });
  });

  it('reports a key that reads the same as another once, and shows the first', () => {
    const context = parseHandoffContext({ polyai: { data: { card: 1, 'ca\u200Brd': 2 } } });
    expect(context.fields.map((field) => field.value)).toEqual([1]);
    expect(context.problems).toEqual([{ code: 'duplicate-key', message: 'Two keys read as "Card": only the first is shown.', path: 'card' }]);
  });
});
