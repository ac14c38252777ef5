/**
 * Extension point for the PolyAI side of the loop. PolyAI publishes no endpoint that accepts the human outcome
 * of a handoff (none in its Handoff or Conversations API, `contracts/polyai/openapi/`), so by default nothing is
 * sent anywhere. To forward verdicts (to PolyAI once it offers an endpoint, or to your own store), replace
 * `reportVerdictToPolyai` below or pass `onVerdictStored` to `createPolyaiVerdictHandler`. It runs after the
 * verdict is stored, with at most `VERDICT_HOOK_TIMEOUT_MS`; a failure or timeout is logged and never changes
 * the agent's answer. Keep secrets in the environment (`env`), never in the outcome.
 */
import type { Verdict, VerdictAuthor, VerdictReason } from '@polyai-context/model';
import type { Env } from './config';

export interface VerdictOutcome {
  taskSid: string;
  verdict: Verdict;
  reason: VerdictReason | null;
  by: VerdictAuthor;
  /** ISO 8601 */
  at: string;
  /** PolyAI's ids for the call, as the routing Function bound them to the task (lib/taskBinding); null when unknown. */
  polyai: { handoffId: string | null; sharedId: string | null; callSid: string | null };
}

export type VerdictHook = (outcome: VerdictOutcome, env: Env) => Promise<void>;

export const VERDICT_HOOK_TIMEOUT_MS = 1_500;

/** Default: no PolyAI endpoint exists for this, so the outcome stays in Flex (task attributes and Insights). */
export const reportVerdictToPolyai: VerdictHook = async () => undefined;
