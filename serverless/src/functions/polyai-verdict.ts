/**
 * The agent's verdict on a PolyAI handoff: POST `{ Token, taskSid, verdict, reason? }` → 200 `{ verdict, insights }`
 * or `{ error: { status, message } }` with the same HTTP status. Public (browsers call it), so it checks the Flex
 * token and CORS itself; only the worker holding the task or a supervisor may set it (lib/taskAccess, the same
 * check as the other plugin Functions, in its `write` mode).
 * The verdict is merged into the task attributes (`polyai_verdict` and Insights' `conversations`) with a
 * conditional update on the task's ETag, retried on conflict; then the PolyAI extension hook runs, told the
 * ids the task's signed binding vouches for (lib/taskBinding), never ids the agent could have edited. Every stage
 * shares the request's time budget (lib/deadline).
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { validator } from 'twilio-flex-token-validator';
import { isVerdict, isVerdictReason, normaliseReason, received, type VerdictAuthor, type VerdictRequestBody, type VerdictResponseBody } from '@polyai-context/model';
import { text, type Env } from '../lib/config';
import type { TokenValidator } from '../lib/flexToken';
import { readInsightsSlots } from '../lib/insights';
import { REQUEST_DEADLINE_MS, requestClock } from '../lib/deadline';
import { logOutcome } from '../lib/log';
import { accessTaskRouter, openPluginGate } from '../lib/pluginFunction';
import { checkTaskAccess, type TaskRouterClient } from '../lib/taskAccess';
import { verifiedBinding } from '../lib/taskBinding';
import { TASK_SID, twilioTaskRouter, WORKSPACE_SID, type TaskRouterGateway, type TwilioClientLike } from '../lib/taskrouter';
import { reportVerdictToPolyai, VERDICT_HOOK_TIMEOUT_MS, type VerdictHook } from '../lib/verdictHook';
import { storeVerdict, within } from '../lib/verdictStore';

export interface VerdictDeps {
  validateToken?: TokenValidator;
  /** TaskRouter for the access check, as for every plugin Function: the Service's own client unless given. */
  taskRouter?: TaskRouterClient;
  /** TaskRouter for the conditional update; defaults to the Service's Twilio client. Tests pass a simulated one. */
  verdictTaskRouter?: (env: Env, timeoutMs: number) => TaskRouterGateway | null;
  onVerdictStored?: VerdictHook;
}

const FN = 'polyai-verdict';
const MAX_ATTEMPTS = 4;

function serviceTaskRouter(env: Env, timeoutMs: number): TaskRouterGateway | null {
  const workspaceSid = text(env.TASKROUTER_WORKSPACE_SID);
  const getClient = (env as { getTwilioClient?: () => unknown }).getTwilioClient;
  if (!WORKSPACE_SID.test(workspaceSid) || typeof getClient !== 'function') return null;
  return twilioTaskRouter(getClient() as TwilioClientLike, workspaceSid, timeoutMs);
}

export function createPolyaiVerdictHandler(deps: VerdictDeps = {}): ServerlessFunctionSignature {
  const validateToken = deps.validateToken ?? ((token, accountSid, authToken) => validator(token, accountSid, authToken));
  const taskRouterFor = deps.verdictTaskRouter ?? serviceTaskRouter;
  const onVerdictStored = deps.onVerdictStored ?? reportVerdictToPolyai;
  return async (context, rawEvent, callback) => {
    const clock = requestClock();
    const gate = await openPluginGate(FN, context, rawEvent, callback, validateToken, clock);
    if (gate === null) return;
    const { env, event, who, answer, fail } = gate;

    const taskSid = received<VerdictRequestBody>(event, 'taskSid');
    const verdict = received<VerdictRequestBody>(event, 'verdict');
    const sentReason = received<VerdictRequestBody>(event, 'reason');
    const reason = sentReason === undefined || sentReason === null || sentReason === '' ? null : sentReason;
    if (typeof taskSid !== 'string' || !TASK_SID.test(taskSid)) return fail(400, 'taskSid must be a task SID (WT…).');
    if (!isVerdict(verdict)) return fail(400, 'verdict must be right, incomplete or wrong.');
    if (reason !== null && !isVerdictReason(reason)) return fail(400, 'reason must be wrong_intent, not_verified, missing_data or should_not_escalate.');

    const taskRouter = taskRouterFor(env, clock.remaining());
    if (taskRouter === null) return fail(500, 'The verdict Function is not configured (TASKROUTER_WORKSPACE_SID).');
    const access = await checkTaskAccess({ taskSid }, who, env, accessTaskRouter(deps, context), 'write', clock);
    if (!access.ok) return fail(access.status, access.status === 403 ? 'Only the agent handling this task or a supervisor can record its verdict.' : access.message);
    // The unrestricted roles are the verdict's supervisors.
    const by: VerdictAuthor = access.via === 'role' ? 'supervisor' : 'agent';

    const result = await storeVerdict(
      taskRouter,
      taskSid,
      { verdict, reason: normaliseReason(verdict, reason), by },
      { slots: readInsightsSlots(env).slots, deadlineMs: clock.remaining(), maxAttempts: MAX_ATTEMPTS },
    );
    if (!result.ok) return fail(result.status, result.message);

    const ids = verifiedBinding(result.attributes, env) ?? { id: null, sharedId: null, callSid: null };
    try {
      const hookMs = Math.min(VERDICT_HOOK_TIMEOUT_MS, clock.remaining());
      await within(hookMs, onVerdictStored({ taskSid, ...result.stored, by, at: result.stored.at ?? '', polyai: { handoffId: ids.id, sharedId: ids.sharedId, callSid: ids.callSid } }, env));
    } catch {
      logOutcome(FN, { outcome: 'error', hook: false }); // the verdict is stored; only the extension failed
    }
    logOutcome(FN, { outcome: 'ok', status: 200, attempts: result.attempts, insights: result.insights, ms: REQUEST_DEADLINE_MS - clock.remaining() });
    answer(200, { verdict: result.stored, insights: result.insights } satisfies VerdictResponseBody);
  };
}

export const handler = createPolyaiVerdictHandler();
