/**
 * Who may store a verdict on a task: the worker holding it (a reservation of theirs is accepted or wrapping),
 * or a supervisor or admin. Checked server-side through TaskRouter with the Service's credentials; the browser's
 * word is never taken. Kept separate and named for what it decides so it can join a shared task-access check.
 */
import type { VerdictAuthor } from '../../../src/model';
import { WORKER_SID, type TaskRouterGateway } from './taskrouter';

export interface FlexIdentity {
  workerSid: string | null;
  roles: string[];
}

/** Roles that may mark any task of the account (Flex roles: agent, supervisor, admin). */
const PRIVILEGED_ROLES = new Set(['supervisor', 'admin']);
/** Reservation statuses of the worker who holds the task until it completes. */
const HOLDING_STATUSES = new Set(['accepted', 'wrapping']);

/** The identity in Twilio's token-validation answer (`worker_sid`, `roles`); empty when it has none. */
export function flexIdentityFrom(tokenResult: unknown): FlexIdentity {
  const record = (typeof tokenResult === 'object' && tokenResult !== null ? tokenResult : {}) as Record<string, unknown>;
  const workerSid = typeof record.worker_sid === 'string' && WORKER_SID.test(record.worker_sid) ? record.worker_sid : null;
  const roles = Array.isArray(record.roles) ? record.roles.filter((role): role is string => typeof role === 'string') : [];
  return { workerSid, roles };
}

/** 'supervisor' or 'agent' when this identity may store the task's verdict, null when it may not. */
export async function verdictAuthorFor(gateway: TaskRouterGateway, taskSid: string, identity: FlexIdentity): Promise<VerdictAuthor | null> {
  if (identity.roles.some((role) => PRIVILEGED_ROLES.has(role))) return 'supervisor';
  if (identity.workerSid === null) return null;
  const statuses = await gateway.reservationStatuses(taskSid, identity.workerSid);
  return statuses.some((status) => HOLDING_STATUSES.has(status)) ? 'agent' : null;
}
