/**
 * The PolyAI client's bounds, as a caller of the Functions sees them: one total deadline that nothing
 * exceeds (retries and Retry-After waits included), a retry only when there is time for it, and a capped
 * response body. Time is jest's fake clock, so every duration below is exact, not a measurement.
 */
import fc from 'fast-check';

import { readPolyaiConfig, type PolyaiConfig } from '../../serverless/src/lib/config';
import { createPolyaiClient, type PolyaiResult } from '../../serverless/src/lib/polyaiClient';
import { fuzzAsync } from '../support/fuzz';

const settings = readPolyaiConfig({ POLYAI_ACCOUNT_ID: 'acme', POLYAI_PROJECT_ID: 'billing', POLYAI_API_KEY: 'secret-key' });
if (!settings.ok) throw new Error(settings.problem);
const base: PolyaiConfig = { ...settings.config, attemptTimeoutMs: 1_000, deadlineMs: 1_500 };

/** What PolyAI does on one attempt: answer after `afterMs`, fail the connection, or never answer. */
type Behaviour =
  | { kind: 'answer'; afterMs: number; status: number; retryAfterS?: number }
  | { kind: 'network-error'; afterMs: number }
  | { kind: 'hang' };

interface Run {
  result: PolyaiResult;
  /** When the client resolved, in ms after the call started. */
  elapsedMs: number;
  /** When each attempt started, in ms after the call started. */
  attemptStarts: number[];
}

/** Calls the client against a scripted PolyAI on jest's fake clock (the default sleep is a real setTimeout). */
async function run(config: PolyaiConfig, script: Behaviour[]): Promise<Run> {
  const start = Date.now();
  const attemptStarts: number[] = [];
  const fetch = (_url: unknown, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      attemptStarts.push(Date.now() - start);
      const behaviour = script[attemptStarts.length - 1] ?? { kind: 'hang' };
      init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      if (behaviour.kind === 'hang') return;
      setTimeout(() => {
        if (behaviour.kind === 'network-error') reject(new TypeError('fetch failed'));
        else {
          const headers = behaviour.retryAfterS === undefined ? undefined : { 'retry-after': String(behaviour.retryAfterS) };
          resolve(new Response('{"data":{}}', { status: behaviour.status, headers }));
        }
      }, behaviour.afterMs);
    });
  let settled: { result: PolyaiResult; elapsedMs: number } | undefined;
  void createPolyaiClient(config, { fetch: fetch as typeof globalThis.fetch })
    .fetchHandoffState({ param: 'id', value: 'CA1' })
    .then((result) => {
      settled = { result, elapsedMs: Date.now() - start };
    });
  // Jump from timer to timer; the bound only stops a broken client from looping forever.
  for (let step = 0; settled === undefined && step < 100; step += 1) await jest.advanceTimersToNextTimerAsync();
  if (settled === undefined) throw new Error('the client never resolved');
  return { ...settled, attemptStarts };
}

beforeEach(() => {
  jest.useFakeTimers({ now: 1_700_000_000_000, doNotFake: ['nextTick', 'queueMicrotask'] });
});
afterEach(() => {
  jest.useRealTimers();
});

