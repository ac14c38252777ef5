/** Reading PolyAI's X- headers from Twilio's REFER and dial parameters: where Twilio puts them, and bounds. */
import { headerKey, readSipHandback } from '../../serverless/src/lib/sipHeaders';

const read = (event: Record<string, unknown>) => {
  const { headers, target } = readSipHandback(event, []);
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

  it('reads the Refer-To URI headers first, then DialSipHeader_ parameters (PolyAI\'s leg); the first value wins', () => {
    expect(
      read({
        ReferTransferTarget: 'sip:a@b?X-Reason=refund&X-Empty=&NoEquals&User-to-User=00ff',
        'DialSipHeader_X-Reason': 'ignored',
        'DialSipHeader_X-Verified': 'true',
        SipCallId: 'abc@host',
      }),
    ).toEqual({ target: 'a', headers: { 'x-reason': 'refund', 'x-verified': 'true' } });
  });

  it('never reads SipHeader_ parameters: they are the X- headers of the caller\'s own INVITE', () => {
    expect(read({ 'SipHeader_X-PolyAI-Conversation-Id': 'CONV-OTHER', 'SipHeader_X-Customer-ID': 'C-1', 'SipHeader_X-Verified': 'true' }).headers).toEqual({});
  });

  it('keeps text it cannot decode as sent, ignores Twilio\'s own headers and anything that is not a string', () => {
    expect(read({ ReferTransferTarget: 'sip:a@b?X-Pct=100%&X-Twilio-CallSid=CA1', 'DialSipHeader_X-List': ['a'] }).headers).toEqual({ 'x-pct': '100%' });
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

/** The bounds and rules one at a time (found by mutation testing): what a handback with odd headers yields. */
describe('readSipHandback at its edges', () => {
  it('keeps at most 32 headers, each value trimmed and cut to 512 characters', () => {
    const event = Object.fromEntries(Array.from({ length: 33 }, (_, index) => [`DialSipHeader_X-H${index}`, ` v${index} `]));
    const { headers } = read(event);
    expect(Object.keys(headers)).toHaveLength(32);
    expect(headers['x-h0']).toBe('v0');
    expect(headers['x-h32']).toBeUndefined();
    expect(read({ 'DialSipHeader_X-Long': 'v'.repeat(513) }).headers['x-long']).toBe('v'.repeat(512));
  });

  it('accepts X- header names of up to 63 characters after the X-, letters, digits and dashes only', () => {
    const name = (length: number) => `X-${'a'.repeat(length)}`;
    expect(Object.keys(read({ [`DialSipHeader_${name(63)}`]: 'v' }).headers)).toEqual([name(63).toLowerCase()]);
    expect(read({ [`DialSipHeader_${name(64)}`]: 'v' }).headers).toEqual({});
    for (const bad of ['X-', 'X--a', 'X-a_b', 'Y-a', 'X-a b', 'xx-a']) expect(read({ [`DialSipHeader_${bad}`]: 'v' }).headers).toEqual({});
    expect(read({ 'DialSipHeader_x-Lower': 'v' }).headers).toEqual({ 'x-lower': 'v' });
  });

  it('ignores blank values, and parameters that are not SIP headers', () => {
    expect(read({ 'DialSipHeader_X-Blank': '   ', 'X-Plain': 'v', 'OtherDialSipHeader_X-A': 'v', 'DialSipHeader_X-B': 'b' }).headers).toEqual({ 'x-b': 'b' });
  });

  it('reads the Refer-To user part (at most 64 characters) with or without brackets, headers or parameters', () => {
    expect(read({ ReferTransferTarget: `sip:${'u'.repeat(64)}@h` }).target).toBe('u'.repeat(64));
    expect(read({ ReferTransferTarget: `sip:${'u'.repeat(65)}@h` }).target).toBe('u'.repeat(64));
    expect(read({ ReferTransferTarget: '  <SIP:agent;user=phone@h>  ' }).target).toBe('agent');
    expect(read({ ReferTransferTarget: 'TEL:+1%20415' }).target).toBe('+1 415');
    expect(read({ ReferTransferTarget: 'x sip:agent@h' }).target).toBeNull();
    expect(read({ ReferTransferTarget: 'sip:@h' }).target).toBeNull();
    expect(read({ ReferTransferTarget: 42 })).toEqual({ target: null, headers: {} });
    expect(read({ ReferTransferTarget: `sip:a@b?X-A=${'x'.repeat(2_048 - 'sip:a@b?X-A='.length)}` }).target).toBe('a');
  });

  it('reads URI headers with escapes and an equals sign inside the value, not those without a name', () => {
    expect(read({ ReferTransferTarget: '<sip:a@b?X-Note=a%3Db=c&=x&X-Plus=+44>' }).headers).toEqual({ 'x-note': 'a=b=c', 'x-plus': '+44' });
  });

  it('takes URI headers only after the "?", and only pairs with an "="', () => {
    expect(read({ ReferTransferTarget: '<sip:a@b;p=1&X-A=1>' })).toEqual({ target: 'a', headers: {} });
    expect(read({ ReferTransferTarget: '<sip:a@b?X-Flag&X-B=2>' }).headers).toEqual({ 'x-b': '2' });
  });

  it('strips only the enclosing angle brackets, keeping any inside a header value', () => {
    expect(read({ ReferTransferTarget: '<sip:a@b?X-Note=1<2>3>' }).headers).toEqual({ 'x-note': '1<2>3' });
  });
});

describe('headerKey for every form', () => {
  it('drops only a leading X- and turns every dash into an underscore', () => {
    expect(headerKey('X-Re-X-ason')).toBe('re_x_ason');
    expect(headerKey('Reason-Code')).toBe('reason_code');
    expect(headerKey('Fax-X-Number')).toBe('fax_x_number');
  });
});
