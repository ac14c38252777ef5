/**
 * Which reservation statuses may read the tab's data and which may write the verdict (docs/SECURITY.md, "Least
 * privilege", and docs/reporting.md, "The agent's verdict"), every TaskRouter reservation status in both modes, and
 * every default unrestricted role. Which conversation a held task may read (its signed binding) is
 * tests/serverless/taskAccess.test.ts's; the statuses and roles below are what docs/SECURITY.md promises.
 */
import { InMemoryTaskRouter } from '../../../devtools/taskrouter/inMemoryTaskRouter';
import { requestClock } from '../../../serverless/src/lib/deadline';
import { checkTaskAccess, type TaskAccessMode } from '../../../serverless/src/lib/taskAccess';
import { functionEnv, VERIFIED_CALL, WORKER_SID } from '../support/functions';

const TASK_SID = `WT${'7'.repeat(32)}`;
const agent = { identity: 'alice', workerSid: WORKER_SID, roles: ['agent'] };

/** TaskRouter's reservation statuses, and which of them let the worker read and write. */
const STATUSES: ReadonlyArray<[status: string, read: boolean, write: boolean]> = [
  ['pending', true, false],
  ['accepted', true, true],
  ['wrapping', true, true],
  ['completed', false, false],
  ['rejected', false, false],
  ['timeout', false, false],
  ['canceled', false, false],
  ['rescinded', false, false],
];

function holding(status: string): InMemoryTaskRouter {
  const taskRouter = new InMemoryTaskRouter([{ sid: WORKER_SID, friendlyName: 'alice' }]);
  taskRouter.addTask(TASK_SID, { call_sid: VERIFIED_CALL, polyai: { id: VERIFIED_CALL, data: { summary: 's' } } }, { reservations: { [WORKER_SID]: status } });
  return taskRouter;
}

const cases = STATUSES.flatMap(([status, read, write]) => [
  [status, 'read', read] as const,
  [status, 'write', write] as const,
]);

describe('access by reservation status', () => {
  it.each(cases)('a %s reservation: %s allowed = %s, by task SID', async (status, mode, allowed) => {
    const taskRouter = holding(status);
    const decision = await checkTaskAccess({ taskSid: TASK_SID }, agent, functionEnv(), () => taskRouter, mode as TaskAccessMode, requestClock());
    expect(decision).toEqual(allowed ? { ok: true, via: 'task' } : { ok: false, status: 403, message: 'This task is held by another worker.' });
  });
});

describe('access by role', () => {
  it.each(['supervisor', 'admin', 'Supervisor', 'ADMIN'].flatMap((role) => [[role, 'read'], [role, 'write']]))(
    'the default unrestricted role %s may %s any task, without asking TaskRouter',
    async (role, mode) => {
      const taskRouter = new InMemoryTaskRouter();
      const decision = await checkTaskAccess({ taskSid: TASK_SID }, { ...agent, roles: ['agent', role] }, functionEnv(), () => taskRouter, mode as TaskAccessMode, requestClock());
      expect(decision).toEqual({ ok: true, via: 'role' });
      expect(taskRouter.calls).toEqual([]);
    },
  );

  it.each(['agent', 'supervisors', 'wfo.team_leader', 'super', ''])('role %j is checked against its reservations like an agent', async (role) => {
    const decision = await checkTaskAccess({ taskSid: TASK_SID }, { ...agent, roles: [role] }, functionEnv(), () => holding('completed'), 'read', requestClock());
    expect(decision).toEqual({ ok: false, status: 403, message: 'This task is held by another worker.' });
  });

  it('a role the admin listed, in another letter case, is unrestricted; the defaults then are not', async () => {
    const env = functionEnv(undefined, { POLYAI_UNRESTRICTED_ROLES: 'WFO.Full_Access' });
    expect(await checkTaskAccess({ taskSid: TASK_SID }, { ...agent, roles: ['wfo.full_access'] }, env, () => holding('completed'), 'write', requestClock())).toEqual({ ok: true, via: 'role' });
    expect((await checkTaskAccess({ taskSid: TASK_SID }, { ...agent, roles: ['supervisor'] }, env, () => holding('completed'), 'write', requestClock())).ok).toBe(false);
  });
});
