/**
 * Child process of deadline.test.ts (bundled with esbuild, run with `node --expose-gc`): 20 handoff fetches
 * against a stand-in that trickles every body, garbage collected every 20 ms. Prints one JSON line:
 * each call's status and milliseconds, or `"stuck"` when they had not all answered after 10 s, and how late the
 * event loop ran in all (`lagMs`): on a busy machine every timer and callback, the client's own deadline
 * included, runs late by up to that much, so the test allows for it instead of failing a good client.
 */
import { createPolyaiClient } from '../../../serverless/src/lib/polyaiClient';
import { startLagMonitor } from '../../../devtools/lib/lagMonitor';
import { startStandin, STANDIN_API_KEY, STANDIN_CONVERSATIONS_API_KEY } from '../../../devtools/polyai-standin/standin';

const ATTEMPT_MS = 400;
const DEADLINE_MS = 800;
const COLLECT_EVERY_MS = 20;

(async () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const lag = startLagMonitor(COLLECT_EVERY_MS);
  const collector = setInterval(gc, COLLECT_EVERY_MS);
  const standin = await startStandin({ mode: 'trickle' });
  const client = createPolyaiClient({
    baseUrl: standin.url,
    handoffPath: '/v1/{account_id}/{project_id}/handoff_state',
    conversations: { baseUrl: standin.url, path: '/v1/agents/{agent_id}/conversations/{id}', agentId: 'billing', apiKey: STANDIN_CONVERSATIONS_API_KEY },
    accountId: 'acme',
    projectId: 'billing',
    apiKey: STANDIN_API_KEY,
    attemptTimeoutMs: ATTEMPT_MS,
    deadlineMs: DEADLINE_MS,
  });
  const calls = Array.from({ length: 20 }, async () => {
    const started = Date.now();
    const result = await client.fetchHandoffState({ param: 'id', value: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' });
    return { status: result.ok ? 200 : result.error.status, ms: Date.now() - started };
  });
  const stuck = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 10_000));
  const outcome = await Promise.race([Promise.all(calls), stuck]);
  process.stdout.write(`${JSON.stringify({ attemptMs: ATTEMPT_MS, outcome, lagMs: lag.total() })}\n`);
  lag.stop();
  clearInterval(collector);
  await standin.close();
  process.exit(0);
})();
