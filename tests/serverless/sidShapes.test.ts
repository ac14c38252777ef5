/**
 * What the Functions accept as Twilio identifiers and identities: SIDs are whole strings of one prefix and 32 hex
 * digits (no prefix or suffix smuggled around a valid SID), a Flex token's identity, worker SID and roles are read
 * only from well-formed values, and TaskRouter's failures and denials say which task or status they are about.
 */
import { checkFlexToken } from '../../serverless/src/lib/flexToken';
import { checkTaskAccess, unrestrictedRoles } from '../../serverless/src/lib/taskAccess';
import { TASK_SID, TaskRouterError, WORKER_SID as WORKER_SID_SHAPE, WORKSPACE_SID } from '../../serverless/src/lib/taskrouter';
import { requestClock } from '../../serverless/src/lib/deadline';
import { InMemoryTaskRouter } from '../../devtools/taskrouter/inMemoryTaskRouter';
import { ACCOUNT_SID, flexToken, functionEnv, WORKER_SID } from './support/functions';

const HEX = '0123456789abcdefABCDEF0123456789';

describe('SID shapes', () => {
  it.each([
    ['WS', WORKSPACE_SID],
    ['WT', TASK_SID],
    ['WK', WORKER_SID_SHAPE],
  ])('%s: exactly the prefix and 32 hex digits, nothing before or after', (prefix, shape) => {
    expect(shape.test(`${prefix}${HEX}`)).toBe(true);
    expect(shape.test(`x${prefix}${HEX}`)).toBe(false);
    expect(shape.test(`${prefix}${HEX}0`)).toBe(false);
    expect(shape.test(`${prefix}${HEX}/Reservations`)).toBe(false);
    expect(shape.test(`${prefix}${HEX.slice(1)}g`)).toBe(false);
    expect(shape.test(`${prefix}a`)).toBe(false);
    expect(shape.test(`${prefix}${'-'.repeat(32)}`)).toBe(false);
  });

  it('a TaskRouter error says which status TaskRouter answered', () => {
    expect(new TaskRouterError(404).message).toBe('TaskRouter answered 404.');
  });
});

describe('the identity a validated Flex token yields', () => {
  const account = { accountSid: ACCOUNT_SID, authToken: 'auth-token-secret' };
  const who = async (answer: unknown, token = flexToken()) => {
    const check = await checkFlexToken(token, account, async () => answer);
    if (!check.ok) throw new Error(check.message);
    return check.who;
  };

  it('keeps a worker SID only when it is one whole WK SID', async () => {
    expect((await who({ worker_sid: WORKER_SID })).workerSid).toBe(WORKER_SID);
    expect((await who({ worker_sid: `x${WORKER_SID}` })).workerSid).toBeNull();
    expect((await who({ worker_sid: `${WORKER_SID}0` })).workerSid).toBeNull();
  });

  it("falls back to the token's grants.identity when Twilio's answer names no identity", async () => {
    expect((await who({ valid: true })).identity).toBe('agent');
    expect((await who({ identity: 'alice' })).identity).toBe('alice');
  });

  it('has no identity when the answer and the grants give an empty one', async () => {
    const token = flexToken({ grants: { identity: '' } });
    expect((await who({ identity: '' }, token)).identity).toBeNull();
    expect((await who({ identity: 42 }, flexToken({ grants: {} }))).identity).toBeNull();
  });

  it('keeps only the string roles, and none when the answer has no role list', async () => {
    expect((await who({ roles: ['agent', 7, null, 'supervisor'] })).roles).toEqual(['agent', 'supervisor']);
    expect((await who({ roles: 'supervisor' })).roles).toEqual([]);
    expect((await who({})).roles).toEqual([]);
  });
});

describe('unrestricted roles', () => {
  const nobody = new InMemoryTaskRouter([{ sid: WORKER_SID, friendlyName: 'alice' }]);

  it('compares configured roles case-insensitively', async () => {
    expect(unrestrictedRoles(functionEnv(undefined, { POLYAI_UNRESTRICTED_ROLES: 'Team-Lead, QA' }))).toEqual(['team-lead', 'qa']);
    const lead = { identity: 'alice', workerSid: WORKER_SID, roles: ['team-lead'] };
    expect(await checkTaskAccess({ taskSid: `WT${'1'.repeat(32)}` }, lead, functionEnv(undefined, { POLYAI_UNRESTRICTED_ROLES: 'Team-Lead' }), () => nobody, 'read', requestClock())).toEqual({ ok: true, via: 'role' });
  });

  it('lets a worker through when any one of their roles is unrestricted', async () => {
    const both = { identity: 'alice', workerSid: WORKER_SID, roles: ['agent', 'supervisor'] };
    expect(await checkTaskAccess({ taskSid: `WT${'1'.repeat(32)}` }, both, functionEnv(), () => nobody, 'read', requestClock())).toEqual({ ok: true, via: 'role' });
  });

  it('tells an agent who does not hold the task that another worker does', async () => {
    const agent = { identity: 'alice', workerSid: WORKER_SID, roles: ['agent'] };
    expect(await checkTaskAccess({ taskSid: `WT${'1'.repeat(32)}` }, agent, functionEnv(), () => nobody, 'read', requestClock())).toEqual({ ok: false, status: 403, message: 'This task is held by another worker.' });
  });
});
