/**
 * Least privilege for the Functions the plugin calls, in one place: may the holder of this Flex token read or
 * write this task? The plugin names the task (its SID); a worker may while it holds that task — to read, a
 * pending, accepted or wrapping reservation (the agent sees the context before accepting); to write (the
 * verdict), an accepted or wrapping one. A read names a conversation too, and it must be one the task's signed
 * binding vouches for (lib/taskBinding): the ids in the task's attributes are the agent's to edit, the binding
 * is not, so they never decide. Roles listed in POLYAI_UNRESTRICTED_ROLES (default `supervisor,admin`; empty:
 * nobody) may read and write any task: that is also who counts as a supervisor for the verdict. Checked
 * server-side through TaskRouter with the Service's own credentials, within the request's time budget; any
 * doubt denies.
 *
 * TaskRouter calls (twilio-node): Workers list filtered by FriendlyName (only when Twilio's token answer has
 * no worker_sid), the named Task's Reservations filtered by WorkerSid (every page: a task has few, however
 * many other tasks the worker is wrapping), and Task fetch (attributes as JSON text) for a read.
 */
import { list, text, type Env } from './config';
import { withDeadline, type RequestClock } from './deadline';
import type { TokenIdentity } from './flexToken';
import { bindsConversation, verifiedBinding } from './taskBinding';
import { WORKSPACE_SID } from './taskrouter';

/** The part of the Twilio client (`context.getTwilioClient()`) the check uses. */
export interface TaskRouterClient {
  taskrouter: { v1: { workspaces(sid: string): TaskRouterWorkspace } };
}

export interface TaskRouterWorkspace {
  workers: { list(options: { friendlyName: string; limit: number }): Promise<Array<{ sid: string }>> };
  tasks(sid: string): {
    fetch(): Promise<{ attributes: string }>;
    /** twilio-node pages through every result when no `limit` is given. */
    reservations: { list(options: { workerSid: string; pageSize: number }): Promise<Array<{ reservationStatus: string }>> };
  };
}

export type AccessDecision = { ok: true; via: 'task' | 'role' } | { ok: false; status: 403 | 500 | 503; message: string };

/** The task asked about, and for a read the conversation asked for (a `shared_id` lookup or an `id` one). */
export interface TaskTarget {
  taskSid: string;
  conversation?: { id: string; lookup: 'id' | 'shared_id' };
}

/** `read`: the tab's data (context, transcript); `write`: the agent's verdict on the task. */
export type TaskAccessMode = 'read' | 'write';

export const DEFAULT_UNRESTRICTED_ROLES: readonly string[] = ['supervisor', 'admin'];
/** Twilio answers in well under a second; past this the agent gets a clear error instead of a hung tab. */
export const ACCESS_CHECK_MS = 4_000;
/** Reservations in which the worker has the task on their desktop; a verdict needs it accepted. */
const HOLDING_STATUSES: Readonly<Record<TaskAccessMode, readonly string[]>> = { read: ['pending', 'accepted', 'wrapping'], write: ['accepted', 'wrapping'] };
/** TaskRouter's largest page. */
const PAGE_SIZE = 1_000;

export const NOT_HELD = 'This task is held by another worker.';
export const NOT_BOUND = 'This conversation is not the one this task was routed with.';

export function unrestrictedRoles(env: Env): string[] {
  const setting = env.POLYAI_UNRESTRICTED_ROLES;
  return typeof setting === 'string' ? list(setting).map((role) => role.toLowerCase()) : [...DEFAULT_UNRESTRICTED_ROLES];
}

/** Whether the worker behind a validated token may read (or write) the task. Never rejects. */
export async function checkTaskAccess(
  target: TaskTarget,
  who: TokenIdentity,
  env: Env,
  client: () => TaskRouterClient,
  mode: TaskAccessMode,
  clock: RequestClock,
): Promise<AccessDecision> {
  const unrestricted = unrestrictedRoles(env);
  if (who.roles.some((role) => unrestricted.includes(role.toLowerCase()))) return { ok: true, via: 'role' };
  const workspaceSid = text(env.TASKROUTER_WORKSPACE_SID);
  if (!WORKSPACE_SID.test(workspaceSid)) return deny(500, 'TASKROUTER_WORKSPACE_SID is not set: the Functions cannot check who holds the task.');
  return withDeadline(
    Math.min(ACCESS_CHECK_MS, clock.remaining()),
    async (): Promise<AccessDecision> => {
      try {
        const workspace = client().taskrouter.v1.workspaces(workspaceSid);
        if (!(await holdsTask(workspace, who, target.taskSid, HOLDING_STATUSES[mode]))) return deny(403, NOT_HELD);
        if (target.conversation === undefined) return { ok: true, via: 'task' };
        const bound = verifiedBinding((await workspace.tasks(target.taskSid).fetch()).attributes, env);
        if (bound === null || !bindsConversation(bound, target.conversation.id, target.conversation.lookup)) return deny(403, NOT_BOUND);
        return { ok: true, via: 'task' };
      } catch (error) {
        // No such task (twilio-node's RestException carries TaskRouter's status): nobody holds it.
        if ((error as { status?: unknown } | null)?.status === 404) return deny(403, NOT_HELD);
        return deny(503, 'TaskRouter could not confirm that you hold this task.');
      }
    },
    () => deny(503, 'TaskRouter did not confirm in time that you hold this task.'),
  );
}

/** Whether the worker has a reservation of this task in one of `statuses`: asked of the task itself. */
async function holdsTask(workspace: TaskRouterWorkspace, who: TokenIdentity, taskSid: string, statuses: readonly string[]): Promise<boolean> {
  const workerSid = who.workerSid ?? (await workerNamed(workspace, who.identity));
  if (workerSid === null) return false;
  const reservations = await workspace.tasks(taskSid).reservations.list({ workerSid, pageSize: PAGE_SIZE });
  return reservations.some((reservation) => statuses.includes(reservation.reservationStatus));
}

/** The one worker whose friendly name is the token's identity (Flex names workers after their identity). */
async function workerNamed(workspace: TaskRouterWorkspace, identity: string | null): Promise<string | null> {
  if (identity === null) return null;
  const workers = await workspace.workers.list({ friendlyName: identity, limit: 2 });
  return workers.length === 1 ? workers[0].sid : null;
}

function deny(status: 403 | 500 | 503, message: string): AccessDecision {
  return { ok: false, status, message };
}
