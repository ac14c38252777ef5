/**
 * Who may store a verdict on a task: the worker holding it (a reservation of theirs is accepted or wrapping),
 * or a role in POLYAI_UNRESTRICTED_ROLES (default supervisor, admin). Checked server-side through TaskRouter
 * with the Service's credentials; the browser's word is never taken. Separate from lib/taskAccess (which checks
 * a conversation id against the worker's tasks) because the verdict names the task itself.
 */
import type { VerdictAuthor } from '@polyai-context/model';
import type { Env } from './config';
import type { TokenIdentity } from './flexToken';
import { unrestrictedRoles } from './taskAccess';
import type { TaskRouterGateway } from './taskrouter';

/** Reservation statuses of the worker who holds the task until it completes. */
const HOLDING_STATUSES = new Set(['accepted', 'wrapping']);

/** 'supervisor' or 'agent' when this identity may store the task's verdict, null when it may not. */
export async function verdictAuthorFor(gateway: TaskRouterGateway, taskSid: string, who: TokenIdentity, env: Env): Promise<VerdictAuthor | null> {
  const unrestricted = unrestrictedRoles(env);
  if (who.roles.some((role) => unrestricted.includes(role.toLowerCase()))) return 'supervisor';
  if (who.workerSid === null) return null;
  const statuses = await gateway.reservationStatuses(taskSid, who.workerSid);
  return statuses.some((status) => HOLDING_STATUSES.has(status)) ? 'agent' : null;
}
