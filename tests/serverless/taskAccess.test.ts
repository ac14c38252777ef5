/**
 * The Functions the plugin calls serve a task's holder only what that task was routed with: the plugin names the
 * task, TaskRouter says whether this worker holds it (asked of the task itself, however many other tasks she
 * has), and the conversation must be one the task's signed binding (lib/taskBinding) vouches for. The ids in
 * the task's attributes are the agent's to edit (Flex's `ITask.setAttributes`), so editing them never widens
 * what she may read. Supervisors and admins excepted (configurable); every stage within the request's budget.
 */
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { createPolyaiHandoffStateHandler } from '../../serverless/src/functions/polyai-handoff-state';
import { checkFlexToken, TOKEN_CHECK_MS } from '../../serverless/src/lib/flexToken';
import { requestClock } from '../../serverless/src/lib/deadline';
import { ACCESS_CHECK_MS, checkTaskAccess, NOT_BOUND, NOT_HELD, type TaskRouterClient } from '../../serverless/src/lib/taskAccess';
import { BINDING_ATTRIBUTE, BINDING_ATTRIBUTE_CHARS, BINDING_TTL_S, verifiedBinding, withBinding } from '../../serverless/src/lib/taskBinding';
import { InMemoryTaskRouter } from '../../devtools/taskrouter/inMemoryTaskRouter';
import { fixture } from '../support/fixtures';
import { ACCOUNT_SID, captureLogs, FLEX_ORIGIN, flexToken, functionEnv, invokeFunction, UNKNOWN_CALL, VERIFIED_CALL, WORKER_SID } from './support/functions';

captureLogs();
const conversation = fixture('conversation.json');
const OTHER_WORKER = `WK${'6'.repeat(32)}`;
const TASK = `WT${'1'.repeat(32)}`;
const agent = { identity: 'alice', workerSid: WORKER_SID, roles: ['agent'] };
const env = functionEnv();

/** The task of VERIFIED_CALL as the routing Functions created it, reserved to the agent with `status`. */
function routedTask(taskRouter: InMemoryTaskRouter, status: string, attributes: object = { call_sid: VERIFIED_CALL, polyai: { id: VERIFIED_CALL, data: {} } }, workerSid = WORKER_SID) {
  return taskRouter.addRoutedTask(TASK, attributes, env, { reservations: { [workerSid]: status } });
}

const PLUGIN_FUNCTIONS = [
  ['polyai-conversation', createPolyaiConversationHandler, 200],
  ['polyai-handoff-state', createPolyaiHandoffStateHandler, 200],
] as const;

