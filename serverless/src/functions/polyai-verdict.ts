/**
 * The agent's verdict on a PolyAI handoff: POST `{ Token, taskSid, verdict, reason? }` → 200 `{ verdict, insights }`
 * or `{ error: { status, message } }` with the same HTTP status. Public (browsers call it), so it checks the Flex
 * token and CORS itself; only the worker holding the task or a supervisor may set it (checked with TaskRouter).
 * The verdict is merged into the task attributes (`polyai_verdict` and Insights' `conversations`) with a
 * conditional update on the task's ETag, retried on conflict; then the PolyAI extension hook runs.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { validator } from 'twilio-flex-token-validator';
import { isVerdict, isVerdictReason, normaliseReason, parseHandoffContext } from '@polyai-context/model';
import { text, type Env } from '../lib/config';
import type { TokenValidator } from '../lib/flexToken';
import { readInsightsSlots } from '../lib/insights';
import { logOutcome } from '../lib/log';
import { openPluginGate } from '../lib/pluginFunction';
import { TASK_SID, twilioTaskRouter, WORKSPACE_SID, type TaskRouterGateway, type TwilioClientLike } from '../lib/taskrouter';
import { verdictAuthorFor } from '../lib/verdictAccess';
import { reportVerdictToPolyai, VERDICT_HOOK_TIMEOUT_MS, type VerdictHook } from '../lib/verdictHook';
import { storeVerdict, within } from '../lib/verdictStore';

export interface VerdictDeps {
  validateToken?: TokenValidator;
  /** TaskRouter for this request; defaults to the Service's Twilio client. Tests pass a simulated one. */
  taskRouter?: (env: Env, timeoutMs: number) => TaskRouterGateway | null;
  onVerdictStored?: VerdictHook;
}

const FN = 'polyai-verdict';
/** The whole request stays well inside the 10 s a Function may run. */
const DEADLINE_MS = 6_000;
const MAX_ATTEMPTS = 4;

function serviceTaskRouter(env: Env, timeoutMs: number): TaskRouterGateway | null {
  const workspaceSid = text(env.TASKROUTER_WORKSPACE_SID);
  const getClient = (env as { getTwilioClient?: () => unknown }).getTwilioClient;
  if (!WORKSPACE_SID.test(workspaceSid) || typeof getClient !== 'function') return null;
  return twilioTaskRouter(getClient() as TwilioClientLike, workspaceSid, timeoutMs);
}

export function createPolyaiVerdictHandler(deps: VerdictDeps = {}): ServerlessFunctionSignature {
  const validateToken = deps.validateToken ?? ((token, accountSid, authToken) => validator(token, accountSid, authToken));
  const taskRouterFor = deps.taskRouter ?? serviceTaskRouter;
  const onVerdictStored = deps.onVerdictStored ?? reportVerdictToPolyai;
  return async (context, rawEvent, callback) => {
    const started = Date.now();
    const gate = await openPluginGate(FN, context, rawEvent, callback, validateToken);
    if (gate === null) return;
    const { env, event, who, answer, fail } = gate;

    const { taskSid, verdict } = event;
    const reason = event.reason === undefined || event.reason === null || event.reason === '' ? null : event.reason;
    if (typeof taskSid !== 'string' || !TASK_SID.test(taskSid)) return fail(400, 'taskSid must be a task SID (WT…).');
    if (!isVerdict(verdict)) return fail(400, 'verdict must be right, incomplete or wrong.');
    if (reason !== null && !isVerdictReason(reason)) return fail(400, 'reason must be wrong_intent, not_verified, missing_data or should_not_escalate.');

    const remaining = () => DEADLINE_MS - (Date.now() - started);
    const taskRouter = taskRouterFor(env, DEADLINE_MS);
    if (taskRouter === null) return fail(500, 'The verdict Function is not configured (TASKROUTER_WORKSPACE_SID).');
    let by;
    try {
      by = await within(remaining(), verdictAuthorFor(taskRouter, taskSid, who, env));
    } catch {
      return fail(502, 'TaskRouter could not confirm who holds this task.');
    }
    if (by === null) return fail(403, 'Only the agent handling this task or a supervisor can record its verdict.');

    const result = await storeVerdict(
      taskRouter,
      taskSid,
      { verdict, reason: normaliseReason(verdict, reason), by },
      { slots: readInsightsSlots(env).slots, deadlineMs: remaining(), maxAttempts: MAX_ATTEMPTS },
    );
    if (!result.ok) return fail(result.status, result.message);

    const ids = parseHandoffContext(result.attributes).ids;
    try {
      await within(VERDICT_HOOK_TIMEOUT_MS, onVerdictStored({ taskSid, ...result.stored, by, at: result.stored.at ?? '', polyai: { handoffId: ids.id, sharedId: ids.sharedId, callSid: ids.callSid } }, env));
    } catch {
      logOutcome(FN, { outcome: 'error', hook: false }); // the verdict is stored; only the extension failed
    }
    logOutcome(FN, { outcome: 'ok', status: 200, attempts: result.attempts, insights: result.insights, ms: Date.now() - started });
    answer(200, { verdict: result.stored, insights: result.insights });
  };
}

export const handler = createPolyaiVerdictHandler();
