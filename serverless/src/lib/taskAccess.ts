/**
 * Least privilege for the Functions the plugin calls: a worker may read a conversation only while it holds a
 * task for it — a pending, accepted or wrapping reservation whose task's attributes name the conversation
 * (the ids the plugin's model reads: `polyai.id`, `call_sid`, shared id). Checked server-side through
 * TaskRouter with the Service's own credentials, within a time limit; any doubt denies. Roles listed in
 * POLYAI_UNRESTRICTED_ROLES (default `supervisor,admin`; empty: nobody) may read any conversation.
 *
 * TaskRouter calls (twilio-node): Workers list filtered by FriendlyName (only when Twilio's token answer has
 * no worker_sid), the Worker Reservations list per ReservationStatus, and Task fetch (attributes as JSON text).
 */
import { parseHandoffContext } from '@polyai-context/model';
import { list, text, type Env } from './config';
import { withDeadline } from './deadline';
import type { TokenIdentity } from './flexToken';

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

export const DEFAULT_UNRESTRICTED_ROLES: readonly string[] = ['supervisor', 'admin'];
/** Twilio answers in well under a second; past this the agent gets a clear error instead of a hung tab. */
export const ACCESS_CHECK_MS = 4_000;
const WORKSPACE_SID = /^WS[0-9a-fA-F]{32}$/;
/** Reservations in which the worker has the task on their desktop. */
const HOLDING_STATUSES = ['pending', 'accepted', 'wrapping'] as const;
/** Per status: an agent holds a handful of tasks at most. */
const MAX_RESERVATIONS = 20;

export function unrestrictedRoles(env: Env): string[] {
  const setting = env.POLYAI_UNRESTRICTED_ROLES;
  return typeof setting === 'string' ? list(setting).map((role) => role.toLowerCase()) : [...DEFAULT_UNRESTRICTED_ROLES];
}

/** Whether the worker behind a validated token may read `conversationId`. Never rejects. */
export async function checkTaskAccess(conversationId: string, who: TokenIdentity, env: Env, client: () => TaskRouterClient): Promise<AccessDecision> {
  const unrestricted = unrestrictedRoles(env);
  if (who.roles.some((role) => unrestricted.includes(role.toLowerCase()))) return { ok: true, via: 'role' };
  const workspaceSid = text(env.TASKROUTER_WORKSPACE_SID);
  if (!WORKSPACE_SID.test(workspaceSid)) return deny(500, 'TASKROUTER_WORKSPACE_SID is not set: the Functions cannot check who holds the task.');
  return withDeadline(
    ACCESS_CHECK_MS,
    async () => {
      try {
        const held = await holdsTask(client().taskrouter.v1.workspaces(workspaceSid), who, conversationId);
        return held ? { ok: true as const, via: 'task' as const } : deny(403, 'This conversation belongs to a task you do not hold.');
      } catch {
        return deny(503, 'TaskRouter could not confirm that you hold this task.');
      }
    },
    () => deny(503, 'TaskRouter did not confirm in time that you hold this task.'),
  );
}

async function holdsTask(workspace: TaskRouterWorkspace, who: TokenIdentity, conversationId: string): Promise<boolean> {
  const workerSid = who.workerSid ?? (await workerNamed(workspace, who.identity));
  if (workerSid === null) return false;
  const reservations = await Promise.all(
    HOLDING_STATUSES.map((reservationStatus) => workspace.workers(workerSid).reservations.list({ reservationStatus, limit: MAX_RESERVATIONS })),
  );
  const taskSids = [...new Set(reservations.flat().map((reservation) => reservation.taskSid))];
  const tasks = await Promise.all(taskSids.map((sid) => workspace.tasks(sid).fetch()));
  return tasks.some((task) => namesConversation(task.attributes, conversationId));
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
