/**
 * polyai-verdict against a simulated TaskRouter (tasks with versions and ETags, a concurrent writer; the workers'
 * reservations answered to the shared access check, lib/taskAccess): conflict-safe merging, who may set a
 * verdict, size limits, the PolyAI hook. No Twilio, no network.
 */
import { createPolyaiVerdictHandler } from '../../serverless/src/functions/polyai-verdict';
import type { TokenValidator } from '../../serverless/src/lib/flexToken';
import { MAX_TASK_ATTRIBUTES_CHARS } from '../../serverless/src/lib/insights';
import { TaskRouterError, twilioTaskRouter, type TwilioClientLike } from '../../serverless/src/lib/taskrouter';
import { InMemoryTaskRouter } from '../../devtools/taskrouter/inMemoryTaskRouter';
import type { VerdictOutcome } from '../../serverless/src/lib/verdictHook';
import { fixture } from '../support/fixtures';
import { BINDING_ATTRIBUTE } from '../../serverless/src/lib/taskBinding';
import { captureLogs, FLEX_ORIGIN, flexToken, functionEnv, invokeFunction, UNKNOWN_CALL, VERIFIED_CALL } from './support/functions';

const logs = captureLogs();
const TASK = `WT${'a'.repeat(32)}`;
const WORKSPACE = `WS${'b'.repeat(32)}`;
const AGENT = `WK${'c'.repeat(32)}`;
const OTHER_AGENT = `WK${'d'.repeat(32)}`;

const ENV = functionEnv(undefined, { POLYAI_INSIGHTS_SLOTS: '' });
const BASE_ATTRIBUTES = {
  type: 'inbound',
  call_sid: VERIFIED_CALL,
  polyai: { id: VERIFIED_CALL, shared_id: 'acme_2026-11-20_7f3c9a', data: { intent: 'dispute_charge' } },
  conversations: { conversation_attribute_1: 'set by Studio', conversation_attribute_8: 'Present' },
};

