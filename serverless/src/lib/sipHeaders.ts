/**
 * The `X-` SIP headers PolyAI sends when it hands a call back (configured in Agent Studio under Voice > Handoffs,
 * values from `$variables`). Twilio documents two places where PolyAI's own headers reach us:
 * - in the `Refer-To` URI of a SIP REFER (`<sip:flex@host?X-Customer-ID=42&X-Reason=refund>`), passed to the
 *   `referUrl` as `ReferTransferTarget`;
 * - on the final SIP response or BYE of the `<Dial><Sip>` leg to PolyAI, as `DialSipHeader_X-…` of `<Dial action>`.
 * `SipHeader_X-…` parameters are the `X-` headers of the *incoming* INVITE (Twilio's "SIP and TwiML interaction"):
 * the caller's side, which anyone placing a SIP call can set. They are never read: not as ids, context or a handoff.
 * Everything is bounded: Twilio caps `Refer-To` at 256 characters, we accept at most 32 headers of 512 characters,
 * each scrubbed of the Functions' secrets before it is cut.
 */
import { cutText } from '@polyai-context/model';
import { scrubText } from './secrets';

const HEADER_NAME = /^x-[a-z0-9][a-z0-9-]{0,62}$/i;
/** PolyAI's leg's headers on `<Dial action>`; `SipHeader_` (the caller's INVITE) is deliberately not here. */
const DIAL_HEADER_PREFIX = 'DialSipHeader_';
const MAX_HEADERS = 32;
const MAX_VALUE_CHARS = 512;
const MAX_REFER_TO_CHARS = 2_048;
/** Twilio's own headers describe the call, not what PolyAI learned. */
const TWILIO_PREFIX = 'x-twilio-';

export interface SipHandback {
  /** `X-` headers by lower-cased name, in the order received. */
  headers: Map<string, string>;
  /** The user part of the REFER target (`flex` in `sip:flex@…`, `+4420…` in `tel:+4420…`): PolyAI's route. */
  target: string | null;
}

export function readSipHandback(event: Record<string, unknown>, secrets: readonly string[]): SipHandback {
  const headers = new Map<string, string>();
  const add = (name: string, value: unknown) => {
    const key = name.toLowerCase();
    if (headers.size >= MAX_HEADERS || !HEADER_NAME.test(name) || key.startsWith(TWILIO_PREFIX)) return;
    if (typeof value !== 'string' || value.trim() === '' || headers.has(key)) return;
    headers.set(key, cutText(scrubText(value.trim(), secrets), MAX_VALUE_CHARS));
  };
  const referTo = parseReferTo(event.ReferTransferTarget);
  for (const [name, value] of referTo.headers) add(name, value);
  for (const [param, value] of Object.entries(event)) {
    if (param.startsWith(DIAL_HEADER_PREFIX)) add(param.slice(DIAL_HEADER_PREFIX.length), value);
  }
  return { headers, target: referTo.target };
}

/** `<sip:user@host;params?X-A=1&X-B=two%20words>` or `tel:+44…` → the user part and the URI headers. */
function parseReferTo(value: unknown): { target: string | null; headers: Array<[string, string]> } {
  if (typeof value !== 'string' || value.length > MAX_REFER_TO_CHARS) return { target: null, headers: [] };
  const uri = value.trim().replace(/^<|>$/g, '');
  const queryAt = uri.indexOf('?');
  const address = queryAt === -1 ? uri : uri.slice(0, queryAt);
  const user = /^(?:sips?|tel):([^@;?]{1,64})/i.exec(address)?.[1];
  const headers: Array<[string, string]> = [];
  if (queryAt !== -1) {
    for (const pair of uri.slice(queryAt + 1).split('&')) {
      const equals = pair.indexOf('=');
      if (equals > 0) headers.push([decode(pair.slice(0, equals)), decode(pair.slice(equals + 1))]);
    }
  }
  return { target: user === undefined ? null : decode(user), headers };
}

/** RFC 3261 URI escaping: `%XX` only. A `+` stays a plus (E.164 numbers are common header values). */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a stray '%': keep the text as sent
  }
}

/** `X-Customer-ID` → `customer_id`: the keys PolyAI's own handoff data uses, so the plugin labels them alike. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/^x-/, '').replace(/-/g, '_');
}
