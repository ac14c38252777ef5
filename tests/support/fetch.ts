/** A `fetch` double answering with a JSON body (or a non-JSON one), recording each request. */
export function jsonResponse(status: number, body: unknown): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => JSON.parse(text),
  } as unknown as Response;
}

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