/** `routed`: the task as the routing Functions create it, with its signed binding (lib/taskBinding). */
function setUp(options: { attributes?: unknown; routed?: boolean; tokenResult?: object; hook?: (outcome: VerdictOutcome) => Promise<void> } = {}) {
  const taskRouter = new InMemoryTaskRouter([{ sid: AGENT, friendlyName: 'alice' }]);
  const attributes = (options.attributes ?? BASE_ATTRIBUTES) as object;
  const reservations = { reservations: { [AGENT]: 'accepted', [OTHER_AGENT]: 'rejected' } };
  const task = options.routed ? taskRouter.addRoutedTask(TASK, attributes, ENV, reservations) : taskRouter.addTask(TASK, attributes, reservations);
  const validateToken = jest.fn<ReturnType<TokenValidator>, Parameters<TokenValidator>>(async () => options.tokenResult ?? { valid: true, worker_sid: AGENT, roles: ['agent'] });
  const onVerdictStored = jest.fn(options.hook ?? (async () => undefined));
  const handler = createPolyaiVerdictHandler({ validateToken, taskRouter, verdictTaskRouter: () => taskRouter, onVerdictStored });
  const call = (body: Record<string, unknown>) =>
    invokeFunction(handler, ENV, { Token: flexToken(), taskSid: TASK, ...body, request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
  return { taskRouter, task, call, onVerdictStored, validateToken, current: () => taskRouter.attributesOf(TASK) };
}

describe('polyai-verdict: storing', () => {
  it('merges the verdict and its Insights values into the task, keeping everything else', async () => {
    const { current, call, onVerdictStored } = setUp({ routed: true });
    const result = await call({ verdict: 'wrong', reason: 'wrong_intent' });
    expect(result.status).toBe(200);
    expect(result.headers['access-control-allow-origin']).toBe(FLEX_ORIGIN);
    expect(result.body).toEqual({ verdict: { verdict: 'wrong', reason: 'wrong_intent', by: 'agent', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }, insights: true });
    expect(current()).toEqual({
      ...BASE_ATTRIBUTES,
      [BINDING_ATTRIBUTE]: expect.stringMatching(/^[0-9a-z]+\.[\w-]{16}$/),
      conversations: { ...BASE_ATTRIBUTES.conversations, conversation_attribute_9: 'Context wrong', conversation_attribute_10: 'Wrong intent' },
      polyai_verdict: { verdict: 'wrong', reason: 'wrong_intent', by: 'agent', at: expect.any(String), insights_keys: ['conversation_attribute_9', 'conversation_attribute_10'] },
    });
    expect(onVerdictStored).toHaveBeenCalledWith(
      {
        taskSid: TASK,
        verdict: 'wrong',
        reason: 'wrong_intent',
        by: 'agent',
        at: expect.any(String),
        polyai: { handoffId: VERIFIED_CALL, sharedId: 'acme_2026-11-20_7f3c9a', callSid: VERIFIED_CALL },
      },
      expect.objectContaining({ ACCOUNT_SID: expect.any(String) }),
    );
    expect(logs().join()).not.toMatch(/dispute_charge|eyJ|WTaaaa/);
  });

  it('retries on an ETag conflict and keeps the other writer\'s change', async () => {
    const { taskRouter, current, call } = setUp();
    taskRouter.concurrentWriters.push((attributes) => ({ ...attributes, wrapup_note: 'refund issued' }));
    const result = await call({ verdict: 'right' });
    expect(result.status).toBe(200);
    expect(taskRouter.updates).toBe(2);
    expect(current()).toMatchObject({ wrapup_note: 'refund issued', polyai_verdict: { verdict: 'right', reason: null } });
    expect(logs().join()).toMatch(/"fn":"polyai-verdict","outcome":"ok","status":200,"attempts":2/);
  });

  it('gives up after a bounded number of conflicts, says so, and writes nothing of its own', async () => {
    const { taskRouter, current, call } = setUp();
    for (let i = 0; i < 10; i += 1) taskRouter.concurrentWriters.push((attributes) => ({ ...attributes, counter: i }));
    const result = await call({ verdict: 'right' });
    expect(result.status).toBe(409);
    expect(result.body).toEqual({ error: { status: 409, message: 'The task kept changing while the verdict was saved: try again.' } });
    expect(taskRouter.updates).toBe(4);
    expect(current()).not.toHaveProperty('polyai_verdict');
  });

  it('changes a verdict: updates its own Insights keys and drops the reason it no longer has', async () => {
    const { current, call } = setUp();
    await call({ verdict: 'incomplete', reason: 'missing_data' });
    const result = await call({ verdict: 'right', reason: 'missing_data' });
    expect(result.body).toMatchObject({ verdict: { verdict: 'right', reason: null } });
    expect(current().conversations).toEqual({ ...BASE_ATTRIBUTES.conversations, conversation_attribute_9: 'Context right' });
  });

  it('never overwrites a conversations key someone else set', async () => {
    const { current, call } = setUp({ attributes: { ...BASE_ATTRIBUTES, conversations: { conversation_attribute_9: 'Studio owns this' } } });
    const result = await call({ verdict: 'wrong', reason: 'not_verified' });
    expect(result.status).toBe(200);
    expect(current().conversations).toEqual({ conversation_attribute_9: 'Studio owns this', conversation_attribute_10: 'Not verified' });
  });

  it('refuses a verdict once the task is completed', async () => {
    const { taskRouter, task, call } = setUp();
    task.assignmentStatus = 'completed';
    const result = await call({ verdict: 'right' });
    expect(result.status).toBe(409);
    expect(taskRouter.updates).toBe(0);
  });

  it('answers 404 for a task TaskRouter does not have', async () => {
    const { call } = setUp({ tokenResult: { roles: ['supervisor'] } });
    const result = await call({ taskSid: `WT${'e'.repeat(32)}`, verdict: 'right' });
    expect(result.body).toEqual({ error: { status: 404, message: 'The task no longer exists.' } });
  });

  it('stores the verdict even when the PolyAI hook fails', async () => {
    const { current, call } = setUp({ hook: async () => Promise.reject(new Error('PolyAI down')) });
    const result = await call({ verdict: 'right' });
    expect(result.status).toBe(200);
    expect(current()).toHaveProperty('polyai_verdict.verdict', 'right');
  });
});

describe('polyai-verdict: size limits', () => {
  const padded = (chars: number) => ({ ...BASE_ATTRIBUTES, notes: 'n'.repeat(chars - JSON.stringify({ ...BASE_ATTRIBUTES, notes: '' }).length) });

  it('stores the bare verdict without Insights values when both do not fit in 4,096 characters', async () => {
    const { task, current, call } = setUp({ attributes: padded(MAX_TASK_ATTRIBUTES_CHARS - 150) });
    const result = await call({ verdict: 'wrong', reason: 'should_not_escalate' });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ insights: false });
    expect(task.attributes.length).toBeLessThanOrEqual(MAX_TASK_ATTRIBUTES_CHARS);
    expect(current().conversations).toEqual(BASE_ATTRIBUTES.conversations);
    expect(current()).toHaveProperty('polyai_verdict.reason', 'should_not_escalate');
  });

  it('refuses with 413 when even the bare verdict does not fit, leaving the task unchanged', async () => {
    const { taskRouter, task, call } = setUp({ attributes: padded(MAX_TASK_ATTRIBUTES_CHARS - 20) });
    const before = task.attributes;
    const result = await call({ verdict: 'right' });
    expect(result.status).toBe(413);
    expect(task.attributes).toBe(before);
    expect(taskRouter.updates).toBe(0);
  });
});

