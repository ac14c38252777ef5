/**
 * DEVELOPMENT TOOL — runs a Function handler the way Twilio's runtime does (context, event, callback;
 * `Twilio.Response` as a global), without Twilio. Tests and the outage drill use it on source and on the
 * built `dist/functions/*.js` alike.
 */
export interface FunctionResult {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON for JSON responses, text otherwise. */
  body: unknown;
}

class LocalResponse {
  statusCode = 200;
  headers: Record<string, string> = {};
  body: unknown = undefined;
  setStatusCode(code: number) {
    this.statusCode = code;
    return this;
  }
  setBody(body: unknown) {
    this.body = body;
    return this;
  }
  appendHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
    return this;
  }
}

export function installLocalRuntime(): void {
  const global = globalThis as { Twilio?: unknown };
  global.Twilio ??= { Response: LocalResponse };
}

/** Any handler: the typed source export (a ServerlessFunctionSignature) or a `require`d built file. */
export type AnyHandler = (...args: never[]) => unknown;

export function invokeFunction(
  handler: AnyHandler,
  context: Record<string, unknown>,
  event: Record<string, unknown>,
): Promise<FunctionResult> {
  installLocalRuntime();
  return new Promise((resolve) => {
    const callback = (error: unknown, payload?: unknown) => {
      if (error !== null && error !== undefined) resolve({ status: 500, headers: {}, body: String(error) });
      else if (payload instanceof LocalResponse) resolve(fromResponse(payload));
      else resolve({ status: 200, headers: {}, body: payload });
    };
    try {
      const result = (handler as (...args: unknown[]) => unknown)(context, event, callback);
      Promise.resolve(result).catch((error) => callback(error));
    } catch (error) {
      callback(error);
    }
  });
}

function fromResponse(response: LocalResponse): FunctionResult {
  // The runtime serialises object bodies as JSON; mirror it so tests see what Studio or a browser sees.
  const body = typeof response.body === 'string' || response.body === undefined ? response.body : JSON.parse(JSON.stringify(response.body));
  return { status: response.statusCode, headers: response.headers, body };
}
