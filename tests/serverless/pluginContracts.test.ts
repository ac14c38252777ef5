/**
 * The plugin↔Function contracts (@polyai-context/model contracts.ts) at run time: the plugin's own clients talk
 * to the real Function handlers, so a key renamed on one side only fails here, not in an agent's browser.
 */
import { readStoredVerdict, type PluginFunctionPath } from '@polyai-context/model';
import { fetchConversation } from '../../src/functionCalls/conversationClient';
import { fetchHandoffState } from '../../src/functionCalls/handoffStateClient';
import { saveVerdict } from '../../src/functionCalls/verdictClient';
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { createPolyaiHandoffStateHandler } from '../../serverless/src/functions/polyai-handoff-state';
import { createPolyaiVerdictHandler } from '../../serverless/src/functions/polyai-verdict';
import { fixture } from '../support/fixtures';
import { jsonResponse } from '../support/fetch';
import { captureLogs, flexToken, HELD_TASK_SID, pluginCaller, VERIFIED_CALL, WORKER_SID, type PluginFunctionFactory } from './support/functions';

captureLogs();
const FUNCTIONS = 'https://polyai-1234.twil.io';

/** A browser fetch whose every POST to `path` is served by the Function `factory` builds, as Twilio would run it. */
function functionFetch(path: PluginFunctionPath, factory: PluginFunctionFactory, polyai: { status: number; body?: unknown }) {
  const { call, taskRouter } = pluginCaller(factory, polyai);
  const sent: unknown[] = [];
  const fetchImpl = jest.fn(async (url: string, init: RequestInit) => {
    expect(url).toBe(`${FUNCTIONS}${path}`);
    const body = JSON.parse(init.body as string) as Record<string, unknown>;
    sent.push(body);
    const answer = await call(body);
    return jsonResponse(answer.status, answer.body);
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, sent, taskRouter };
}

/** The verdict Function updating the same in-memory TaskRouter its access check reads; no PolyAI hook. */
const verdictFunction: PluginFunctionFactory = (deps) => createPolyaiVerdictHandler({ ...deps, verdictTaskRouter: () => deps.taskRouter, onVerdictStored: async () => undefined });

describe('plugin ↔ Function contracts, end to end', () => {
  it('polyai-conversation: the client reads the transcript the Function answers', async () => {
    const conversation = fixture('conversation.json');
    const { fetchImpl, sent } = functionFetch('/polyai-conversation', createPolyaiConversationHandler, { status: 200, body: conversation });
    const result = await fetchConversation({ functionsBaseUrl: FUNCTIONS, token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, fetchImpl });
    expect(sent).toEqual([{ Token: expect.any(String), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL }]);
    expect(result.ok && result.conversation.turns.length).toBeGreaterThan(0);
  });

  it('polyai-handoff-state: the client reads the whole handoff the Function answers', async () => {
    const verified = fixture('handoff-state-verified.json');
    const { fetchImpl } = functionFetch('/polyai-handoff-state', createPolyaiHandoffStateHandler, { status: 200, body: verified });
    const result = await fetchHandoffState({ functionsBaseUrl: FUNCTIONS, token: flexToken(), taskSid: HELD_TASK_SID, ids: { id: VERIFIED_CALL, sharedId: null }, fetchImpl });
    expect(result).toEqual({ ok: true, body: verified });
  });

  it('a Function failure reaches the client as the same status and message', async () => {
    const { fetchImpl } = functionFetch('/polyai-handoff-state', createPolyaiHandoffStateHandler, { status: 200, body: { id: VERIFIED_CALL } });
    const result = await fetchHandoffState({ functionsBaseUrl: FUNCTIONS, token: flexToken(), taskSid: HELD_TASK_SID, ids: { id: VERIFIED_CALL, sharedId: null }, fetchImpl });
    expect(result).toEqual({ ok: false, aborted: false, status: 502, message: 'PolyAI answered without handoff data.' });
  });

  it('polyai-verdict: the client reads the verdict the Function stored, as the tab reads it from the task', async () => {
    const { fetchImpl, sent, taskRouter } = functionFetch('/polyai-verdict', verdictFunction, { status: 200 });
    const result = await saveVerdict({ functionsBaseUrl: FUNCTIONS, token: flexToken(), taskSid: HELD_TASK_SID, verdict: 'incomplete', reason: 'missing_data', fetchImpl });
    expect(sent).toEqual([{ Token: expect.any(String), taskSid: HELD_TASK_SID, verdict: 'incomplete', reason: 'missing_data' }]);
    expect(result).toEqual({ ok: true, stored: readStoredVerdict(taskRouter.attributesOf(HELD_TASK_SID)) });
    expect(result.ok && result.stored).toMatchObject({ verdict: 'incomplete', reason: 'missing_data', by: 'agent' });
  });

  it('polyai-verdict: a refusal reaches the client as the same status and message', async () => {
    const { fetchImpl, taskRouter } = functionFetch('/polyai-verdict', verdictFunction, { status: 200 });
    // Still ringing: the agent may read this task but not yet record its verdict.
    const ringing = `WT${'6'.repeat(32)}`;
    taskRouter.addTask(ringing, { call_sid: VERIFIED_CALL }, { reservations: { [WORKER_SID]: 'pending' } });
    const result = await saveVerdict({ functionsBaseUrl: FUNCTIONS, token: flexToken(), taskSid: ringing, verdict: 'right', reason: null, fetchImpl });
    expect(result).toEqual({ ok: false, status: 403, message: 'Only the agent handling this task or a supervisor can record its verdict.' });
    expect(taskRouter.attributesOf(ringing)).toEqual({ call_sid: VERIFIED_CALL });
  });

  it('a task naming no handoff asks nothing', async () => {
    const fetchImpl = jest.fn();
    const result = await fetchHandoffState({ functionsBaseUrl: FUNCTIONS, token: flexToken(), taskSid: HELD_TASK_SID, ids: { id: null, sharedId: null }, fetchImpl: fetchImpl as unknown as typeof fetch });
    expect(result).toEqual({ ok: false, aborted: false, status: null, message: 'This task names no handoff to fetch.' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
