/**
 * Least privilege for the Functions the plugin calls, in one place: may the holder of this Flex token read or
 * write this task? A worker may while it holds the task — to read, a pending, accepted or wrapping reservation
 * (the agent sees the context before accepting); to write (the verdict), an accepted or wrapping one. The task
 * is named either by its SID (polyai-verdict) or by a conversation its attributes name (the ids the plugin's
 * model reads: `polyai.id`, `call_sid`, shared id; polyai-conversation, polyai-handoff-state). Roles listed in
 * POLYAI_UNRESTRICTED_ROLES (default `supervisor,admin`; empty: nobody) may read and write any task: that is
 * also who counts as a supervisor for the verdict. Checked server-side through TaskRouter with the Service's
 * own credentials, within a time limit; any doubt denies.
 *
 * TaskRouter calls (twilio-node): Workers list filtered by FriendlyName (only when Twilio's token answer has
 * no worker_sid), the Worker Reservations list per ReservationStatus, and Task fetch (attributes as JSON text).
 */
import { parseHandoffContext } from '@polyai-context/model';
import { list, text, type Env } from './config';
import { withDeadline } from './deadline';
import type { TokenIdentity } from './flexToken';
import { WORKSPACE_SID } from './taskrouter';

/** The part of the Twilio client (`context.getTwilioClient()`) the check uses. */
export interface TaskRouterClient {
  taskrouter: { v1: { workspaces(sid: string): TaskRouterWorkspace } };
}

export interface TaskRouterWorkspace {
  workers: ((sid: string) => { reservations: { list(options: { reservationStatus: string; limit: number }): Promise<Array<{ taskSid: string }>> } }) & {
    list(options: { friendlyName: string; limit: number }): Promise<Array<{ sid: string }>>;
  };
  tasks(sid: string): { fetch(): Promise<{ attributes: string }> };
}

export type AccessDecision = { ok: true; via: 'task' | 'role' } | { ok: false; status: 403 | 500 | 503; message: string };

/** The task asked about: by its SID, or as the task whose attributes name a conversation. */
export type TaskTarget = { taskSid: string } | { conversationId: string };

/** `read`: the tab's data (context, transcript); `write`: the agent's verdict on the task. */
export type TaskAccessMode = 'read' | 'write';

export const DEFAULT_UNRESTRICTED_ROLES: readonly string[] = ['supervisor', 'admin'];
/** Twilio answers in well under a second; past this the agent gets a clear error instead of a hung tab. */
export const ACCESS_CHECK_MS = 4_000;
/** Reservations in which the worker has the task on their desktop; a verdict needs it accepted. */
const HOLDING_STATUSES: Readonly<Record<TaskAccessMode, readonly string[]>> = { read: ['pending', 'accepted', 'wrapping'], write: ['accepted', 'wrapping'] };
/** Per status: an agent holds a handful of tasks at most. */
const MAX_RESERVATIONS = 20;

export function unrestrictedRoles(env: Env): string[] {
  const setting = env.POLYAI_UNRESTRICTED_ROLES;
  return typeof setting === 'string' ? list(setting).map((role) => role.toLowerCase()) : [...DEFAULT_UNRESTRICTED_ROLES];
}

/** Whether the worker behind a validated token may read (or write) the task. Never rejects. */
export async function checkTaskAccess(target: TaskTarget, who: TokenIdentity, env: Env, client: () => TaskRouterClient, mode: TaskAccessMode = 'read'): Promise<AccessDecision> {
  const unrestricted = unrestrictedRoles(env);
  if (who.roles.some((role) => unrestricted.includes(role.toLowerCase()))) return { ok: true, via: 'role' };
  const workspaceSid = text(env.TASKROUTER_WORKSPACE_SID);
  if (!WORKSPACE_SID.test(workspaceSid)) return deny(500, 'TASKROUTER_WORKSPACE_SID is not set: the Functions cannot check who holds the task.');
  return withDeadline(
    ACCESS_CHECK_MS,
    async () => {
      try {
        const held = await holdsTask(client().taskrouter.v1.workspaces(workspaceSid), who, target, HOLDING_STATUSES[mode]);
        if (held) return { ok: true as const, via: 'task' as const };
        return deny(403, 'taskSid' in target ? 'This task is held by another worker.' : 'This conversation belongs to a task you do not hold.');
      } catch {
        return deny(503, 'TaskRouter could not confirm that you hold this task.');
      }
    },
    () => deny(503, 'TaskRouter did not confirm in time that you hold this task.'),
  );
}

async function holdsTask(workspace: TaskRouterWorkspace, who: TokenIdentity, target: TaskTarget, statuses: readonly string[]): Promise<boolean> {
  const workerSid = who.workerSid ?? (await workerNamed(workspace, who.identity));
  if (workerSid === null) return false;
  const reservations = await Promise.all(statuses.map((reservationStatus) => workspace.workers(workerSid).reservations.list({ reservationStatus, limit: MAX_RESERVATIONS })));
  const taskSids = [...new Set(reservations.flat().map((reservation) => reservation.taskSid))];
  if ('taskSid' in target) return taskSids.includes(target.taskSid);
  const tasks = await Promise.all(taskSids.map((sid) => workspace.tasks(sid).fetch()));
  return tasks.some((task) => namesConversation(task.attributes, target.conversationId));
}

/** The one worker whose friendly name is the token's identity (Flex names workers after their identity). */
async function workerNamed(workspace: TaskRouterWorkspace, identity: string | null): Promise<string | null> {
  if (identity === null) return null;
  const workers = await workspace.workers.list({ friendlyName: identity, limit: 2 });
  return workers.length === 1 ? workers[0].sid : null;
}

/** The task's attributes name the conversation the way the plugin found its id: the model's ids. */
function namesConversation(attributes: string, conversationId: string): boolean {
  const { ids } = parseHandoffContext(attributes);
  return [ids.id, ids.callSid, ids.sharedId].includes(conversationId);
}

function deny(status: 403 | 500 | 503, message: string): AccessDecision {
  return { ok: false, status, message };
}
