/**
 * A handoff larger than the task attribute budget: the compact fields at once, the rest through
 * polyai-handoff-state in one round trip when the tab opens; on failure the compact fields stay and the tab says
 * what is missing.
 */
import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { PolyaiContextTab } from '../../../../src/flex/container/PolyaiContextTab';
import { TabOpenedContext } from '../../../../src/views/common/tabOpened';
import { DEFAULT_CONFIG } from '../../../../src/config';
import { toPolyaiAttributes } from '@polyai-context/model';
import { fixture } from '../../../support/fixtures';
import { hangingFetch, installFetch, jsonResponse } from '../../../support/fetch';
import { renderWithPaste } from '../../../support/render';

const TaskContextProvider = (Flex as unknown as { TaskContextProvider: React.Provider<{ task?: unknown }> }).TaskContextProvider;
const verified = fixture('handoff-state-verified.json') as { id: string; shared_id: string; data: Record<string, unknown> };
const CALL = 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9';
const FUNCTIONS = 'https://polyai-1234.twil.io';

/** Task attributes as the Functions write them with the least room a route leaves PolyAI's data: not everything fits. */
const compactAttributes = { type: 'inbound', call_sid: CALL, ...toPolyaiAttributes({ ok: true, body: verified }, 480) };

function renderTab(attributes: unknown, fetchImpl: jest.Mock, functionsBaseUrl: string | null = FUNCTIONS) {
  installFetch(fetchImpl);
  return renderWithPaste(
    <TaskContextProvider value={{ task: { sid: 'WR1', taskSid: 'WT1', attributes } }}>
      <PolyaiContextTab config={{ ...DEFAULT_CONFIG, functionsBaseUrl }} />
    </TaskContextProvider>,
  );
}

/** The POST bodies sent to one Function. */
function posts(fetchImpl: jest.Mock, path: string): unknown[] {
  return fetchImpl.mock.calls.filter(([url]) => url === `${FUNCTIONS}${path}`).map(([, init]) => JSON.parse((init as RequestInit).body as string));
}

function answering(handoff: Response) {
  return jest.fn(async (url: string) => (url.endsWith('/polyai-handoff-state') ? handoff : jsonResponse(200, { conversation: fixture('conversation.json') })));
}

