/**
 * A deadline the Functions enforce with their own timer. An AbortSignal alone is not enough: once V8 has
 * collected garbage during a request, undici can lose the signal's link to a fetch whose body is still
 * trickling in, and the abort then never ends the read (nodejs/node#55428). Here the timer settles the
 * race itself; the signal only asks the work to stop and free its socket.
 */
export function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>, onTimeout: () => T): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(onTimeout());
    }, Math.max(0, ms));
  });
  const done = Promise.resolve().then(() => work(controller.signal));
  return Promise.race([done, expired]).finally(() => clearTimeout(timer));
}

/**
 * Twilio ends a Function after 10 s with a generic error; every plugin Function answers by itself before that.
 * One budget per request, shared by every stage (token check, TaskRouter, PolyAI and its retry), so stages that
 * are each within their own limit cannot add up past Twilio's.
 */
export const REQUEST_DEADLINE_MS = 8_500;

export interface RequestClock {
  /** Milliseconds left of the request's budget (never negative). */
  remaining(): number;
}

export function requestClock(totalMs = REQUEST_DEADLINE_MS): RequestClock {
  const started = Date.now();
  return { remaining: () => Math.max(0, totalMs - (Date.now() - started)) };
}
