/**
 * For the plugin, when the task's compact `polyai` attribute says something did not fit: POST `{ Token, id }`
 * (or `shared_id`) → 200 `{ polyai: <the whole Handoff API body> }`, or `{ error: { status, message } }` with the
 * same HTTP status. The API key stays here. Public (browsers call it): the shared plugin-facing pipeline
 * (flexFunction.ts) checks the origin and the Flex token first, as for polyai-conversation.
 */
import type { ServerlessFunctionSignature } from '@twilio-labs/serverless-runtime-types/types';
import { isRecord, own } from '../../../src/model/values';
import { readPolyaiConfig } from '../lib/config';
import { browserStatus, flexFunction, type FlexFunctionDeps } from '../lib/flexFunction';
import { handoffLookup } from '../lib/ids';
import { createPolyaiClient, STATUS_BAD_GATEWAY, type ClientDeps } from '../lib/polyaiClient';

export interface HandoffStateDeps extends ClientDeps, FlexFunctionDeps {}

export function createPolyaiHandoffStateHandler(deps: HandoffStateDeps = {}): ServerlessFunctionSignature {
  return flexFunction('polyai-handoff-state', deps, async ({ env, event, ok, fail }) => {
    // Only the ids the plugin sends: a call SID from the task is not a way to look up another call.
    const lookup = handoffLookup({ id: event.id, shared_id: event.shared_id });
    if (lookup === null) return fail(400, 'id or shared_id must be a handoff id.');
    const config = readPolyaiConfig(env);
    if (!config.ok) return fail(500, 'The PolyAI Functions are not configured.');

    const started = Date.now();
    const result = await createPolyaiClient(config.config, deps).fetchHandoffState(lookup);
    if (!result.ok) return fail(browserStatus(result), result.error.message);
    if (!isRecord(result.body) || own(result.body, 'data') === undefined) return fail(STATUS_BAD_GATEWAY, 'PolyAI answered without handoff data.');
    ok({ polyai: result.body }, { attempts: result.attempts, ms: Date.now() - started });
  });
}

export const handler = createPolyaiHandoffStateHandler();
