/**
 * The few TaskRouter calls the verdict's conditional update needs, behind one small interface so tests can
 * simulate TaskRouter (who may write the verdict is lib/taskAccess's question).
 * The Twilio client (`context.getTwilioClient()`) is used as Twilio documents for conflict-safe updates: the
 * task's version comes from the `ETag` header of a GET (the helper library's `fetch()` does not expose headers,
 * so the GET goes through `client.request`), and the update passes it as `ifMatch` (sent as `If-Match`);
 * TaskRouter answers 412 when the task changed in between ("REST API: Mutation and Conflict Resolution").
 */

export interface TaskSnapshot {
  sid: string;
  /** pending | reserved | assigned | wrapping | completed | canceled */
  assignmentStatus: string;
  /** The attributes JSON string as TaskRouter holds it. */
  attributes: string;
  /** Version for `If-Match`. */
  etag: string;
}

export interface TaskRouterGateway {
  fetchTask(taskSid: string): Promise<TaskSnapshot>;
  /** Rejects with `{ status: 412 }` when `etag` is no longer the task's version. */
  updateTaskAttributes(taskSid: string, attributes: string, etag: string): Promise<void>;
}

/** The slice of the Twilio helper library (v3/v4, as the Functions runtime provides) used here. */
export interface TwilioClientLike {
  request(options: { method: string; uri: string; timeout?: number }): Promise<{ statusCode: number; body: unknown; headers: Record<string, unknown> }>;
  taskrouter: {
    v1: {
      workspaces(sid: string): {
        tasks(sid: string): {
          update(params: { attributes: string; ifMatch: string }): Promise<unknown>;
        };
      };
    };
  };
}

/** An error with the HTTP status TaskRouter answered (or ours: 504 for a timeout). */
export class TaskRouterError extends Error {
  constructor(readonly status: number) {
    super(`TaskRouter answered ${status}.`);
  }
}

export const WORKSPACE_SID = /^WS[0-9a-fA-F]{32}$/;
export const TASK_SID = /^WT[0-9a-fA-F]{32}$/;
export const WORKER_SID = /^WK[0-9a-fA-F]{32}$/;

export function twilioTaskRouter(client: TwilioClientLike, workspaceSid: string, timeoutMs: number): TaskRouterGateway {
  const workspace = client.taskrouter.v1.workspaces(workspaceSid);
  return {
    async fetchTask(taskSid) {
      const uri = `https://taskrouter.twilio.com/v1/Workspaces/${workspaceSid}/Tasks/${taskSid}`;
      const response = await client.request({ method: 'get', uri, timeout: timeoutMs });
      if (response.statusCode !== 200) throw new TaskRouterError(response.statusCode);
      // helper library v4 parses JSON bodies, v3 does not
      const body: unknown = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
      const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const etag = response.headers.etag ?? response.headers.ETag;
      if (typeof record.attributes !== 'string' || typeof etag !== 'string') throw new TaskRouterError(502);
      return { sid: taskSid, assignmentStatus: String(record.assignment_status ?? ''), attributes: record.attributes, etag };
    },
    async updateTaskAttributes(taskSid, attributes, etag) {
      try {
        await workspace.tasks(taskSid).update({ attributes, ifMatch: etag });
      } catch (error) {
        const status = (error as { status?: unknown }).status;
        throw new TaskRouterError(typeof status === 'number' ? status : 502);
      }
    },
  };
}
