/** The TwiML documents the call paths need, built as text so nothing depends on the `twilio` package. */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * Everything outside XML 1.0's `Char` production (C0 controls but tab/LF/CR, U+FFFE, U+FFFF, lone surrogates):
 * such characters cannot appear in a document at all, not even as character references.
 */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for an XML attribute or element: markup escaped, characters XML cannot carry replaced with U+FFFD. */
export function escapeXml(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);
}

/**
 * JSON that an XML document can carry unchanged in meaning: JSON.stringify already escapes controls and lone
 * surrogates; U+FFFE and U+FFFF (only ever inside JSON strings) become `\uFFFE` escapes, so the data round-trips.
 */
export function xmlSafeJson(value: object): string {
  return JSON.stringify(value).replace(NOT_XML_CHAR, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Hands the call to the PolyAI Connector add-on; Twilio requests `action` when PolyAI hands back. */
export function connectToPolyaiTwiml(connectorName: string, action: string): string {
  return (
    `${XML_DECLARATION}<Response><Connect action="${escapeXml(action)}">` +
    `<VirtualAgent connectorName="${escapeXml(connectorName)}"/></Connect></Response>`
  );
}

/** Creates the Flex task: `<Task>` holds the task attributes as JSON. */
export function enqueueToFlexTwiml(workflowSid: string, attributes: object): string {
  return (
    `${XML_DECLARATION}<Response><Enqueue workflowSid="${escapeXml(workflowSid)}">` +
    `<Task>${escapeXml(xmlSafeJson(attributes))}</Task></Enqueue></Response>`
  );
}

/**
 * The SIP route: dials PolyAI's SIP address. A SIP REFER from PolyAI makes Twilio request `referUrl`; the end of
 * PolyAI's leg without one (BYE, busy, no answer) makes it request `action`.
 */
export function dialPolyaiSipTwiml(sipUri: string, handoffPath: string): string {
  const path = escapeXml(handoffPath);
  return `${XML_DECLARATION}<Response><Dial referUrl="${path}" action="${path}"><Sip>${escapeXml(sipUri)}</Sip></Dial></Response>`;
}

/** The virtual agent finished the call itself: no Flex task, a short goodbye (in `language` when given) and a hang-up. */
export function endCallTwiml(goodbye: string, language = ''): string {
  const lang = language === '' ? '' : ` language="${escapeXml(language)}"`;
  const say = goodbye === '' ? '' : `<Say${lang}>${escapeXml(goodbye)}</Say>`;
  return `${XML_DECLARATION}<Response>${say}<Hangup/></Response>`;
}
