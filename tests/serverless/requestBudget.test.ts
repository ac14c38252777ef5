/**
 * One time budget per plugin request, shared by every stage (token check, TaskRouter, PolyAI and its retry), so
 * stages each within their own limit cannot add up past the 10 s after which Twilio ends a Function with a
 * generic error: the Function answers by itself, saying which stage ran out. And the headers only the runtime
 * may set: a caller's own `request` key of another shape is refused. Fake timers: the stages' delays are exact.
 */
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { createPolyaiHandoffStateHandler } from '../../serverless/src/functions/polyai-handoff-state';
import { createPolyaiVerdictHandler } from '../../serverless/src/functions/polyai-verdict';
import { REQUEST_DEADLINE_MS } from '../../serverless/src/lib/deadline';
import { OUT_OF_TIME, pluginFunction } from '../../serverless/src/lib/pluginFunction';
import type { TaskRouterClient } from '../../serverless/src/lib/taskAccess';
import { InMemoryTaskRouter } from '../../devtools/taskrouter/inMemoryTaskRouter';
import { captureLogs, FLEX_ORIGIN, flexToken, functionEnv, HELD_TASK_SID, invokeFunction, VERIFIED_CALL, WORKER_SID } from './support/functions';
import type { FunctionResult } from '../../devtools/functions-runtime/localRuntime';

captureLogs();
/** Twilio's limit for a Function. */
const TWILIO_LIMIT_MS = 10_000;
const AGENT = { valid: true, worker_sid: WORKER_SID, roles: ['agent'] };
const env = functionEnv();

const later = <T>(ms: number, value: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), ms));

/** The agent holding the verified call's task, each TaskRouter answer `delayMs` late. */
function slowTaskRouter(delayMs: number): InMemoryTaskRouter & TaskRouterClient {
  const taskRouter = new InMemoryTaskRouter();
  taskRouter.addRoutedTask(HELD_TASK_SID, { call_sid: VERIFIED_CALL, polyai: { id: VERIFIED_CALL, data: {} } }, env, { reservations: { [WORKER_SID]: 'accepted' } });
  const workspace = taskRouter.taskrouter.v1.workspaces('');
  const slow = {
    taskrouter: {
      v1: {
        workspaces: () => ({
          workers: workspace.workers,
          tasks: (sid: string) => ({
            fetch: () => later(delayMs, () => workspace.tasks(sid).fetch()).then((task) => task),
            reservations: { list: (options: { workerSid: string; pageSize: number }) => later(delayMs, () => workspace.tasks(sid).reservations.list(options)).then((list) => list) },
          }),
        }),
      },
    },
  };
  return Object.assign(taskRouter, { taskrouter: slow.taskrouter });
}

/** Runs the request on fake time; what it answered by `ms`, or null when it had not answered yet. */
async function answeredBy(request: Promise<FunctionResult>, ms: number): Promise<FunctionResult | null> {
  let answer: FunctionResult | null = null;
  void request.then((result) => (answer = result));
  await jest.advanceTimersByTimeAsync(ms);
  return answer;
}

