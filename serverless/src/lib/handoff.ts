/**
 * Handoff state → `{ polyai: … }` for task attributes, shared by the Studio Function and the TwiML action.
 * Never rejects: an invalid id, missing settings, PolyAI failing or our own bug all become an error marker,
 * so the call is always routed to Flex.
 */
import { handoffErrorAttributes, toPolyaiAttributes, type PolyaiTaskAttributes } from '../../../src/model';
import { readPolyaiConfig, type Env } from './config';
import { handoffLookup } from './ids';
import { logOutcome } from './log';
import { createPolyaiClient, type ClientDeps } from './polyaiClient';
import { scrubJson, secretsOf } from './secrets';

export async function fetchHandoffAttributes(
  fn: string,
  env: Env,
  event: Record<string, unknown>,
  deps: ClientDeps,
): Promise<PolyaiTaskAttributes> {
  const started = Date.now();
  try {
    const lookup = handoffLookup(event);
    if (lookup === null) {
      logOutcome(fn, { outcome: 'invalid-id' });
      return handoffErrorAttributes(400, 'No valid call SID, handoff id or shared id was given.');
    }
    const config = readPolyaiConfig(env);
    if (!config.ok) {
      logOutcome(fn, { outcome: 'not-configured' });
      return handoffErrorAttributes(null, 'The PolyAI Functions are not configured.');
    }
    const result = await createPolyaiClient(config.config, deps).fetchHandoffState(lookup);
    // Scrubbed before the budget is applied: what PolyAI echoed of our own keys never reaches a task or TwiML.
    const attributes = toPolyaiAttributes(result.ok ? { ...result, body: scrubJson(result.body, secretsOf(env)) } : result);
    logOutcome(fn, {
      outcome: result.ok ? 'ok' : 'error',
      status: result.ok ? 200 : result.error.status,
      attempts: result.attempts,
      ms: Date.now() - started,
    });
    return attributes;
  } catch {
    logOutcome(fn, { outcome: 'crashed', ms: Date.now() - started });
    return handoffErrorAttributes(null, 'PolyAI data could not be fetched.');
  }
}
