/** The TwiML documents the call paths need, built as text so nothing depends on the `twilio` package. */

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);
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
    `<Task>${escapeXml(JSON.stringify(attributes))}</Task></Enqueue></Response>`
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