function pluginFunction(factory: (typeof PLUGIN_FUNCTIONS)[number][1], answer: Record<string, unknown> = { worker_sid: WORKER_SID, roles: ['agent'] }, overrides: Record<string, string> = {}) {
  const fetch = jest.fn(async (url: string) => new Response(JSON.stringify(url.includes('handoff_state') ? { id: VERIFIED_CALL, data: { summary: 's' } } : conversation), { status: 200 }));
  const taskRouter = new InMemoryTaskRouter([{ sid: WORKER_SID, friendlyName: 'alice' }]);
  const handler = factory({ validateToken: async () => ({ valid: true, ...answer }), taskRouter, fetch: fetch as unknown as typeof globalThis.fetch });
  const call = (body: Record<string, unknown> = {}) =>
    invokeFunction(handler, functionEnv(undefined, overrides), { Token: flexToken(), taskSid: TASK, conversationId: VERIFIED_CALL, ...body, request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
  return { call, fetch, taskRouter };
}

describe.each(PLUGIN_FUNCTIONS)('%s: who may read', (_, factory) => {
  it.each(['pending', 'accepted', 'wrapping'])('serves an agent with a %s reservation of the named task, asking TaskRouter about that task only', async (status) => {
    const { call, taskRouter } = pluginFunction(factory);
    routedTask(taskRouter, status);
    expect((await call()).status).toBe(200);
    expect(taskRouter.calls).toEqual([`reservations ${TASK} ${WORKER_SID}`, `task ${TASK}`]);
  });

  it.each(['completed', 'canceled', 'rejected', 'timeout', 'rescinded'])('refuses an agent whose reservation is %s (403), without asking PolyAI', async (status) => {
    const { call, fetch, taskRouter } = pluginFunction(factory);
    routedTask(taskRouter, status);
    expect((await call()).body).toEqual({ error: { status: 403, message: NOT_HELD } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses an agent while a colleague holds the task, and for a task that does not exist', async () => {
    const { call, taskRouter } = pluginFunction(factory);
    routedTask(taskRouter, 'accepted', undefined, OTHER_WORKER);
    expect((await call()).body).toEqual({ error: { status: 403, message: NOT_HELD } });
    expect((await call({ taskSid: `WT${'9'.repeat(32)}` })).body).toEqual({ error: { status: 403, message: NOT_HELD } });
  });

  it('refuses a request that names no task (400)', async () => {
    const { call } = pluginFunction(factory);
    expect((await call({ taskSid: undefined })).body).toEqual({ error: { status: 400, message: 'taskSid must be a task SID (WT…).' } });
    expect((await call({ taskSid: 'WT1&x=y' })).status).toBe(400);
  });

  it('finds the worker by the token\'s identity when Twilio\'s answer has no worker SID', async () => {
    const { call, taskRouter } = pluginFunction(factory, { identity: 'alice', roles: ['agent'] });
    routedTask(taskRouter, 'accepted');
    expect((await call()).status).toBe(200);
    expect(taskRouter.calls[0]).toBe('workers alice');
  });

  it.each(['supervisor', 'admin', 'Supervisor'])('serves a %s any conversation without asking TaskRouter', async (role) => {
    const { call, taskRouter } = pluginFunction(factory, { worker_sid: WORKER_SID, roles: [role] });
    expect((await call({ conversationId: UNKNOWN_CALL })).status).toBe(200);
    expect(taskRouter.calls).toEqual([]);
  });

  it('checks supervisors like agents when POLYAI_UNRESTRICTED_ROLES is empty', async () => {
    const { call } = pluginFunction(factory, { worker_sid: WORKER_SID, roles: ['supervisor'] }, { POLYAI_UNRESTRICTED_ROLES: '' });
    expect((await call()).status).toBe(403);
  });

  it('fails closed with a clear 500 when the workspace is not configured', async () => {
    const { call, fetch, taskRouter } = pluginFunction(factory, undefined, { TASKROUTER_WORKSPACE_SID: '' });
    routedTask(taskRouter, 'accepted');
    expect((await call()).body).toEqual({ error: { status: 500, message: 'TASKROUTER_WORKSPACE_SID is not set: the Functions cannot check who holds the task.' } });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe.each(PLUGIN_FUNCTIONS)('%s: editing the held task never widens what its holder may read', (_, factory) => {
  // Each path the plugin's model reads an id from, pointed at another caller's call.
  const edits: Array<[string, (attributes: Record<string, unknown>) => Record<string, unknown>, Record<string, unknown>]> = [
    ['polyai.id', (a) => ({ ...a, polyai: { id: UNKNOWN_CALL, data: {} } }), { conversationId: UNKNOWN_CALL }],
    ['polyai.shared_id', (a) => ({ ...a, polyai: { shared_id: 'acme:victim', data: {} } }), { conversationId: 'acme:victim', lookup: 'shared_id' }],
    ['call_sid', (a) => ({ ...a, call_sid: UNKNOWN_CALL, polyai: { data: {} } }), { conversationId: UNKNOWN_CALL }],
    ['polyai.data.call_sid', (a) => ({ ...a, call_sid: undefined, polyai: { data: { call_sid: UNKNOWN_CALL } } }), { conversationId: UNKNOWN_CALL }],
  ];

  it.each(edits)('%s pointed at another call: 403, PolyAI never asked', async (_path, edit, asked) => {
    const { call, fetch, taskRouter } = pluginFunction(factory);
    const task = routedTask(taskRouter, 'accepted');
    // What ITask.setAttributes does: the whole attributes replaced by the agent's, binding copied along.
    task.attributes = JSON.stringify(edit(JSON.parse(task.attributes)));
    expect((await call(asked)).body).toEqual({ error: { status: 403, message: NOT_BOUND } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a binding copied from another call\'s task, or never signed, verifies nothing', async () => {
    const { call, fetch, taskRouter } = pluginFunction(factory);
    const victim = withBinding({ call_sid: UNKNOWN_CALL, polyai: { id: UNKNOWN_CALL } }, env);
    const task = routedTask(taskRouter, 'accepted');
    // The victim's ids with this task's signature, and this task's ids with the victim's.
    task.attributes = JSON.stringify({ ...victim, [BINDING_ATTRIBUTE]: JSON.parse(task.attributes)[BINDING_ATTRIBUTE] });
    expect((await call({ conversationId: UNKNOWN_CALL })).status).toBe(403);
    task.attributes = JSON.stringify({ call_sid: VERIFIED_CALL, polyai: { id: UNKNOWN_CALL }, [BINDING_ATTRIBUTE]: (victim as Record<string, unknown>)[BINDING_ATTRIBUTE] });
    expect((await call({ conversationId: UNKNOWN_CALL })).status).toBe(403);
    task.attributes = JSON.stringify({ call_sid: UNKNOWN_CALL, [BINDING_ATTRIBUTE]: `${(4_102_444_800).toString(36)}.${'A'.repeat(16)}` });
    expect((await call({ conversationId: UNKNOWN_CALL })).status).toBe(403);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('still serves the ids the task was routed with after the agent edits anything else', async () => {
    const { call, taskRouter } = pluginFunction(factory);
    const task = routedTask(taskRouter, 'accepted');
    const attributes = JSON.parse(task.attributes);
    task.attributes = JSON.stringify({ ...attributes, name: 'edited', polyai: { ...attributes.polyai, data: { call_sid: UNKNOWN_CALL, summary: 'edited' } } });
    expect((await call({ conversationId: VERIFIED_CALL })).status).toBe(200);
    expect((await call({ conversationId: UNKNOWN_CALL })).status).toBe(403);
  });

  it('a task created without the routing Functions (no binding) is refused to agents', async () => {
    const { call, taskRouter } = pluginFunction(factory);
    taskRouter.addTask(TASK, { call_sid: VERIFIED_CALL, polyai: { id: VERIFIED_CALL, data: {} } }, { reservations: { [WORKER_SID]: 'accepted' } });
    expect((await call()).body).toEqual({ error: { status: 403, message: NOT_BOUND } });
  });
});

describe('a busy agent', () => {
  it('is served her own task with 25 older wrapping tasks and 25 pending offers besides it', async () => {
    const { call, taskRouter } = pluginFunction(createPolyaiConversationHandler);
    for (let index = 0; index < 50; index += 1) {
      const sid = `WT${index.toString(16).padStart(32, 'a')}`;
      taskRouter.addRoutedTask(sid, { call_sid: UNKNOWN_CALL }, env, { reservations: { [WORKER_SID]: index < 25 ? 'wrapping' : 'pending' } });
    }
    routedTask(taskRouter, 'accepted');
    expect((await call()).status).toBe(200);
  });
});

describe('the binding', () => {
  const ids = { callSid: VERIFIED_CALL, id: 'b7c1d2e3-0000-4000-8000-000000000001', sharedId: 'acme:42' };
  const routed = { type: 'inbound', call_sid: ids.callSid, polyai: { id: ids.id, shared_id: ids.sharedId, data: { summary: 's' } } };

  it('vouches for the ids the task was routed with, until it expires', () => {
    const now = Date.UTC(2026, 11, 6, 12);
    const attributes = withBinding(routed, env, now);
    expect(verifiedBinding(JSON.stringify(attributes), env, now)).toEqual(ids);
    expect(verifiedBinding(attributes, env, now + (BINDING_TTL_S - 1) * 1000)).toEqual(ids);
    expect(verifiedBinding(attributes, env, now + BINDING_TTL_S * 1000)).toBeNull();
  });

  it('fits its budget: at most BINDING_ATTRIBUTE_CHARS characters added, that many for expiries until 2100', () => {
    const added = (now: number) => JSON.stringify(withBinding(routed, env, now)).length - JSON.stringify(routed).length;
    expect(added(Date.now())).toBeLessThanOrEqual(BINDING_ATTRIBUTE_CHARS);
    expect(added(Date.UTC(2100, 0, 1))).toBe(BINDING_ATTRIBUTE_CHARS);
  });

  it('is worthless under another key (another account\'s or a rotated auth token), and without one', () => {
    const attributes = withBinding(routed, env);
    expect(verifiedBinding(attributes, functionEnv(undefined, { AUTH_TOKEN: 'another-auth-token' }))).toBeNull();
    expect(verifiedBinding(attributes, functionEnv(undefined, { AUTH_TOKEN: '' }))).toBeNull();
    expect(withBinding(routed, functionEnv(undefined, { AUTH_TOKEN: '' }))).toBe(routed);
  });

  it('is not added to a task that names no id', () => {
    const none = { type: 'inbound', polyai: { error: { status: 500, message: 'x' } } };
    expect(withBinding(none, env)).toBe(none);
  });

  it('refuses each id changed, added or removed, a changed expiry or signature, and a malformed binding', () => {
    const attributes = withBinding(routed, env);
    const binding = attributes[BINDING_ATTRIBUTE as keyof typeof attributes] as unknown as string;
    const [exp, sig] = binding.split('.');
    const changed = [
      { ...attributes, call_sid: UNKNOWN_CALL },
      { ...attributes, polyai: { ...routed.polyai, id: UNKNOWN_CALL } },
      { ...attributes, polyai: { ...routed.polyai, shared_id: 'acme:43' } },
      { ...attributes, call_sid: undefined },
      { ...withBinding({ ...routed, polyai: { data: {} } }, env), polyai: routed.polyai },
      { ...attributes, [BINDING_ATTRIBUTE]: `${(parseInt(exp, 36) + 1).toString(36)}.${sig}` },
      { ...attributes, [BINDING_ATTRIBUTE]: `${exp}.${sig.slice(0, 15)}${sig.endsWith('A') ? 'B' : 'A'}` },
      { ...attributes, [BINDING_ATTRIBUTE]: `${exp}.${sig}=` },
      { ...attributes, [BINDING_ATTRIBUTE]: { exp, sig } },
    ];
    for (const value of changed) expect(verifiedBinding(value, env)).toBeNull();
    for (const value of ['not json', '[]', null, 7]) expect(verifiedBinding(value, env)).toBeNull();
  });
});

describe('time limits', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it(`denies with 503 when TaskRouter does not answer within ${ACCESS_CHECK_MS} ms`, async () => {
    const hanging = {
      taskrouter: { v1: { workspaces: () => ({ workers: { list: async () => [] }, tasks: () => ({ reservations: { list: () => new Promise(() => undefined) } }) }) } },
    } as unknown as TaskRouterClient;
    const decision = checkTaskAccess({ taskSid: TASK }, agent, env, () => hanging, 'read', requestClock());
    await jest.advanceTimersByTimeAsync(ACCESS_CHECK_MS);
    await expect(decision).resolves.toEqual({ ok: false, status: 503, message: 'TaskRouter did not confirm in time that you hold this task.' });
  });

  it('answers 503 when TaskRouter fails', async () => {
    const broken = { taskrouter: { v1: { workspaces: () => { throw new Error('HTTP 500'); } } } } as unknown as TaskRouterClient;
    expect(await checkTaskAccess({ taskSid: TASK }, agent, env, () => broken, 'read', requestClock())).toEqual({ ok: false, status: 503, message: 'TaskRouter could not confirm that you hold this task.' });
  });

  it(`denies with 503 when Twilio's token validator does not answer within ${TOKEN_CHECK_MS} ms`, async () => {
    const check = checkFlexToken(flexToken(), { accountSid: ACCOUNT_SID, authToken: 'auth-token-secret' }, () => new Promise(() => undefined));
    await jest.advanceTimersByTimeAsync(TOKEN_CHECK_MS);
    await expect(check).resolves.toEqual({ ok: false, status: 503, message: 'Twilio did not confirm the Flex token in time.' });
  });
});
