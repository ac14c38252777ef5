/**
 * Whatever PolyAI puts in a data key or value and whatever the caller's `From` holds,
 * `polyai-handoff-to-flex` answers TwiML a strict XML 1.0 parser (saxes, the parser jsdom uses) accepts, and
 * `<Task>` carries the data back exactly. Runs the real handler (fake fetch, local runtime).
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { createHandoffToFlexHandler } from '../../serverless/src/functions/polyai-handoff-to-flex.protected';
import { connectToPolyaiTwiml, endCallTwiml } from '../../serverless/src/lib/twiml';
import { cutText } from '@polyai-context/model';
import { fuzzAsync } from '../support/fuzz';
import { captureLogs, functionEnv, invokeFunction, VERIFIED_CALL, WORKFLOW_SID } from './support/functions';

captureLogs();

interface Parsed {
  errors: string[];
  task: string | null;
  workflowSid: string | null;
}

/** Parses with saxes (well-formedness and XML 1.0 characters) and collects `<Task>`'s text. */
function parseTwiml(xml: string): Parsed {
  const parser = new SaxesParser();
  const parsed: Parsed = { errors: [], task: null, workflowSid: null };
  let inTask = false;
  parser.on('error', (error) => parsed.errors.push(error.message));
  parser.on('opentag', (tag) => {
    if (tag.name === 'Enqueue') parsed.workflowSid = String(tag.attributes.workflowSid);
    inTask = tag.name === 'Task';
    if (inTask) parsed.task = '';
  });
  parser.on('text', (text) => {
    if (inTask) parsed.task += text;
  });
  parser.on('closetag', () => (inTask = false));
  parser.write(xml).close();
  // saxes reads UTF-16 units: a lone surrogate would pass it, but cannot be sent as UTF-8 at all.
  if (Buffer.from(xml, 'utf8').toString('utf8') !== xml) parsed.errors.push('not well-formed Unicode');
  return parsed;
}

// Any code point (lone surrogates included), weighted towards the characters XML forbids or escapes.
const nasty = fc.constantFrom('\uFFFE', '\uFFFF', '\u0000', '\u0001', '\u001F', '\uD800', '\uDFFF', '\u0085', '\u2028', '<', '&', '"', "'", ']]>', '</Task>', '\u{1F600}');
const anyString = fc.array(fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(''));
const dataValue = fc.oneof(anyString, fc.integer(), fc.boolean(), fc.constant(null), fc.array(anyString, { maxLength: 3 }), fc.dictionary(anyString, anyString, { maxKeys: 3 }));
const data = fc.dictionary(anyString.filter((key) => key !== '__proto__'), dataValue, { maxKeys: 6 });

async function handoffTwiml(body: unknown, from: string): Promise<string> {
  const fetch = jest.fn(async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof globalThis.fetch;
  const result = await invokeFunction(createHandoffToFlexHandler({ fetch }), functionEnv(), { CallSid: VERIFIED_CALL, From: from });
  return String(result.body);
}

describe('TwiML for any string', () => {
  it('is accepted by a strict XML parser and <Task> carries data keys, values and From back exactly', async () => {
    // Seeded and counted like every property test (tests/support/fuzz.ts): 1,000 cases at the default FUZZ_RUNS.
    await fuzzAsync(
      fc.tuple(data, anyString, anyString),
      async ([polyaiData, id, from]) => {
        const xml = await handoffTwiml({ id, data: polyaiData }, from);
        const parsed = parseTwiml(xml);
        expect(parsed.errors).toEqual([]);
        expect(parsed.workflowSid).toBe(WORKFLOW_SID);
        const task = JSON.parse(parsed.task ?? '');
        // Data over the compact attribute's budget is left out and counted in the marker (fetched on open):
        // every key is either carried back exactly or counted, never altered or lost.
        const left: { count: number; keys: string[] } = task.polyai.incomplete ?? { count: 0, keys: [] };
        const carried = Object.keys(task.polyai.data).filter((key) => !left.keys.includes(key));
        for (const key of carried) expect(task.polyai.data[key]).toEqual(polyaiData[key]);
        expect(carried.length + left.count).toBe(Object.keys(polyaiData).length);
        expect(task.polyai.id).toBe(id.slice(0, 200));
        expect(task.from).toBe(from === '' ? undefined : cutText(from, 64));
      },
      0.01,
    );
  });

  it.each([['FFFE', '\uFFFE'], ['FFFF', '\uFFFF'], ['0001', '\u0001'], ['D800', '\uD800']])('keeps U+%s in a key, a value and From as data', async (_, char) => {
    const polyaiData = { [`k${char}`]: `v${char}`, nested: { [char]: [char] } };
    const parsed = parseTwiml(await handoffTwiml({ id: VERIFIED_CALL, data: polyaiData }, `+44${char}`));
    expect(parsed.errors).toEqual([]);
    const task = JSON.parse(parsed.task ?? '');
    expect(task.polyai.data).toEqual(polyaiData);
    expect(task.from).toBe(`+44${char}`);
  });

  it('never splits a surrogate pair when it cuts From', async () => {
    const parsed = parseTwiml(await handoffTwiml({ id: VERIFIED_CALL, data: {} }, `${'1'.repeat(63)}\u{1F600}`));
    expect(parsed.errors).toEqual([]);
    expect(JSON.parse(parsed.task ?? '').from).toBe('1'.repeat(63));
  });

  it('replaces characters XML cannot carry in the connector name with U+FFFD', () => {
    const twiml = connectToPolyaiTwiml('poly\uFFFEai\u0001"<', '/polyai-handoff-to-flex');
    expect(parseTwiml(twiml).errors).toEqual([]);
    expect(twiml).toContain('<VirtualAgent connectorName="poly\uFFFDai\uFFFD&quot;&lt;"/>');
  });

  it('says the goodbye without a language attribute when no language is given', () => {
    expect(endCallTwiml('Goodbye.')).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say>Goodbye.</Say><Hangup/></Response>');
  });
});