describe('handoff data that did not fit in the task', () => {
  it('is built before the tab is opened, showing what is loading, and fetches nothing until it is opened', async () => {
    const fetchImpl = answering(jsonResponse(200, { polyai: verified }));
    installFetch(fetchImpl);
    function Openable(): JSX.Element {
      const [opened, setOpened] = React.useState(false);
      return (
        <TabOpenedContext.Provider value={opened}>
          <button onClick={() => setOpened(true)}>Open the tab</button>
          <TaskContextProvider value={{ task: { sid: 'WR1', taskSid: 'WT1', attributes: compactAttributes } }}>
            <PolyaiContextTab config={{ ...DEFAULT_CONFIG, functionsBaseUrl: FUNCTIONS }} />
          </TaskContextProvider>
        </TabOpenedContext.Provider>
      );
    }
    renderWithPaste(<Openable />);
    expect(within(screen.getByTestId('polyai-section-handoff')).getByText('Billing dispute')).toBeInTheDocument();
    expect(screen.getByTestId('polyai-not-loaded')).toHaveTextContent(/^Loading \d+ more items/);
    expect(screen.getByText('Loading the transcript…')).toBeInTheDocument();
    expect(fetchImpl).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open the tab' }));
    expect(await screen.findByText(verified.data.summary as string)).toBeInTheDocument();
    expect(posts(fetchImpl, '/polyai-handoff-state')).toHaveLength(1);
    expect(posts(fetchImpl, '/polyai-conversation')).toHaveLength(1);
  }, 20_000);

  it('keeps the loaded transcript as it is when the whole handoff arrives: not fetched again, the search typed kept', async () => {
    let answerHandoff: (response: Response) => void = () => undefined;
    const handoff = new Promise<Response>((resolve) => (answerHandoff = resolve));
    const fetchImpl = jest.fn((url: string) => (url.endsWith('/polyai-handoff-state') ? handoff : Promise.resolve(jsonResponse(200, { conversation: fixture('conversation.json') }))));
    renderTab(compactAttributes, fetchImpl);
    const box = await screen.findByRole('searchbox', { name: 'Search the transcript' });
    fireEvent.change(box, { target: { value: 'charged' } });
    answerHandoff(jsonResponse(200, { polyai: verified }));
    expect(await screen.findByText(verified.data.summary as string)).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search the transcript' })).toHaveValue('charged');
    expect(screen.getByRole('searchbox', { name: 'Search the transcript' })).toBe(box);
    expect(posts(fetchImpl, '/polyai-conversation')).toHaveLength(1);
  });

  it('shows the compact fields at once, says what is loading, then shows everything after one round trip', async () => {
    const fetchImpl = answering(jsonResponse(200, { polyai: verified }));
    renderTab(compactAttributes, fetchImpl);
    // At once: the compact fields and a note naming what is still loading.
    expect(within(screen.getByTestId('polyai-section-handoff')).getByText('Billing dispute')).toBeInTheDocument();
    const note = screen.getByTestId('polyai-not-loaded');
    expect(note).toHaveTextContent(/^Loading \d+ more items that did not fit in the task: .*Summary/);
    expect(screen.queryByText(verified.data.summary as string)).not.toBeInTheDocument();
    // One round trip later: the whole handoff, and no note.
    expect(await screen.findByText(verified.data.summary as string)).toBeInTheDocument();
    expect(screen.getByText('Jordan Ellis')).toBeInTheDocument();
    expect(screen.queryByTestId('polyai-not-loaded')).not.toBeInTheDocument();
    expect(posts(fetchImpl, '/polyai-handoff-state')).toEqual([{ Token: 'flex-token-for-tests', taskSid: 'WT1', conversationId: verified.id }]);
  });

  it('keeps the compact fields and names what is missing when the fetch fails, and retries', async () => {
    const fetchImpl = answering(jsonResponse(502, { error: { status: 502, message: 'PolyAI had a server error (500).' } }));
    renderTab(compactAttributes, fetchImpl);
    const note = await screen.findByText(/did not fit in the task and could not be loaded/);
    expect(note).toHaveTextContent(/Summary/);
    // The reason in the agent's words; the Function's own message only under the technical details.
    expect(screen.getByTestId('polyai-not-loaded')).toHaveTextContent('Reason: PolyAI had a problem answering.');
    expect(screen.getByTestId('polyai-not-loaded')).not.toHaveTextContent('Reason: PolyAI had a server error');
    fireEvent.click(within(screen.getByTestId('polyai-not-loaded')).getByRole('button', { name: /Technical details/ }));
    expect(screen.getByTestId('polyai-not-loaded')).toHaveTextContent('HTTP 502: PolyAI had a server error (500).');
    expect(screen.getByTestId('polyai-not-loaded-retry-status')).toHaveTextContent(/^Last tried at /);
    expect(within(screen.getByTestId('polyai-section-handoff')).getByText('Billing dispute')).toBeInTheDocument();
    fetchImpl.mockImplementation(async (url: string) => (url.endsWith('/polyai-handoff-state') ? jsonResponse(200, { polyai: verified }) : jsonResponse(404, {})));
    fireEvent.click(within(screen.getByTestId('polyai-not-loaded')).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(verified.data.summary as string)).toBeInTheDocument();
    expect(posts(fetchImpl, '/polyai-handoff-state')).toHaveLength(2);
  });

  it('treats a whole answer without readable data as a failure, keeping the compact fields', async () => {
    renderTab(compactAttributes, answering(jsonResponse(200, { polyai: { id: verified.id, data: null } })));
    expect(await screen.findByText('Reason: PolyAI sent an answer that could not be read.')).toBeInTheDocument();
    expect(within(screen.getByTestId('polyai-section-handoff')).getByText('Billing dispute')).toBeInTheDocument();
  });

  it('says what is missing when the Functions are not configured, without fetching', () => {
    const fetchImpl = hangingFetch();
    renderTab(compactAttributes, fetchImpl, null);
    expect(screen.getByTestId('polyai-not-loaded')).toHaveTextContent(/did not fit in the task and are not shown here/);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('makes no extra request when everything fitted', async () => {
    const fetchImpl = answering(jsonResponse(200, { polyai: verified }));
    renderTab({ type: 'inbound', call_sid: CALL, polyai: verified }, fetchImpl);
    await waitFor(() => expect(fetchImpl).toHaveBeenCalled());
    expect(posts(fetchImpl, '/polyai-handoff-state')).toEqual([]);
    expect(screen.queryByTestId('polyai-not-loaded')).not.toBeInTheDocument();
  });
});