describe('PolyAI client: one deadline for the whole call', () => {
  it('never exceeds a 1,500 ms deadline when the first attempt fails slowly and the retry hangs', async () => {
    // 503 after 900 ms: 600 ms are left, 400 after the 200 ms pause, too little for a retry.
    const slowFailure = await run(base, [{ kind: 'answer', afterMs: 900, status: 503 }, { kind: 'hang' }]);
    expect(slowFailure.elapsedMs).toBeLessThanOrEqual(1_500);
    expect(slowFailure.result).toMatchObject({ ok: false, attempts: 1, error: { status: 503 } });
  });

  it('bounds the retry by the time left, not by the per-attempt timeout', async () => {
    // 503 after 400 ms, 200 ms pause: the retry starts at 600 ms with 900 ms left, less than its 1,200 ms timeout.
    const config = { ...base, attemptTimeoutMs: 1_200 };
    const retried = await run(config, [{ kind: 'answer', afterMs: 400, status: 503 }, { kind: 'hang' }]);
    expect(retried.attemptStarts).toEqual([0, 600]);
    expect(retried.elapsedMs).toBe(1_500);
    // The caller is told the whole call's deadline, not what was left of it for the retry.
    expect(retried.result).toEqual({ ok: false, attempts: 2, error: { status: 504, message: 'PolyAI did not answer within 1500 ms.' } });
  });

  it('ends a hung retry at its own attempt timeout when the deadline leaves more time', async () => {
    // 503 at once, 200 ms pause: the retry starts at 200 ms with 5,800 ms left but may only take 1,000 ms.
    const config = { ...base, attemptTimeoutMs: 1_000, deadlineMs: 6_000 };
    const retried = await run(config, [{ kind: 'answer', afterMs: 0, status: 503 }, { kind: 'hang' }]);
    expect(retried.attemptStarts).toEqual([0, 200]);
    expect(retried.elapsedMs).toBe(1_200);
    expect(retried.result).toEqual({ ok: false, attempts: 2, error: { status: 504, message: 'PolyAI did not answer within 1000 ms.' } });
  });

  it('bounds the first attempt by the deadline when the attempt timeout is longer', async () => {
    const hung = await run({ ...base, attemptTimeoutMs: 5_000, deadlineMs: 1_000 }, [{ kind: 'hang' }]);
    expect(hung.elapsedMs).toBe(1_000);
    expect(hung.result).toEqual({ ok: false, attempts: 1, error: { status: 504, message: 'PolyAI did not answer within 1000 ms.' } });
  });

  it('makes no retry on a negative Retry-After when the deadline has no room for one', async () => {
    // 503 after 1,100 ms with "Retry-After: -5": 400 ms are left, under the 500 ms a retry needs.
    const negative = await run({ ...base, attemptTimeoutMs: 1_400 }, [{ kind: 'answer', afterMs: 1_100, status: 503, retryAfterS: -5 }, { kind: 'answer', afterMs: 0, status: 200 }]);
    expect(negative.attemptStarts).toEqual([0]);
    expect(negative.result).toMatchObject({ ok: false, attempts: 1, error: { status: 503 } });
  });

  it('stops reading a body that is still trickling in when the attempt times out', async () => {
    // PolyAI sends the headers at once, then 10 bytes every 100 ms, never finishing.
    const stats = { pulled: 0, cancelled: false };
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (stats.pulled >= 1_000) return; // a bound for a broken client, far past the 1,000 ms timeout
        await new Promise((resolve) => setTimeout(resolve, 100));
        stats.pulled += 1;
        controller.enqueue(new TextEncoder().encode(stats.pulled === 1 ? '{"data":"x' : 'xxxxxxxxxx'));
      },
      cancel() {
        stats.cancelled = true;
      },
    });
    const fetch = jest.fn(async () => new Response(body, { status: 200 }));
    let result: PolyaiResult | undefined;
    void createPolyaiClient(base, { fetch: fetch as unknown as typeof globalThis.fetch })
      .fetchConversation('CA1')
      .then((answer) => {
        result = answer;
      });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(result).toEqual({ ok: false, attempts: 1, error: { status: 504, message: 'PolyAI did not answer within 1000 ms.' } });
    expect(stats.cancelled).toBe(true);
    const pulledAtTimeout = stats.pulled;
    await jest.advanceTimersByTimeAsync(2_000);
    expect(stats.pulled).toBe(pulledAtTimeout);
  });

  it('retries only with at least 500 ms of the deadline left after the pause', async () => {
    const fails = (afterMs: number): Behaviour[] => [{ kind: 'answer', afterMs, status: 500 }, { kind: 'answer', afterMs: 50, status: 200 }];
    // 1,500 − 801 − 200 = 499 ms would be left: no retry, even though PolyAI would answer in 50 ms.
    const tooLate = await run(base, fails(801));
    expect(tooLate.attemptStarts).toEqual([0]);
    expect(tooLate.result).toMatchObject({ ok: false, attempts: 1 });
    // 1,500 − 800 − 200 = 500 ms left: the retry is made and succeeds.
    const justInTime = await run(base, fails(800));
    expect(justInTime.attemptStarts).toEqual([0, 1_000]);
    expect(justInTime.result).toEqual({ ok: true, body: { data: {} }, attempts: 2 });
  });

  it('holds for any PolyAI behaviour: done by the deadline, at most one retry, a retry only with 500 ms left', async () => {
    const afterMs = fc.integer({ min: 0, max: 9_000 });
    const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(
      fc.record({ kind: fc.constant('answer' as const), afterMs, status: fc.constantFrom(200, 404, 429, 500, 502, 503) }),
      fc.record({ kind: fc.constant('answer' as const), afterMs, status: fc.constantFrom(429, 503), retryAfterS: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('network-error' as const), afterMs }),
      fc.constant({ kind: 'hang' as const }),
    );
    const scenario = fc.record({
      deadlineMs: fc.integer({ min: 100, max: 8_000 }),
      attemptTimeoutMs: fc.integer({ min: 50, max: 10_000 }),
      script: fc.array(behaviour, { minLength: 3, maxLength: 3 }),
    });
    await fuzzAsync(
      scenario,
      async ({ deadlineMs, attemptTimeoutMs, script }) => {
        const { elapsedMs, attemptStarts, result } = await run({ ...base, deadlineMs, attemptTimeoutMs }, script);
        expect(elapsedMs).toBeLessThanOrEqual(deadlineMs);
        expect(attemptStarts.length).toBeLessThanOrEqual(2);
        expect(result.attempts).toBe(attemptStarts.length);
        if (attemptStarts.length === 2) expect(deadlineMs - attemptStarts[1]).toBeGreaterThanOrEqual(500);
      },
      0.003,
    );
  });
});

