/**
 * DEVELOPMENT ONLY. The preview's backend, all on 127.0.0.1: the PolyAI stand-in and the
 * built Functions in front of it, with the development token validator. The preview server bundles this
 * file for node at start (it is TypeScript and imports the other dev tools).
 */
import { standinEnv, startStandin, type StandinMode } from '../polyai-standin/standin';
import { TaskRouterStandin } from '../taskrouter/taskrouterStandin';
import { SAMPLE_TASKS } from '../../preview/app/tasks';
import { developmentTaskRouter } from '../taskrouter/developmentTaskRouter';
import { createDevelopmentFlexToken, developmentTokenValidator, PREVIEW_ACCOUNT_SID, PREVIEW_IDENTITY, PREVIEW_WORKER_SID } from './developmentTokenValidator';
import { startLocalFunctions } from '../functions-runtime/localFunctions';

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
  close(): Promise<void>;
}

function verdictTaskRouter(): TaskRouterStandin {
  const taskRouter = new TaskRouterStandin({ autoCreateFor: PREVIEW_WORKER_SID });
  for (const task of SAMPLE_TASKS) {
    // A sample's attributes as TaskRouter holds them: an object (JSON-string samples parsed once).
    const attributes = typeof task.attributes === 'string' ? JSON.parse(task.attributes) : task.attributes;
    taskRouter.addTask(task.taskSid, attributes as object, { reservations: { [PREVIEW_WORKER_SID]: ['accepted'] } });
  }
  return taskRouter;
}

export async function startPreviewBackend(options: { functionsDir: string; previewOrigin: string }): Promise<PreviewBackend> {
  const standin = await startStandin();
  const flexToken = createDevelopmentFlexToken();
  let mode: PreviewPolyaiMode = 'ok';
  try {
    const functions = await startLocalFunctions({
      functionsDir: options.functionsDir,
      env: {
        ...standinEnv(standin.url),
        ACCOUNT_SID: PREVIEW_ACCOUNT_SID,
        AUTH_TOKEN: 'offline-preview-not-a-secret',
        FLEX_ALLOWED_ORIGINS: options.previewOrigin,
        TASKROUTER_WORKSPACE_SID: `WS${'0'.repeat(32)}`,
      },
      validateToken: developmentTokenValidator(flexToken),
      // The preview's agent holds every sample task, so the real access check lets it read their transcripts.
      taskRouter: developmentTaskRouter(
        [{ sid: PREVIEW_WORKER_SID, friendlyName: PREVIEW_IDENTITY }],
        SAMPLE_TASKS.map((task) => ({ workerSid: PREVIEW_WORKER_SID, taskSid: task.taskSid, reservationStatus: 'accepted', attributes: task.attributes })),
      ),
      // The agent's verdicts land in an in-memory TaskRouter with ETags: the samples as tasks the preview agent
      // holds, and any other task (a pasted one) created on first use.
      verdictTaskRouter: verdictTaskRouter(),
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
      close: () => Promise.all([functions.close(), standin.close()]).then(() => undefined),
    };
  } catch (error) {
    await standin.close();
    throw error;
  }
}
