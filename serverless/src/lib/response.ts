/** Responses built with the runtime's `Twilio.Response`, so status, headers and content type are explicit. */
import '@twilio-labs/serverless-runtime-types';
import type { TwilioResponse } from '@twilio-labs/serverless-runtime-types/types';

export function jsonResponse(status: number, body: object | null, headers: Record<string, string> = {}): TwilioResponse {
  const response = new Twilio.Response();
  response.setStatusCode(status);
  response.appendHeader('Content-Type', 'application/json');
  for (const [name, value] of Object.entries(headers)) response.appendHeader(name, value);
  if (body !== null) response.setBody(body);
  return response;
}

export function twimlResponse(xml: string): TwilioResponse {
  const response = new Twilio.Response();
  response.setStatusCode(200);
  response.appendHeader('Content-Type', 'text/xml');
  response.setBody(xml);
  return response;
}
