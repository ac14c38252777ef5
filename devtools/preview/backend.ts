/**
 * DEVELOPMENT ONLY. The preview's backend, all on 127.0.0.1: the PolyAI stand-in and the
 * built Functions in front of it, with the development token validator. The preview server bundles this
 * file for node at start (it is TypeScript and imports the other dev tools).
 */
import { standinEnv, startStandin, type StandinMode } from '../polyai-standin/standin';
import { InMemoryTaskRouter } from '../taskrouter/inMemoryTaskRouter';
import { SAMPLE_TASKS } from '../../preview/app/tasks';
import { createDevelopmentFlexToken, developmentTokenValidator, PREVIEW_ACCOUNT_SID, PREVIEW_IDENTITY, PREVIEW_WORKER_SID } from './developmentTokenValidator';
import { startLocalFunctions } from '../functions-runtime/localFunctions';
import { TASK_SID } from '../../serverless/src/lib/taskrouter';
import { isRecord } from '@polyai-context/model';

/** The stand-in modes the preview's "PolyAI" switch offers: working, and four ways PolyAI can fail. */
export const PREVIEW_POLYAI_MODES = ['ok', '500', 'hang', 'garbage', '401'] as const satisfies readonly StandinMode[];
export type PreviewPolyaiMode = (typeof PREVIEW_POLYAI_MODES)[number];

export function isPreviewPolyaiMode(value: unknown): value is PreviewPolyaiMode {
  return typeof value === 'string' && (PREVIEW_POLYAI_MODES as readonly string[]).includes(value);
}

export interface PreviewBackend {
  functionsUrl: string;
  standinUrl: string;
  /** The only token the preview's Functions accept; the page gets it as the agent's Flex token. */
  flexToken: string;
  polyaiMode(): PreviewPolyaiMode;
  setPolyaiMode(mode: PreviewPolyaiMode): void;
  /**
   * A task pasted in the preview becomes one the agent holds, as every sample is, so its transcript and its
   * verdict pass the Functions' access check. False when the SID is not a task SID or is a sample's.
   */
  holdTask(taskSid: unknown, attributes: unknown): boolean;
  close(): Promise<void>;
}

/**
 * The preview's agent holds every sample task, each as if the routing Functions had created it (signed binding
 * included), so the real access check lets it read and judge them.
 */
function previewTaskRouter(env: Record<string, string>): InMemoryTaskRouter {
  const taskRouter = new InMemoryTaskRouter([{ sid: PREVIEW_WORKER_SID, friendlyName: PREVIEW_IDENTITY }]);
  for (const task of SAMPLE_TASKS) holdInPreview(taskRouter, task.taskSid, task.attributes, env);
  return taskRouter;
}

function holdInPreview(taskRouter: InMemoryTaskRouter, taskSid: string, attributes: object, env: Record<string, string>) {
  taskRouter.addRoutedTask(taskSid, attributes, env, { reservations: { [PREVIEW_WORKER_SID]: 'accepted' } });
}

export async function startPreviewBackend(options: { functionsDir: string; previewOrigin: string }): Promise<PreviewBackend> {
  const standin = await startStandin();
  const flexToken = createDevelopmentFlexToken();
  let mode: PreviewPolyaiMode = 'ok';
  const env = {
    ...standinEnv(standin.url),
    ACCOUNT_SID: PREVIEW_ACCOUNT_SID,
    AUTH_TOKEN: 'offline-preview-not-a-secret',
    FLEX_ALLOWED_ORIGINS: options.previewOrigin,
    TASKROUTER_WORKSPACE_SID: `WS${'0'.repeat(32)}`,
  };
  const taskRouter = previewTaskRouter(env);
  try {
    const functions = await startLocalFunctions({
      functionsDir: options.functionsDir,
      env,
      validateToken: developmentTokenValidator(flexToken),
      taskRouter,
    });
    return {
      functionsUrl: functions.url,
      standinUrl: standin.url,
      flexToken,
      polyaiMode: () => mode,
      setPolyaiMode(next) {
        mode = next;
        standin.setMode(next);
      },
      holdTask(taskSid, attributes) {
        if (typeof taskSid !== 'string' || !TASK_SID.test(taskSid) || !isRecord(attributes) || SAMPLE_TASKS.some((task) => task.taskSid === taskSid)) return false;
        // A reloaded page numbers its pasted tasks from the start again: the same SID is that page's new task.
        holdInPreview(taskRouter, taskSid, attributes, env);
        return true;
      },
      close: () => Promise.all([functions.close(), standin.close()]).then(() => undefined),
    };
  } catch (error) {
    await standin.close();
    throw error;
  }
}
