/**
 * DEVELOPMENT TOOL — an in-memory TaskRouter for the verdict Function's tests and the offline preview: tasks
 * with attributes, a version per task exposed as its ETag, every update bumping it, and an update carrying a
 * stale `If-Match` refused with 412, as Twilio documents ("REST API: Mutation and Conflict Resolution").
 * Attributes over TaskRouter's 4,096 characters are refused (400). Who holds a task is the access check's
 * question (lib/taskAccess), asked of the Twilio client's worker reservations, not of this stand-in.
 */
import { MAX_TASK_ATTRIBUTES_CHARS } from '../../serverless/src/lib/insights';
import { TaskRouterError, type TaskRouterGateway } from '../../serverless/src/lib/taskrouter';

export interface StandinTask {
  attributes: string;
  version: number;
  /** pending | reserved | assigned | wrapping | completed | canceled */
  assignmentStatus: string;
}

export class TaskRouterStandin implements TaskRouterGateway {
  readonly tasks = new Map<string, StandinTask>();
  /** Update requests received, conflicting ones included. */
  updates = 0;
  /** Each runs inside one coming update, before its version check: another writer changing the task meanwhile. */
  readonly concurrentWriters: Array<(attributes: Record<string, unknown>) => Record<string, unknown>> = [];

  addTask(sid: string, attributes: object, options: Partial<Omit<StandinTask, 'attributes' | 'version'>> = {}): StandinTask {
    const task: StandinTask = { attributes: JSON.stringify(attributes), version: 1, assignmentStatus: 'assigned', ...options };
    this.tasks.set(sid, task);
    return task;
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

  private task(sid: string): StandinTask {
    const task = this.tasks.get(sid);
    if (task === undefined) throw new TaskRouterError(404);
    return task;
  }

  private write(task: StandinTask, attributes: string) {
    task.attributes = attributes;
    task.version += 1;
  }
}
