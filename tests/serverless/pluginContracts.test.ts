/**
 * The plugin↔Function contracts (@polyai-context/model contracts.ts) at run time: the plugin's own clients talk
 * to the real Function handlers, so a key renamed on one side only fails here, not in an agent's browser.
 */
import { LATEST_TURNS, parseHandoffContext, readStoredVerdict, type PluginFunctionPath } from '@polyai-context/model';
import { fetchConversation, transcriptIdOf } from '../../src/functionCalls/conversationClient';
import { fetchHandoffState } from '../../src/functionCalls/handoffStateClient';
import { saveVerdict } from '../../src/functionCalls/verdictClient';
import { createPolyaiConversationHandler } from '../../serverless/src/functions/polyai-conversation';
import { createPolyaiHandoffStateHandler } from '../../serverless/src/functions/polyai-handoff-state';
import { createPolyaiVerdictHandler } from '../../serverless/src/functions/polyai-verdict';
import { createPolyaiHandoffHandler } from '../../serverless/src/functions/polyai-handoff.protected';
import { createHandoffToFlexHandler } from '../../serverless/src/functions/polyai-handoff-to-flex.protected';
import { createSipHandoffHandler } from '../../serverless/src/functions/polyai-sip-handoff.protected';
import { InMemoryTaskRouter } from '../../devtools/taskrouter/inMemoryTaskRouter';
import { fixture } from '../support/fixtures';
import { longCall } from '../support/longCall';
import { jsonResponse } from '../support/fetch';
import { captureLogs, FLEX_ORIGIN, flexToken, functionEnv, HELD_TASK_SID, invokeFunction, pluginCaller, taskAttributesFrom, VERIFIED_CALL, WORKER_SID, type PluginFunctionFactory } from './support/functions';

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

  it('polyai-conversation, latest turns first: the client reads the latest turns and how many came before, then the whole call', async () => {
    const long = longCall(1_000);
    const { fetchImpl, sent } = functionFetch('/polyai-conversation', createPolyaiConversationHandler, { status: 200, body: long });
    const common = { functionsBaseUrl: FUNCTIONS, token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, fetchImpl };
    const latest = await fetchConversation({ ...common, latest: true });
    const whole = await fetchConversation(common);
    expect(sent).toEqual([
      { Token: expect.any(String), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, turns: 'latest' },
      { Token: expect.any(String), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL },
    ]);
    if (!latest.ok || !whole.ok) throw new Error('both answers should be read');
    expect(whole.earlier).toBe(0);
    expect(whole.conversation.turns.length).toBe(1_800);
    expect(latest.earlier + latest.conversation.turns.length).toBe(1_800);
    expect(latest.conversation.turns.length).toBeGreaterThanOrEqual(LATEST_TURNS);
    expect(latest.conversation.turns.at(latest.conversation.turns.length - 1)?.text).toBe(whole.conversation.turns.at(1_799)?.text);
  });

  it('polyai-conversation: an older Function, which answers every request whole, is read as the whole call', async () => {
    const long = longCall(1_000);
    const { call } = pluginCaller(createPolyaiConversationHandler, { status: 200, body: long });
    const fetchImpl = jest.fn(async (_url: string, init: RequestInit) => {
      // What a Function deployed before the plugin does: it knows no `turns`.
      const request = JSON.parse(init.body as string) as Record<string, unknown>;
      delete request.turns;
      const answer = await call(request);
      return jsonResponse(answer.status, answer.body);
    }) as unknown as typeof fetch;
    const result = await fetchConversation({ functionsBaseUrl: FUNCTIONS, token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, fetchImpl, latest: true });
    expect(result).toMatchObject({ ok: true, earlier: 0 });
    expect(result.ok && result.conversation.turns.length).toBe(1_800);
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

/**
 * Each kind of task as its route really creates it (the routing Function's own attributes, binding included),
 * held by the agent; the plugin's clients build their requests from it as the tab does, and the plugin
 * Functions serve them. A change on either side of what is sent, or of what the binding covers, fails here.
 */
describe('what the plugin sends for each kind of task, served from the task its route created', () => {
  const verified = fixture('handoff-state-verified.json') as { id: string; shared_id: string; data: object };
  const sharedOnly = { shared_id: verified.shared_id, data: verified.data };
  const polyai = (body: unknown) => jest.fn(async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof fetch;
  const VOICE = { CallSid: VERIFIED_CALL, From: '+447700900123', To: '+442071234567' };

  const kinds: Array<[string, () => Promise<unknown>, { conversationId: string | null; handoffState: Record<string, unknown> | null }]> = [
    [
      'a voice call routed by Studio (call SID and handoff id)',
      async () => (await invokeFunction(createPolyaiHandoffHandler({ fetch: polyai(verified) }), functionEnv(), { call_sid: VERIFIED_CALL, from: VOICE.From })).body,
      { conversationId: verified.id, handoffState: { conversationId: verified.id } },
    ],
    [
      'a Studio task with PolyAI\'s shared id only',
      async () => (await invokeFunction(createPolyaiHandoffHandler({ fetch: polyai(sharedOnly) }), functionEnv(), { shared_id: verified.shared_id })).body,
      { conversationId: null, handoffState: { conversationId: verified.shared_id, lookup: 'shared_id' } },
    ],
    [
      'a call handed back by the connector (<Connect action>)',
      async () => taskAttributesFrom('twiml', await invokeFunction(createHandoffToFlexHandler({ fetch: polyai(verified) }), functionEnv(), { ...VOICE, VirtualAgentStatus: 'live-agent-handoff' })),
      { conversationId: verified.id, handoffState: { conversationId: verified.id } },
    ],
    [
      'a call handed back by PolyAI\'s SIP REFER',
      async () =>
        taskAttributesFrom('twiml', await invokeFunction(createSipHandoffHandler({ fetch: polyai(verified) }), functionEnv(), { ...VOICE, ReferTransferTarget: `<sip:flex@acme.example.com?X-PolyAI-Shared-Id=${verified.shared_id}>` })),
      { conversationId: verified.id, handoffState: { conversationId: verified.id } },
    ],
    [
      'a call whose PolyAI lookup failed (error marker, call SID only)',
      async () => (await invokeFunction(createPolyaiHandoffHandler({ fetch: jest.fn(async () => new Response('{}', { status: 500 })) as unknown as typeof fetch }), functionEnv(), { call_sid: VERIFIED_CALL })).body,
      { conversationId: VERIFIED_CALL, handoffState: null },
    ],
  ];

  it.each(kinds)('%s', async (_, route, expected) => {
    const attributes = (await route()) as Record<string, unknown>;
    const taskRouter = new InMemoryTaskRouter();
    taskRouter.addTask(HELD_TASK_SID, attributes, { reservations: { [WORKER_SID]: 'accepted' } });
    const validateToken = async () => ({ valid: true, worker_sid: WORKER_SID, roles: ['agent'] });
    const served = (factory: PluginFunctionFactory, body: unknown) => {
      const handler = factory({ validateToken, taskRouter, fetch: polyai(body) });
      const sent: Array<Record<string, unknown>> = [];
      const fetchImpl = jest.fn(async (_url: string, init: RequestInit) => {
        const request = JSON.parse(init.body as string) as Record<string, unknown>;
        sent.push(request);
        const answer = await invokeFunction(handler, functionEnv(), { ...request, request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
        return jsonResponse(answer.status, answer.body);
      }) as unknown as typeof fetch;
      return { fetchImpl, sent };
    };
    const { ids } = parseHandoffContext(attributes);
    const common = { functionsBaseUrl: FUNCTIONS, token: flexToken(), taskSid: HELD_TASK_SID };

    expect(transcriptIdOf(ids)).toBe(expected.conversationId);
    if (expected.conversationId !== null) {
      const transcript = served(createPolyaiConversationHandler, fixture('conversation.json'));
      await expect(fetchConversation({ ...common, conversationId: expected.conversationId, fetchImpl: transcript.fetchImpl })).resolves.toMatchObject({ ok: true });
      expect(transcript.sent).toEqual([{ Token: expect.any(String), taskSid: HELD_TASK_SID, conversationId: expected.conversationId }]);
    }
    const handoff = served(createPolyaiHandoffStateHandler, verified);
    const state = await fetchHandoffState({ ...common, ids, fetchImpl: handoff.fetchImpl });
    if (expected.handoffState === null) expect(state).toMatchObject({ ok: false, status: null });
    else {
      expect(state).toEqual({ ok: true, body: verified });
      expect(handoff.sent).toEqual([{ Token: expect.any(String), taskSid: HELD_TASK_SID, ...expected.handoffState }]);
    }
  });

  it('the Teams view (a supervisor) is served for a task she does not hold', async () => {
    const handler = createPolyaiConversationHandler({ validateToken: async () => ({ valid: true, roles: ['supervisor'] }), taskRouter: new InMemoryTaskRouter(), fetch: polyai(fixture('conversation.json')) });
    const fetchImpl = jest.fn(async (_url: string, init: RequestInit) => {
      const answer = await invokeFunction(handler, functionEnv(), { ...JSON.parse(init.body as string), request: { headers: { origin: FLEX_ORIGIN }, cookies: {} } });
      return jsonResponse(answer.status, answer.body);
    }) as unknown as typeof fetch;
    await expect(fetchConversation({ functionsBaseUrl: FUNCTIONS, token: flexToken(), taskSid: HELD_TASK_SID, conversationId: VERIFIED_CALL, fetchImpl })).resolves.toMatchObject({ ok: true });
  });
});
