/**
 * The container decides once whether the transcript can be loaded (one tagged value, not two props): the
 * transcript section shows the matching note, or loads it through polyai-conversation.
 */
import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { PolyaiContextTab } from '../../../../src/flex/container/PolyaiContextTab';
import { DEFAULT_CONFIG } from '../../../../src/config';
import { fixture } from '../../../support/fixtures';
import { hangingFetch, installFetch } from '../../../support/fetch';
import { renderWithPaste } from '../../../support/render';

const TaskContextProvider = (Flex as unknown as { TaskContextProvider: React.Provider<{ task?: unknown }> }).TaskContextProvider;
const FUNCTIONS = 'https://polyai-1234.twil.io';
const CALL = 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9';

function renderTab(attributes: unknown, functionsBaseUrl: string | null) {
  const fetchImpl = installFetch(hangingFetch());
  renderWithPaste(
    <TaskContextProvider value={{ task: { sid: 'WR1', taskSid: 'WT1', attributes } }}>
      <PolyaiContextTab config={{ ...DEFAULT_CONFIG, functionsBaseUrl }} />
    </TaskContextProvider>,
  );
  return { fetchImpl, transcript: screen.getByTestId('polyai-section-transcript') };
}

describe('transcript availability', () => {
  it('not configured: says so, and asks nothing', () => {
    const { fetchImpl, transcript } = renderTab({ call_sid: CALL, polyai: fixture('handoff-state-verified.json') }, null);
    expect(within(transcript).getByText(/The transcript is not configured/)).toBeInTheDocument();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('no conversation id: says so, and asks nothing', () => {
    const { fetchImpl, transcript } = renderTab({ handoff_reason: 'billing_dispute' }, FUNCTIONS);
    expect(within(transcript).getByText('This call has no conversation id, so there is no transcript to load.')).toBeInTheDocument();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('available: loads it by the handoff id', async () => {
    const handoff = fixture('handoff-state-verified.json') as { id: string };
    const { fetchImpl, transcript } = renderTab({ call_sid: CALL, polyai: handoff }, FUNCTIONS);
    expect(within(transcript).getByText(/Loading the transcript/)).toBeInTheDocument();
    await waitFor(() => expect(fetchImpl).toHaveBeenCalledWith(`${FUNCTIONS}/polyai-conversation`, expect.objectContaining({ method: 'POST' })));
    expect(JSON.parse((fetchImpl.mock.calls[0][1] as RequestInit).body as string)).toEqual({ Token: 'flex-token-for-tests', taskSid: 'WT1', conversationId: handoff.id, turns: 'latest' });
  });

  it('PolyAI\'s API down: a call SID in the SIP headers\' data never replaces the task\'s own, so the transcript is this call\'s', async () => {
    const other = 'CA00000000000000000000000000000042';
    const attributes = {
      call_sid: CALL,
      polyai: { error: { status: 503, message: 'PolyAI is unavailable.' }, data: { call_sid: other, shared_id: 'other-caller', customer_id: 'C-9' } },
    };
    const { fetchImpl } = renderTab(attributes, FUNCTIONS);
    await waitFor(() => expect(fetchImpl).toHaveBeenCalledWith(`${FUNCTIONS}/polyai-conversation`, expect.anything()));
    expect(JSON.parse((fetchImpl.mock.calls[0][1] as RequestInit).body as string)).toMatchObject({ conversationId: CALL });
    // Shown as what it is: data PolyAI (or a header) sent, not the call's reference.
    expect(screen.getByText(other)).toBeInTheDocument();
  });
});
