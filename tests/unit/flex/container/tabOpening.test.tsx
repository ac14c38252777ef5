/**
 * The tab is built before the agent opens it; opening it only shows it. What changes on the opening is what
 * waits for it (the transcript's load, the fetch of what did not fit in the task): the rest of the handoff
 * view, already on the page, is not rendered again by the click.
 */
import React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { PolyaiContextTab } from '../../../../src/flex/container/PolyaiContextTab';
import { HandoffContextView } from '../../../../src/views/HandoffContextView/HandoffContextView';
import { TranscriptSection } from '../../../../src/views/Transcript/TranscriptSection';
import { TabOpenedContext } from '../../../../src/views/common/tabOpened';
import { DEFAULT_CONFIG } from '../../../../src/config';
import { toPolyaiAttributes } from '@polyai-context/model';
import { fixture } from '../../../support/fixtures';
import { hangingFetch, installFetch } from '../../../support/fetch';
import { renderWithPaste } from '../../../support/render';

jest.mock('../../../../src/views/HandoffContextView/HandoffContextView', () => {
  const actual = jest.requireActual('../../../../src/views/HandoffContextView/HandoffContextView');
  return { ...actual, HandoffContextView: jest.fn(actual.HandoffContextView) };
});

// Rendered once per render of the transcript's container (flex/container/ConversationTranscript).
jest.mock('../../../../src/views/Transcript/TranscriptSection', () => {
  const actual = jest.requireActual('../../../../src/views/Transcript/TranscriptSection');
  return { ...actual, TranscriptSection: jest.fn(actual.TranscriptSection) };
});

const TaskContextProvider = (Flex as unknown as { TaskContextProvider: React.Provider<{ task?: unknown }> }).TaskContextProvider;
const viewRenders = HandoffContextView as unknown as jest.Mock;
const transcriptRenders = TranscriptSection as unknown as jest.Mock;
const verified = fixture('handoff-state-verified.json') as { id: string };
const CALL = 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9';
const FUNCTIONS = 'https://polyai-1234.twil.io';

/** The tab built unopened, as Flex builds it with the canvas, and a button that opens it. */
function renderUnopened(attributes: unknown) {
  const fetchImpl = installFetch(hangingFetch());
  // Flex hands the tab the same task, and the plugin the same config, while only the selected tab changes.
  const taskContext = { task: { sid: 'WR1', taskSid: 'WT1', attributes } };
  const config = { ...DEFAULT_CONFIG, functionsBaseUrl: FUNCTIONS };
  function Openable(): JSX.Element {
    const [opened, setOpened] = React.useState(false);
    return (
      <TabOpenedContext.Provider value={opened}>
        <button onClick={() => setOpened(true)}>Open the tab</button>
        <TaskContextProvider value={taskContext}>
          <PolyaiContextTab config={config} />
        </TaskContextProvider>
      </TabOpenedContext.Provider>
    );
  }
  renderWithPaste(<Openable />);
  const requests = (path: string) => fetchImpl.mock.calls.filter(([url]) => url === `${FUNCTIONS}${path}`).length;
  return { requests, open: () => fireEvent.click(screen.getByRole('button', { name: 'Open the tab' })) };
}

beforeEach(() => {
  viewRenders.mockClear();
  transcriptRenders.mockClear();
});

describe('opening the tab', () => {
  it('starts the transcript load without rendering the handoff view again', async () => {
    const { requests, open } = renderUnopened({ type: 'inbound', call_sid: CALL, polyai: verified });
    expect(screen.getByText('Loading the transcript…')).toBeInTheDocument();
    expect(requests('/polyai-conversation')).toBe(0);
    const rendersBefore = viewRenders.mock.calls.length;
    expect(rendersBefore).toBeGreaterThan(0);
    const transcriptRendersBefore = transcriptRenders.mock.calls.length;

    open();
    await waitFor(() => expect(requests('/polyai-conversation')).toBe(1));
    expect(viewRenders.mock.calls.length).toBe(rendersBefore);
    expect(screen.getByText('Loading the transcript…')).toBeInTheDocument();
    // The transcript once, for its new source: already loading, the load starting renders nothing more.
    expect(transcriptRenders.mock.calls.length).toBe(transcriptRendersBefore + 1);
  });

  it('starts the fetch of what did not fit without rendering the handoff view again while it loads', async () => {
    const { requests, open } = renderUnopened({ type: 'inbound', call_sid: CALL, ...toPolyaiAttributes({ ok: true, body: verified }, 420) });
    expect(screen.getByTestId('polyai-not-loaded')).toHaveTextContent(/^Loading \d+ more items/);
    const rendersBefore = viewRenders.mock.calls.length;

    open();
    await waitFor(() => expect(requests('/polyai-handoff-state')).toBe(1));
    expect(viewRenders.mock.calls.length).toBe(rendersBefore);
    expect(screen.getByTestId('polyai-not-loaded')).toHaveTextContent(/^Loading \d+ more items/);
  });
});
