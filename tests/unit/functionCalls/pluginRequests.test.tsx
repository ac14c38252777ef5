/**
 * What the tab sends to its Functions for each kind of task, seen from the plugin's side (the Functions' side of
 * the same contract: tests/serverless/pluginContracts.test.ts). Every request names the task the tab shows: the
 * Functions serve a task's holder only the ids that task was routed with.
 */
import React from 'react';
import { waitFor } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { PolyaiContextTab } from '../../../src/flex/container/PolyaiContextTab';
import { DEFAULT_CONFIG } from '../../../src/config';
import { toPolyaiAttributes } from '@polyai-context/model';
import { fixture } from '../../support/fixtures';
import { hangingFetch, installFetch } from '../../support/fetch';
import { renderWithPaste } from '../../support/render';

const TaskContextProvider = (Flex as unknown as { TaskContextProvider: React.Provider<{ task?: unknown }> }).TaskContextProvider;
const verified = fixture('handoff-state-verified.json') as { id: string; shared_id: string; data: Record<string, unknown> };
const CALL = 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9';
const FUNCTIONS = 'https://polyai-1234.twil.io';
const TASK = `WT${'7'.repeat(32)}`;
const TOKEN = 'flex-token-for-tests';
/** The routes' binding: sent by nobody, read by the Functions only. */
const BINDING = { polyai_access: `tqk1s0.${'A'.repeat(16)}` };
/** Too small for everything: the tab fetches the rest. */
const compact = (body: object) => toPolyaiAttributes({ ok: true, body }, 300);

type Sent = Record<string, unknown[]>;

/** Renders the tab for the task; the requests it has made so far, by Function path. */
function sentFor(attributes: unknown, audience: 'agent' | 'supervisor' = 'agent', taskSid: string | null = TASK): () => Sent {
  const fetchImpl = installFetch(hangingFetch());
  renderWithPaste(
    <TaskContextProvider value={{ task: { sid: 'WR1', taskSid: taskSid ?? undefined, attributes } }}>
      <PolyaiContextTab config={{ ...DEFAULT_CONFIG, functionsBaseUrl: FUNCTIONS }} audience={audience} />
    </TaskContextProvider>,
  );
  return () => {
    const sent: Sent = {};
    for (const [url, init] of fetchImpl.mock.calls as Array<[string, RequestInit]>) {
      const path = url.slice(FUNCTIONS.length);
      sent[path] = [...(sent[path] ?? []), JSON.parse(init.body as string)];
    }
    return sent;
  };
}

describe('what the tab sends for each kind of task', () => {
  it('a voice call routed with its handoff (Studio, connector or SIP REFER): the transcript and the rest of the handoff by the handoff id', async () => {
    const sent = sentFor({ type: 'inbound', call_sid: CALL, ...compact(verified), ...BINDING });
    await waitFor(() =>
      expect(sent()).toEqual({
        '/polyai-conversation': [{ Token: TOKEN, taskSid: TASK, conversationId: verified.id, turns: 'latest' }],
        '/polyai-handoff-state': [{ Token: TOKEN, taskSid: TASK, conversationId: verified.id }],
      }),
    );
  });

  it('a task with PolyAI\'s shared id only: the handoff by the shared id, said as such; no transcript id yet', async () => {
    const sent = sentFor({ type: 'inbound', ...compact({ shared_id: verified.shared_id, data: verified.data }), ...BINDING });
    await waitFor(() => expect(sent()).toEqual({ '/polyai-handoff-state': [{ Token: TOKEN, taskSid: TASK, conversationId: verified.shared_id, lookup: 'shared_id' }] }));
  });

  it('a call whose PolyAI lookup failed: the transcript by the call SID, nothing else', async () => {
    const sent = sentFor({ type: 'inbound', call_sid: CALL, polyai: { error: { status: 500, message: 'PolyAI had a server error (500).' } }, ...BINDING });
    await waitFor(() => expect(sent()).toEqual({ '/polyai-conversation': [{ Token: TOKEN, taskSid: TASK, conversationId: CALL, turns: 'latest' }] }));
  });

  it('the Teams view (a supervisor) sends the same, naming the task she is looking at', async () => {
    const sent = sentFor({ type: 'inbound', call_sid: CALL, ...compact(verified) }, 'supervisor');
    await waitFor(() =>
      expect(sent()).toEqual({
        '/polyai-conversation': [{ Token: TOKEN, taskSid: TASK, conversationId: verified.id, turns: 'latest' }],
        '/polyai-handoff-state': [{ Token: TOKEN, taskSid: TASK, conversationId: verified.id }],
      }),
    );
  });

  it('never sends the binding', async () => {
    const sent = sentFor({ type: 'inbound', call_sid: CALL, ...compact(verified), ...BINDING });
    await waitFor(() => expect(Object.values(sent()).flat()).toHaveLength(2));
    expect(JSON.stringify(sent())).not.toContain(BINDING.polyai_access.split('.')[1]);
  });

  it('asks nothing for a task without a SID (nothing to name)', async () => {
    const sent = sentFor({ type: 'inbound', call_sid: CALL, ...compact(verified), ...BINDING }, 'agent', null);
    // The tab has rendered its compact fields: had it meant to ask, it would have asked on mount.
    await waitFor(() => expect(document.querySelector('[data-testid="polyai-context"]')).not.toBeNull());
    expect(sent()).toEqual({});
  });
});
