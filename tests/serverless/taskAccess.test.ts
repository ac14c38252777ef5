/**
 * Item 7 of issue 16: the Functions the plugin calls serve a conversation only to a worker who holds a task for
 * it, checked through TaskRouter (the preview's in-memory stand-in here), supervisors and admins excepted
 * (configurable); token validation and the check are bounded by timeouts.
 */
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { checkFlexToken, TOKEN_CHECK_MS } from '../../serverless/src/lib/flexToken';
import { ACCESS_CHECK_MS, checkTaskAccess, type TaskRouterClient } from '../../serverless/src/lib/taskAccess';
import { InMemoryTaskRouter } from '../../devtools/taskrouter/inMemoryTaskRouter';
import { fixture } from '../support/fixtures';
import { ACCOUNT_SID, captureLogs, FLEX_ORIGIN, flexToken, functionEnv, invokeFunction, UNKNOWN_CALL, VERIFIED_CALL, WORKER_SID } from './support/functions';

captureLogs();
const conversation = fixture('conversation.json');
const OTHER_WORKER = `WK${'6'.repeat(32)}`;
const agent = { identity: 'alice', workerSid: WORKER_SID, roles: ['agent'] };

/** A task for the conversation and a worker's reservation of it, as `InMemoryTaskRouter.addTask` takes them. */
type HeldTask = Parameters<InMemoryTaskRouter['addTask']>;

function reservation(status: string, conversationId: string, workerSid = WORKER_SID, index = 1): HeldTask {
  return [`WT${String(index).repeat(32).slice(0, 32)}`, { polyai: { id: conversationId, data: {} } }, { reservations: { [workerSid]: status } }];
}

function conversationCall(answer: Record<string, unknown>, tasks: HeldTask[], env: Record<string, string> = {}) {
  const fetch = jest.fn(async () => new Response(JSON.stringify(conversation), { status: 200 }));
  const taskRouter = new InMemoryTaskRouter([{ sid: WORKER_SID, friendlyName: 'alice' }]);
  for (const task of tasks) taskRouter.addTask(...task);
  const handler = createPolyaiConversationHandler({ validateToken: async () => ({ valid: true, ...answer }), taskRouter, fetch: fetch as unknown as typeof globalThis.fetch });
  const call = (conversationId = VERIFIED_CALL) =>
    invokeFunction(handler, functionEnv(undefined, env), { Token: flexToken(), conversationId, request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
  return { call, fetch, taskRouter };
}

describe('task access in the plugin Functions', () => {
  it.each(['pending', 'accepted', 'wrapping'])('serves an agent with a %s reservation for the conversation', async (status) => {
    const { call, taskRouter } = conversationCall({ worker_sid: WORKER_SID, roles: ['agent'] }, [reservation(status, VERIFIED_CALL)]);
    const result = await call();
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ conversation });
    expect(taskRouter.calls).toEqual(expect.arrayContaining([`reservations ${WORKER_SID} ${status}`, `task WT${'1'.repeat(32)}`]));
  });

  it.each([
    ['a task for another conversation', [reservation('accepted', UNKNOWN_CALL)]],
    ['a finished reservation for it', [reservation('completed', VERIFIED_CALL), reservation('canceled', VERIFIED_CALL, WORKER_SID, 2)]],
    ['no task, while a colleague holds it', [reservation('accepted', VERIFIED_CALL, OTHER_WORKER)]],
  ])('refuses an agent with %s (403), without asking PolyAI', async (_, tasks) => {
    const { call, fetch } = conversationCall({ worker_sid: WORKER_SID, roles: ['agent'] }, tasks);
    const result = await call();
    expect(result.status).toBe(403);
    expect(result.body).toEqual({ error: { status: 403, message: 'This conversation belongs to a task you do not hold.' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('finds the worker by the token\'s identity when Twilio\'s answer has no worker SID', async () => {
    const { call, taskRouter } = conversationCall({ identity: 'alice', roles: ['agent'] }, [reservation('accepted', VERIFIED_CALL)]);
    expect((await call()).status).toBe(200);
    expect(taskRouter.calls[0]).toBe('workers alice');
  });

  it('matches the call SID and the shared id of a task too', async () => {
    // As TaskRouter returns attributes: JSON text.
    const held: HeldTask = [`WT${'1'.repeat(32)}`, JSON.stringify({ call_sid: VERIFIED_CALL, polyai: { shared_id: 'acme:42', data: { summary: 's' } } }), { reservations: { [WORKER_SID]: 'accepted' } }];
    const { call } = conversationCall({ worker_sid: WORKER_SID, roles: ['agent'] }, [held]);
    expect((await call(VERIFIED_CALL)).status).toBe(200);
    expect((await call('acme:42')).status).toBe(200);
    expect((await call(UNKNOWN_CALL)).status).toBe(403);
  });

  it.each(['supervisor', 'admin', 'Supervisor'])('serves a %s any conversation without asking TaskRouter', async (role) => {
    const { call, taskRouter } = conversationCall({ worker_sid: WORKER_SID, roles: [role] }, []);
    expect((await call(UNKNOWN_CALL)).status).toBe(200);
    expect(taskRouter.calls).toEqual([]);
  });

  it('checks supervisors like agents when POLYAI_UNRESTRICTED_ROLES is empty', async () => {
    const { call } = conversationCall({ worker_sid: WORKER_SID, roles: ['supervisor'] }, [], { POLYAI_UNRESTRICTED_ROLES: '' });
    expect((await call()).status).toBe(403);
  });

  it('fails closed with a clear 500 when the workspace is not configured', async () => {
    const { call, fetch } = conversationCall({ worker_sid: WORKER_SID, roles: ['agent'] }, [reservation('accepted', VERIFIED_CALL)], { TASKROUTER_WORKSPACE_SID: '' });
    const result = await call();
    expect(result.body).toEqual({ error: { status: 500, message: 'TASKROUTER_WORKSPACE_SID is not set: the Functions cannot check who holds the task.' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('answers 503 when TaskRouter fails', async () => {
    const broken = { taskrouter: { v1: { workspaces: () => { throw new Error('HTTP 500'); } } } } as unknown as TaskRouterClient;
    expect(await checkTaskAccess({ conversationId: VERIFIED_CALL }, agent, functionEnv(), () => broken)).toEqual({ ok: false, status: 503, message: 'TaskRouter could not confirm that you hold this task.' });
  });
});

describe('time limits', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it(`denies with 503 when TaskRouter does not answer within ${ACCESS_CHECK_MS} ms`, async () => {
    const hanging = {
      taskrouter: { v1: { workspaces: () => ({ workers: Object.assign(() => ({ reservations: { list: () => new Promise(() => undefined) } }), { list: async () => [] }) }) } },
    } as unknown as TaskRouterClient;
    const decision = checkTaskAccess({ conversationId: VERIFIED_CALL }, agent, functionEnv(), () => hanging);
    await jest.advanceTimersByTimeAsync(ACCESS_CHECK_MS);
    await expect(decision).resolves.toEqual({ ok: false, status: 503, message: 'TaskRouter did not confirm in time that you hold this task.' });
  });

  it(`denies with 503 when Twilio's token validator does not answer within ${TOKEN_CHECK_MS} ms`, async () => {
    const check = checkFlexToken(flexToken(), { accountSid: ACCOUNT_SID, authToken: 'auth-token-secret' }, () => new Promise(() => undefined));
    await jest.advanceTimersByTimeAsync(TOKEN_CHECK_MS);
    await expect(check).resolves.toEqual({ ok: false, status: 503, message: 'Twilio did not confirm the Flex token in time.' });
  });
});
