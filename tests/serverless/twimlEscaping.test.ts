/**
 * The TwiML the call path returns is well-formed XML whatever PolyAI or a caller put in the task attributes:
 * checked with a real XML parser (jsdom's), and the `<Task>` text reads back as exactly the attributes.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';

import { connectToPolyaiTwiml, enqueueToFlexTwiml } from '../../serverless/src/lib/twiml';
import { fuzz } from '../support/fuzz';

const WORKFLOW_SID = `WW${'0'.repeat(32)}`;
const { DOMParser } = new JSDOM('').window;

/** Parses TwiML as Twilio would: a document, or a failure naming the XML error. */
function parseTwiml(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error !== undefined) throw new Error(`malformed TwiML: ${error.textContent}\n${xml}`);
  return document;
}

function taskAttributesOf(xml: string): unknown {
  const task = parseTwiml(xml).getElementsByTagName('Task')[0];
  return JSON.parse(task.textContent ?? '');
}

describe('TwiML escaping', () => {
  it('routes a summary like "R&D <urgent> \'VIP\' "card"" as well-formed TwiML that reads back exactly', () => {
    const attributes = { type: 'inbound', polyai: { data: { summary: 'R&D <urgent> \'VIP\' "card" &amp; done', team: 'R&D' } } };
    const xml = enqueueToFlexTwiml(WORKFLOW_SID, attributes);
    expect(taskAttributesOf(xml)).toEqual(attributes);
    expect(parseTwiml(xml).getElementsByTagName('Enqueue')[0].getAttribute('workflowSid')).toBe(WORKFLOW_SID);
  });

  it('keeps a connector name and action URL with XML characters as the exact attribute values', () => {
    const action = '/polyai-handoff-to-flex?a=1&b="2"';
    const document = parseTwiml(connectToPolyaiTwiml('R&D <bot>', action));
    expect(document.getElementsByTagName('Connect')[0].getAttribute('action')).toBe(action);
    expect(document.getElementsByTagName('VirtualAgent')[0].getAttribute('connectorName')).toBe('R&D <bot>');
  });

  it('reads back any attributes PolyAI could send, whatever characters their text holds', () => {
    // XML 1.0 has no form for most control characters; JSON.stringify escapes them, so any string is fine.
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const attributes = fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean()), { maxKeys: 5 });
    fuzz(attributes, (data) => {
      const task = { polyai: { data } };
      expect(taskAttributesOf(enqueueToFlexTwiml(WORKFLOW_SID, task))).toEqual(task);
    }, 0.005);
  });
});