describe('one deadline per request, below Twilio\'s 10 s', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('token check 2.9 s + TaskRouter 3.8 s (twice) + PolyAI 429 "Retry-After: 2" then silence: the Function\'s own answer, in time', async () => {
    // TaskRouter is asked twice in a row (the reservation, then the task's binding): 2 × 1.9 s = 3.8 s.
    const taskRouter = slowTaskRouter(1_900);
    let polyaiCalls = 0;
    const fetch = jest.fn(() => {
      polyaiCalls += 1;
      return polyaiCalls === 1 ? Promise.resolve(new Response('{}', { status: 429, headers: { 'retry-after': '2' } })) : new Promise<Response>(() => undefined);
    });
    const handler = createPolyaiConversationHandler({ validateToken: () => later(2_900, () => AGENT), taskRouter, fetch: fetch as unknown as typeof globalThis.fetch });
    const request = invokeFunction(handler, env, { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
    const answer = await answeredBy(request, TWILIO_LIMIT_MS - 1);
    // 6.7 s spent: no time for the 2 s wait and a retry, so PolyAI's 429 is the answer, said as such.
    expect(answer).toMatchObject({ status: 429, body: { error: { status: 429, message: 'PolyAI asked us to slow down (429).' } } });
    expect(polyaiCalls).toBe(1);
  });

  it('a PolyAI that never answers after slow earlier stages gets the PolyAI stage\'s own 504 within the budget', async () => {
    const handler = createPolyaiHandoffStateHandler({ validateToken: () => later(2_900, () => AGENT), taskRouter: slowTaskRouter(1_900), fetch: (() => new Promise(() => undefined)) as unknown as typeof globalThis.fetch });
    const request = invokeFunction(handler, env, { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, request: { headers: {}, cookies: {} } });
    expect(await answeredBy(request, REQUEST_DEADLINE_MS - 1)).toBeNull();
    const answer = await answeredBy(request, 1);
    expect(answer).toMatchObject({ status: 504, body: { error: { status: 504, message: expect.stringMatching(/^PolyAI did not answer within 1[0-9]{3} ms\.$/) } } });
  });

  it('a slow token check and a slow access check leave the verdict the rest of the budget, and a slow store says TaskRouter was slow', async () => {
    const taskRouter = slowTaskRouter(3_900);
    const hanging = { fetchTask: () => new Promise<never>(() => undefined), updateTaskAttributes: () => new Promise<never>(() => undefined) };
    const handler = createPolyaiVerdictHandler({ validateToken: () => later(2_900, () => AGENT), taskRouter, verdictTaskRouter: () => hanging, onVerdictStored: async () => undefined });
    const request = invokeFunction(handler, env, { Token: flexToken(), taskSid: HELD_TASK_SID, verdict: 'right', reason: null, request: { headers: {}, cookies: {} } });
    const answer = await answeredBy(request, TWILIO_LIMIT_MS - 1);
    // Never "the task kept changing": the task was never read.
    expect(answer).toMatchObject({ status: 504, body: { error: { status: 504, message: 'TaskRouter did not answer in time: the verdict may not be stored.' } } });
  });
});

describe('the guard behind the stages', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers 504 in the Function\'s own words for a stage that ignores the budget, before Twilio would', async () => {
    const stuck = pluginFunction('stuck', { validateToken: async () => ({ valid: true, roles: ['admin'] }) }, () => new Promise<never>(() => undefined));
    const request = invokeFunction(stuck, env, { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, request: { headers: {}, cookies: {} } });
    expect(await answeredBy(request, TWILIO_LIMIT_MS - 1)).toMatchObject({ status: 504, body: { error: { status: 504, message: OUT_OF_TIME } } });
  });
});

describe('headers only from the runtime', () => {
  const handler = createPolyaiConversationHandler({ validateToken: async () => AGENT, taskRouter: slowTaskRouter(0) });

  it.each<[string, unknown]>([
    ['a number (?request=1)', '1'],
    ['a string', 'x'],
    ['a list', []],
    ['an object without headers', { cookies: {} }],
    ['headers that are not an object', { headers: 'origin: https://flex.twilio.com' }],
  ])('a caller\'s `request` that is %s is refused (400) before the token is checked', async (_, request) => {
    const validateToken = jest.fn(async () => AGENT);
    const strict = createPolyaiConversationHandler({ validateToken, taskRouter: slowTaskRouter(0) });
    const result = await invokeFunction(strict, env, { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, request });
    expect(result).toMatchObject({ status: 400, body: { error: { status: 400, message: 'The request names a `request` of its own: only the runtime may.' } } });
    expect(validateToken).not.toHaveBeenCalled();
  });

  it('an origin outside FLEX_ALLOWED_ORIGINS is refused, and an allowed one gets only its own origin back', async () => {
    const refused = await invokeFunction(handler, env, { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, request: { headers: { origin: 'https://evil.example' }, cookies: {} } });
    expect(refused).toMatchObject({ status: 403, headers: expect.not.objectContaining({ 'access-control-allow-origin': expect.anything() }) });
    const allowed = await invokeFunction(handler, env, { Token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, request: { headers: { Origin: FLEX_ORIGIN }, cookies: {} } });
    expect(allowed.headers['access-control-allow-origin']).toBe(FLEX_ORIGIN);
  });
});