describe('polyai-verdict: who may set it', () => {
  it.each([
    ['a worker whose reservation was rejected', { worker_sid: OTHER_AGENT, roles: ['agent'] }],
    ['a worker without a reservation', { worker_sid: `WK${'f'.repeat(32)}`, roles: ['agent'] }],
    ['a token naming no worker TaskRouter knows', { identity: 'mallory', roles: ['agent'] }],
  ])('refuses %s with 403 and leaves the task alone', async (_, tokenResult) => {
    const { taskRouter, call } = setUp({ tokenResult });
    const result = await call({ verdict: 'wrong' });
    expect(result.status).toBe(403);
    expect(result.body).toEqual({ error: { status: 403, message: 'Only the agent handling this task or a supervisor can record its verdict.' } });
    expect(taskRouter.updates).toBe(0);
  });

  it('lets the agent change it during wrap-up', async () => {
    const { task, call } = setUp();
    task.reservations[AGENT] = 'wrapping';
    task.assignmentStatus = 'wrapping';
    expect((await call({ verdict: 'incomplete' })).status).toBe(200);
  });

  it('finds the worker by the token\'s identity when Twilio\'s answer has no worker SID (as polyai-conversation does)', async () => {
    const { taskRouter, current, call } = setUp({ tokenResult: { valid: true, identity: 'alice', roles: ['agent'] } });
    expect((await call({ verdict: 'right' })).status).toBe(200);
    expect(taskRouter.calls[0]).toBe('workers alice');
    expect(current()).toHaveProperty('polyai_verdict.by', 'agent');
  });

  it('refuses an agent whose reservation is still pending: reading is allowed before Accept, the verdict is not', async () => {
    const { taskRouter, task, call } = setUp();
    task.reservations[AGENT] = 'pending';
    expect((await call({ verdict: 'right' })).status).toBe(403);
    expect(taskRouter.updates).toBe(0);
  });

  it('answers 503 without writing when TaskRouter cannot say who holds the task', async () => {
    const { taskRouter, call } = setUp();
    taskRouter.taskrouter.v1.workspaces = () => {
      throw new Error('HTTP 500');
    };
    const result = await call({ verdict: 'right' });
    expect(result.body).toEqual({ error: { status: 503, message: 'TaskRouter could not confirm that you hold this task.' } });
    expect(taskRouter.updates).toBe(0);
  });

  it('checks supervisors like agents when POLYAI_UNRESTRICTED_ROLES is empty', async () => {
    const { taskRouter } = setUp();
    const handler = createPolyaiVerdictHandler({
      validateToken: async () => ({ valid: true, worker_sid: OTHER_AGENT, roles: ['supervisor'] }),
      taskRouter,
      verdictTaskRouter: () => taskRouter,
    });
    const env = functionEnv(undefined, { POLYAI_INSIGHTS_SLOTS: '', POLYAI_UNRESTRICTED_ROLES: '' });
    const result = await invokeFunction(handler, env, { Token: flexToken(), taskSid: TASK, verdict: 'right', request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
    expect(result.status).toBe(403);
    expect(taskRouter.updates).toBe(0);
  });

  it.each(['supervisor', 'admin'])('lets a %s set it and records that, without asking who holds the task', async (role) => {
    const { taskRouter, current, call } = setUp({ tokenResult: { worker_sid: OTHER_AGENT, roles: [role] } });
    expect((await call({ verdict: 'right' })).status).toBe(200);
    expect(current()).toHaveProperty('polyai_verdict.by', 'supervisor');
    expect(taskRouter.calls).toEqual([]);
  });

  it('rejects a missing token before reading anything', async () => {
    const { taskRouter, call, validateToken } = setUp();
    const result = await call({ Token: undefined, verdict: 'right' });
    expect(result.status).toBe(401);
    expect(validateToken).not.toHaveBeenCalled();
    expect(taskRouter.updates).toBe(0);
  });
});

describe('polyai-verdict: input', () => {
  it.each([
    [{ taskSid: 'WT../../Workers' }, 'taskSid must be a task SID (WT…).'],
    [{ verdict: 'great' }, 'verdict must be right, incomplete or wrong.'],
    [{ verdict: 'wrong', reason: 'rude_bot' }, 'reason must be wrong_intent, not_verified, missing_data or should_not_escalate.'],
  ])('refuses %j with 400', async (body, message) => {
    const { taskRouter, call } = setUp();
    const result = await call({ verdict: 'right', ...body });
    expect(result.body).toEqual({ error: { status: 400, message } });
    expect(taskRouter.updates).toBe(0);
  });

  it('answers 500 without a workspace SID', async () => {
    const handler = createPolyaiVerdictHandler({ validateToken: async () => ({ worker_sid: AGENT }), taskRouter: new InMemoryTaskRouter() });
    const result = await invokeFunction(handler, functionEnv(undefined, { TASKROUTER_WORKSPACE_SID: '' }), { Token: flexToken(), taskSid: TASK, verdict: 'right' });
    expect(result.body).toEqual({ error: { status: 500, message: 'The verdict Function is not configured (TASKROUTER_WORKSPACE_SID).' } });
  });
});

describe('twilioTaskRouter (the Twilio helper library adapter)', () => {
  function fakeClient(response: { statusCode: number; body: unknown; headers: Record<string, unknown> }, updateError?: object) {
    const update = jest.fn(async () => {
      if (updateError) throw updateError;
      return {};
    });
    const request = jest.fn(async () => response);
    const client: TwilioClientLike = { request, taskrouter: { v1: { workspaces: () => ({ tasks: () => ({ update }) }) } } };
    return { client, update, request };
  }

  it('reads the ETag header of a GET and passes it back as ifMatch', async () => {
    const { client, update, request } = fakeClient({ statusCode: 200, body: JSON.stringify({ assignment_status: 'assigned', attributes: '{}' }), headers: { etag: '"7"' } });
    const gateway = twilioTaskRouter(client, WORKSPACE, 1_000);
    const task = await gateway.fetchTask(TASK);
    expect(task).toEqual({ sid: TASK, assignmentStatus: 'assigned', attributes: '{}', etag: '"7"' });
    expect(request).toHaveBeenCalledWith({ method: 'get', uri: `https://taskrouter.twilio.com/v1/Workspaces/${WORKSPACE}/Tasks/${TASK}`, timeout: 1_000 });
    await gateway.updateTaskAttributes(TASK, '{"a":1}', task.etag);
    expect(update).toHaveBeenCalledWith({ attributes: '{"a":1}', ifMatch: '"7"' });
  });

  it('turns the helper library\'s 412 into a conflict the store retries', async () => {
    const { client } = fakeClient({ statusCode: 200, body: {}, headers: {} }, { status: 412, code: 20412 });
    await expect(twilioTaskRouter(client, WORKSPACE, 1_000).updateTaskAttributes(TASK, '{}', '"1"')).rejects.toEqual(new TaskRouterError(412));
  });

  it('reads a body the helper library already parsed, with an ETag header and no assignment status', async () => {
    const { client } = fakeClient({ statusCode: 200, body: { attributes: '{}' }, headers: { ETag: '"3"' } });
    await expect(twilioTaskRouter(client, WORKSPACE, 1_000).fetchTask(TASK)).resolves.toEqual({ sid: TASK, assignmentStatus: '', attributes: '{}', etag: '"3"' });
  });

  it('reports a missing task', async () => {
    const { client } = fakeClient({ statusCode: 404, body: {}, headers: {} });
    await expect(twilioTaskRouter(client, WORKSPACE, 1_000).fetchTask(TASK)).rejects.toEqual(new TaskRouterError(404));
  });
});

it('uses the handoff fixture ids when the task carries the full handoff', async () => {
  const { call, onVerdictStored } = setUp({ attributes: { call_sid: VERIFIED_CALL, polyai: fixture('handoff-state-verified.json') }, routed: true });
  await call({ verdict: 'right' });
  expect(onVerdictStored.mock.calls[0][0].polyai).toEqual({ handoffId: VERIFIED_CALL, sharedId: 'acme_2026-11-20_7f3c9a', callSid: VERIFIED_CALL });
});

describe('polyai-verdict: editing the task never points the verdict at another call', () => {
  const none = { handoffId: null, sharedId: null, callSid: null };
  const routed = { handoffId: VERIFIED_CALL, sharedId: 'acme_2026-11-20_7f3c9a', callSid: VERIFIED_CALL };
  it.each<[string, (attributes: Record<string, unknown>) => Record<string, unknown>, typeof none | typeof routed]>([
    ['polyai.id', (a) => ({ ...a, polyai: { ...(a.polyai as object), id: UNKNOWN_CALL } }), none],
    ['polyai.shared_id', (a) => ({ ...a, polyai: { ...(a.polyai as object), shared_id: 'acme:victim' } }), none],
    ['call_sid', (a) => ({ ...a, call_sid: UNKNOWN_CALL }), none],
    ['polyai.data.call_sid', (a) => ({ ...a, polyai: { ...(a.polyai as object), data: { call_sid: UNKNOWN_CALL } } }), routed],
  ])('%s pointed at another call: PolyAI\'s hook is never told the other call\'s ids', async (_, edit, told) => {
    const { task, call, onVerdictStored } = setUp({ routed: true });
    task.attributes = JSON.stringify(edit(JSON.parse(task.attributes)));
    expect((await call({ verdict: 'wrong', reason: 'wrong_intent' })).status).toBe(200);
    expect(onVerdictStored.mock.calls[0][0].polyai).toEqual(told);
  });

  it('a task without a valid binding gives the hook no ids at all', async () => {
    const { call, onVerdictStored } = setUp();
    await call({ verdict: 'right' });
    expect(onVerdictStored.mock.calls[0][0].polyai).toEqual({ handoffId: null, sharedId: null, callSid: null });
  });
});
