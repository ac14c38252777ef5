/**
 * DEVELOPMENT ONLY — NEVER DEPLOY. The offline preview has no TaskRouter, so the Functions' task access check
 * (serverless/src/lib/taskAccess.ts) asks this in-memory stand-in instead: the same client calls (Workers list
 * by friendly name, a worker's Reservations by status, Task fetch) answered from a fixed list of reservations.
 * The preview gives its one agent an accepted reservation for each sample task; tests build their own lists.
 * It lives in devtools/, which nothing deployable imports.
 */
import type { TaskRouterClient } from '../../serverless/src/lib/taskAccess';

export interface DevelopmentReservation {
  workerSid: string;
  taskSid: string;
  reservationStatus: string;
  /** The task's attributes: an object or JSON text (TaskRouter returns text). */
  attributes: unknown;
}

export interface DevelopmentTaskRouter extends TaskRouterClient {
  /** Every call made, e.g. `reservations WK… accepted`: tests assert what was asked. */
  calls: string[];
}

export function developmentTaskRouter(workers: Array<{ sid: string; friendlyName: string }>, reservations: DevelopmentReservation[]): DevelopmentTaskRouter {
  const calls: string[] = [];
  const workspace = {
    workers: Object.assign(
      (workerSid: string) => ({
        reservations: {
          list: async ({ reservationStatus, limit }: { reservationStatus: string; limit: number }) => {
            calls.push(`reservations ${workerSid} ${reservationStatus}`);
            return reservations.filter((held) => held.workerSid === workerSid && held.reservationStatus === reservationStatus).slice(0, limit);
          },
        },
      }),
      {
        list: async ({ friendlyName, limit }: { friendlyName: string; limit: number }) => {
          calls.push(`workers ${friendlyName}`);
          return workers.filter((worker) => worker.friendlyName === friendlyName).slice(0, limit);
        },
      },
    ),
    tasks: (taskSid: string) => ({
      fetch: async () => {
        calls.push(`task ${taskSid}`);
        const task = reservations.find((held) => held.taskSid === taskSid);
        if (task === undefined) throw new Error(`The requested resource /Tasks/${taskSid} was not found`);
        return { attributes: typeof task.attributes === 'string' ? task.attributes : JSON.stringify(task.attributes) };
      },
    }),
  };
  return { calls, taskrouter: { v1: { workspaces: () => workspace } } };
}