describe('PolyAI client: response body cap', () => {
  const MB = 1_000_000;

  /** A 200 whose JSON body is `size` bytes long, streamed in 64 KB chunks; counts what was pulled. */
  function streamedBody(size: number) {
    const chunk = 64 * 1024;
    const text = `{"data":{"note":"${'x'.repeat(size - 20)}"}}`;
    const bytes = new TextEncoder().encode(text);
    const stats = { pulled: 0, cancelled: false };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = bytes.subarray(stats.pulled, stats.pulled + chunk);
        stats.pulled += next.byteLength;
        if (next.byteLength === 0) controller.close();
        else controller.enqueue(next);
      },
      cancel() {
        stats.cancelled = true;
      },
    });
    return { response: new Response(body, { status: 200 }), stats, size: bytes.byteLength };
  }

  beforeEach(() => jest.useRealTimers());

  it('refuses a body over 2 MB and stops reading it, however valid its JSON, without asking again', async () => {
    const big = streamedBody(3 * MB);
    const fetch = jest.fn(async () => big.response);
    const result = await createPolyaiClient(base, { fetch: fetch as unknown as typeof globalThis.fetch, sleep: async () => undefined }).fetchConversation('CA1');
    expect(result).toEqual({ ok: false, error: { status: 502, message: 'PolyAI answered with a body over 2000000 bytes.' }, attempts: 1 });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(big.stats.cancelled).toBe(true);
    expect(big.stats.pulled).toBeLessThan(2 * MB + 2 * 64 * 1024);
  });

  it('reads a body just under 2 MB in full', async () => {
    const large = streamedBody(2 * MB - 100);
    const fetch = jest.fn(async () => large.response);
    const result = await createPolyaiClient(base, { fetch: fetch as unknown as typeof globalThis.fetch }).fetchConversation('CA1');
    expect(result.ok).toBe(true);
    expect(large.stats.pulled).toBe(large.size);
  });
});
