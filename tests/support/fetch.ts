/**
 * `fetch` doubles for component and Flex registration tests. `installFetch` puts one in place of the browser's
 * `fetch` for the current test only: tests/support/setupTests.ts puts the real one back after each test.
 */
export const realFetch = global.fetch;

export function installFetch<T extends jest.Mock>(double: T): T {
  global.fetch = double as unknown as typeof fetch;
  return double;
}

/** A response with a JSON body (or a non-JSON one). */
export function jsonResponse(status: number, body: unknown): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => JSON.parse(text),
  } as unknown as Response;
}

/** Answers with each response in turn, then the last one again; records each request. */
export function mockFetch(...responses: Array<Response | Error>): jest.Mock {
  const queue = [...responses];
  return jest.fn(async () => {
    const next = queue.length > 1 ? queue.shift()! : queue[0];
    if (next instanceof Error) throw next;
    return next;
  });
}

/** A fetch that never answers until its signal aborts (as the browser's does). */
export function hangingFetch(): jest.Mock {
  return jest.fn(
    (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      }),
  );
}
