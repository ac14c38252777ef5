/** Reading PolyAI's X- headers from Twilio's REFER and dial parameters: where Twilio puts them, and bounds. */
import { headerKey, readSipHandback } from '../../serverless/src/lib/sipHeaders';

const read = (event: Record<string, unknown>) => {
  const { headers, target } = readSipHandback(event);
  return { headers: Object.fromEntries(headers), target };
};

describe('readSipHandback', () => {
  it.each([
    ['<sip:billing@acme.example.com;transport=tls?X-A=1>', 'billing', { 'x-a': '1' }],
    ['sip:flex@acme.example.com', 'flex', {}],
    ['sips:%2B442071234567@acme.example.com', '+442071234567', {}],
    ['<tel:+14155550100>', '+14155550100', {}],
    ['<urn:service:sos>', null, {}],
  ])('Refer-To %p → target %p', (referTo, target, headers) => {
    expect(read({ ReferTransferTarget: referTo })).toEqual({ target, headers });
  });

  it('reads the Refer-To URI headers first, then SipHeader_ and DialSipHeader_ parameters; the first value wins', () => {
    expect(
      read({
        ReferTransferTarget: 'sip:a@b?X-Reason=refund&X-Empty=&NoEquals&User-to-User=00ff',
        'SipHeader_X-Reason': 'ignored',
        'SipHeader_X-Customer-ID': 'C-1',
        'DialSipHeader_X-Verified': 'true',
        SipCallId: 'abc@host',
      }),
    ).toEqual({ target: 'a', headers: { 'x-reason': 'refund', 'x-customer-id': 'C-1', 'x-verified': 'true' } });
  });

  it('keeps text it cannot decode as sent, ignores Twilio\'s own headers and anything that is not a string', () => {
    expect(read({ ReferTransferTarget: 'sip:a@b?X-Pct=100%&X-Twilio-CallSid=CA1', 'SipHeader_X-List': ['a'] }).headers).toEqual({ 'x-pct': '100%' });
  });

  it('reads nothing from a Refer-To over 2,048 characters', () => {
    expect(read({ ReferTransferTarget: `sip:a@b?X-A=${'x'.repeat(2_100)}` })).toEqual({ target: null, headers: {} });
  });
});

describe('headerKey', () => {
  it.each([
    ['X-Customer-ID', 'customer_id'],
    ['x-reason', 'reason'],
    ['X-Handoff-Reason', 'handoff_reason'],
  ])('%s → %s, the key PolyAI\'s handoff data uses', (name, key) => {
    expect(headerKey(name)).toBe(key);
  });
});
