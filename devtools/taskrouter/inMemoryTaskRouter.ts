/**
 * DEVELOPMENT ONLY — NEVER DEPLOY (devtools/, which nothing deployable imports). One in-memory TaskRouter for
 * the Functions' tests and the offline preview, answering both ways the Functions reach TaskRouter from one
 * task store, so who holds a task and what it says can never disagree:
 * - as the Twilio client the access check (serverless/src/lib/taskAccess.ts) calls: Workers list by friendly
 *   name, a Task's Reservations by worker (every page: twilio-node's `list` without a limit), Task fetch;
 * - as the verdict's gateway (serverless/src/lib/taskrouter.ts): a version per task exposed as its ETag, every
 *   write bumping it, an update with a stale `If-Match` refused with 412 as Twilio documents ("REST API:
 *   Mutation and Conflict Resolution"), attributes over TaskRouter's 4,096 characters refused with 400.
 */
import type { Env } from '../../serverless/src/lib/config';
import { MAX_TASK_ATTRIBUTES_CHARS } from '../../serverless/src/lib/insights';
import type { TaskRouterClient, TaskRouterWorkspace } from '../../serverless/src/lib/taskAccess';
import { withBinding } from '../../serverless/src/lib/taskBinding';
import { TaskRouterError, type TaskRouterGateway } from '../../serverless/src/lib/taskrouter';

export interface StoredTask {
  /** JSON text, as TaskRouter returns it. */
  attributes: string;
  version: number;
  /** pending | reserved | assigned | wrapping | completed | canceled */
  assignmentStatus: string;
  /** Reservation status (pending, accepted, wrapping, rejected…) per worker SID: who holds the task. */
  reservations: Record<string, string>;
}

export class InMemoryTaskRouter implements TaskRouterClient, TaskRouterGateway {
  readonly tasks = new Map<string, StoredTask>();
  /** The access check's client calls, e.g. `reservations WT… WK…`: tests assert what was asked. */
  readonly calls: string[] = [];
  /** Update requests received, conflicting ones included. */
  updates = 0;
  /** Each runs inside one coming update, before its version check: another writer changing the task meanwhile. */
  readonly concurrentWriters: Array<(attributes: Record<string, unknown>) => Record<string, unknown>> = [];
  readonly taskrouter: TaskRouterClient['taskrouter'];

  constructor(workers: Array<{ sid: string; friendlyName: string }> = []) {
    const workspace: TaskRouterWorkspace = {
      workers: {
        list: async ({ friendlyName, limit }: { friendlyName: string; limit: number }) => {
          this.calls.push(`workers ${friendlyName}`);
          return workers.filter((worker) => worker.friendlyName === friendlyName).slice(0, limit);
        },
      },
      tasks: (taskSid: string) => ({
        fetch: async () => {
          this.calls.push(`task ${taskSid}`);
          return { attributes: this.task(taskSid).attributes };
        },
        reservations: {
          list: async ({ workerSid }: { workerSid: string }) => {
            this.calls.push(`reservations ${taskSid} ${workerSid}`);
            const status = this.task(taskSid).reservations[workerSid];
            return status === undefined ? [] : [{ reservationStatus: status }];
          },
        },
      }),
    };
    this.taskrouter = { v1: { workspaces: () => workspace } };
  }

  /** Adds (or replaces, with a fresh version) a task; attributes as an object or as TaskRouter's JSON text. */
  addTask(sid: string, attributes: object | string, options: Partial<Pick<StoredTask, 'assignmentStatus' | 'reservations'>> = {}): StoredTask {
    const task = { attributes: typeof attributes === 'string' ? attributes : JSON.stringify(attributes), version: 1, assignmentStatus: 'assigned', reservations: {}, ...options };
    this.tasks.set(sid, task);
    return task;
  }

  /**
   * Adds a task as the routing Functions create it: its attributes with the signed binding (lib/taskBinding) of
   * the ids they hold, so the access check serves them (`env` holds the signing key).
   */
  addRoutedTask(sid: string, attributes: object, env: Env, options: Partial<Pick<StoredTask, 'assignmentStatus' | 'reservations'>> = {}): StoredTask {
    return this.addTask(sid, withBinding(attributes, env), options);
  }

  /** The task's attributes as an object (tests). */
  attributesOf(sid: string): Record<string, unknown> {
    return JSON.parse(this.task(sid).attributes);
  }

  async fetchTask(taskSid: string) {
    const task = this.task(taskSid);
    return { sid: taskSid, assignmentStatus: task.assignmentStatus, attributes: task.attributes, etag: `"${task.version}"` };
  }

  async updateTaskAttributes(taskSid: string, attributes: string, etag: string) {
    this.updates += 1;
    const task = this.task(taskSid);
    const writer = this.concurrentWriters.shift();
    if (writer) this.write(task, JSON.stringify(writer(JSON.parse(task.attributes))));
    if (etag !== `"${task.version}"`) throw new TaskRouterError(412);
    if (attributes.length > MAX_TASK_ATTRIBUTES_CHARS) throw new TaskRouterError(400);
    this.write(task, attributes);
  }

  private task(sid: string): StoredTask {
    const task = this.tasks.get(sid);
    if (task === undefined) throw new TaskRouterError(404);
    return task;
  }

  private write(task: StoredTask, attributes: string) {
    task.attributes = attributes;
    task.version += 1;
  }
}

