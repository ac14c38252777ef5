/**
 * Handoff state → `{ polyai: … }` for task attributes, shared by the Studio Function and the TwiML action.
 * Never rejects: an invalid id, missing settings, PolyAI failing or our own bug all become an error marker,
 * so the call is always routed to Flex. What it gives is a packing, not packed attributes: each route packs
 * PolyAI's data into the room its own attribute budget leaves (lib/routing).
 */
import { handoffErrorAttributes, MAX_POLYAI_ATTRIBUTE_CHARS, POLYAI_ATTRIBUTE, toPolyaiAttributes, type PolyaiTaskAttributes } from '@polyai-context/model';
import { readPolyaiConfig, type Env } from './config';
import { given, handoffLookup } from './ids';
import { logOutcome } from './log';
import { createPolyaiClient, type ClientDeps } from './polyaiClient';
import { scrubJson, secretsOf } from './secrets';

/** The `polyai` attribute packed into at most `maxChars` characters (toPolyaiAttributes). */
export type PolyaiPacking = (maxChars: number) => PolyaiTaskAttributes;

/** Attributes that are what they are whatever the budget (an error marker). */
export const asPacking = (attributes: PolyaiTaskAttributes): PolyaiPacking => () => attributes;

export async function fetchHandoffAttributes(
  fn: string,
  env: Env,
  event: Record<string, unknown>,
  deps: ClientDeps,
): Promise<PolyaiPacking> {
  const started = Date.now();
  try {
    const lookup = handoffLookup(event);
    if (lookup === null) {
      logOutcome(fn, { outcome: 'invalid-id' });
      return asPacking(handoffErrorAttributes(400, 'No valid call SID, handoff id or shared id was given.'));
    }
    const config = readPolyaiConfig(env);
    if (!config.ok) {
      logOutcome(fn, { outcome: 'not-configured' });
      return asPacking(handoffErrorAttributes(null, 'The PolyAI Functions are not configured.'));
    }
    const result = await createPolyaiClient(config.config, deps).fetchHandoffState(lookup);
    // Scrubbed before any budget is applied: what PolyAI echoed of our own keys never reaches a task or TwiML.
    const scrubbed = result.ok ? { ...result, body: scrubJson(result.body, secretsOf(env)) } : result;
    const attributes: PolyaiPacking = (maxChars) => toPolyaiAttributes(scrubbed, maxChars);
    logOutcome(fn, {
      outcome: result.ok ? 'ok' : 'error',
      status: result.ok ? 200 : result.error.status,
      attempts: result.attempts,
      ms: Date.now() - started,
    });
    return attributes;
  } catch {
    logOutcome(fn, { outcome: 'crashed', ms: Date.now() - started });
    return asPacking(handoffErrorAttributes(null, 'PolyAI data could not be fetched.'));
  }
}

/** A 404 is PolyAI's quick answer; after this long, a further lookup could overrun Studio's limit. */
const FOLLOW_UP_WITHIN_MS = 1_500;

/**
 * Tries each lookup in order (e.g. PolyAI's conversation id, then the Call SID) and moves on only while PolyAI
 * has no data (404) for the previous one. Invalid and repeated candidates are skipped (an invalid one is logged,
 * so an admin sees a misconfigured id header); with none valid, the answer is the "invalid id" marker.
 */
export async function fetchFirstFound(
  fn: string,
  env: Env,
  candidates: Array<Record<string, unknown>>,
  deps: ClientDeps,
): Promise<PolyaiPacking> {
  const seen = new Set<string>();
  let invalid = 0;
  const valid = candidates.filter((candidate) => {
    const lookup = handoffLookup(candidate);
    if (lookup === null && Object.values(candidate).some(given)) invalid += 1;
    const key = lookup === null ? '' : `${lookup.param}=${lookup.value}`;
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (invalid > 0 && valid.length > 0) logOutcome(fn, { outcome: 'invalid-id', skipped: invalid });
  const [first, ...rest] = valid.length > 0 ? valid : [{}];
  const started = Date.now();
  let attributes = await fetchHandoffAttributes(fn, env, first, deps);
  for (const lookup of rest) {
    // Another full deadline only after quick 404s: the whole stays within Studio's 10 s.
    if (fetchErrorStatus(attributes) !== 404 || Date.now() - started > FOLLOW_UP_WITHIN_MS) break;
    attributes = await fetchHandoffAttributes(fn, env, lookup, deps);
  }
  return attributes;
}

/** The HTTP status of an error marker; undefined when the attributes carry data. */
export function fetchErrorStatus(attributes: PolyaiPacking): unknown {
  return attributes(MAX_POLYAI_ATTRIBUTE_CHARS)[POLYAI_ATTRIBUTE].error?.status;
}
