/** The two TwiML documents the call path needs, built as text so nothing depends on the `twilio` package. */

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
