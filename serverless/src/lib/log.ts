/**
 * The only way Functions log. Fields are limited to numbers, booleans and fixed words chosen by our code:
 * no ids, no phone numbers, no PolyAI data, no keys ever reach Twilio's logs. The line is scrubbed of the
 * Functions' secrets all the same (lib/secrets), so a future field cannot leak one.
 */
import { scrubText } from './secrets';

export type LogField =
  | number
  | boolean
  | null
  | 'ok'
  | 'error'
  | 'invalid-id'
  | 'not-configured'
  | 'crashed'
  | 'completed'
  | 'caller-gone'
  | 'agent-failed'
  | 'handoff';

export function logOutcome(fn: string, fields: Record<string, LogField>): void {
  console.log(scrubText(JSON.stringify({ fn, ...fields })));
}
