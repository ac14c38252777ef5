/** The PolyAI Context tab in the supervisor's task canvas: registered, read-only verdict, nothing fetched until opened. */
import React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { initPolyaiContext } from '../../../../src/PolyaiContextPlugin';
import { fixture } from '../../../support/fixtures';
import { installFetch, jsonResponse, mockFetch } from '../../../support/fetch';
import { flexCanvas } from '../../../support/flexCanvas';
import { resetFlex, Supervisor, TaskCanvasTabs } from '../../../__mocks__/@twilio/flex-ui';

function init(): void {
  const manager = Flex.Manager.getInstance() as unknown as { strings: Record<string, string>; configuration: Record<string, unknown> };
  manager.configuration = { custom_data: { polyai_context: { functions_base_url: 'https://polyai-1234.twil.io' } } };
  initPolyaiContext(Flex, manager as unknown as Flex.Manager);
}

const studio = fixture('task-attributes-studio.json') as Record<string, unknown>;
const monitoredTask = {
  sid: 'WR1',
  taskSid: `WT${'a'.repeat(32)}`,
  status: 'accepted',
  attributes: { ...studio, polyai_verdict: { verdict: 'wrong', reason: 'wrong_intent', by: 'agent', at: '2026-11-30T06:00:00.000Z' } },
};

const { labels: tabLabels, open: openTab } = flexCanvas('Teams view task canvas');
/** Both canvases' PolyAI panels, the agent's first. */
const polyaiPanels = () => screen.getAllByTestId('flex-tab-panel-polyai-context');

describe('supervisor task canvas', () => {
  let fetchSpy: jest.Mock;
  beforeEach(() => {
    resetFlex();
    fetchSpy = installFetch(mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') })));
  });

  it('shows the same PolyAI Context tab after Flex\'s Info tab, for PolyAI tasks only', () => {
    init();
    const { rerender } = render(<Supervisor.TaskCanvasTabs task={monitoredTask} />);
    expect(tabLabels()).toEqual(['Info', 'PolyAI Context']);
    rerender(<Supervisor.TaskCanvasTabs task={{ ...monitoredTask, attributes: { type: 'inbound' } }} />);
    expect(tabLabels()).toEqual(['Info']);
  });

  it('keeps the agent\'s tab working on a Flex without the supervisor canvas', () => {
    const withoutTeamsCanvas = { ...Flex, Supervisor: undefined } as unknown as typeof Flex;
    initPolyaiContext(withoutTeamsCanvas, Flex.Manager.getInstance());
    render(<TaskCanvasTabs task={monitoredTask} />);
    expect(within(screen.getByRole('tablist', { name: 'Task canvas' })).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Info', 'PolyAI Context']);
  });

  it('is built hidden and fetches nothing until the supervisor opens the tab, then shows the agent\'s verdict read-only', async () => {
    init();
    // The agent's canvas showing the PolyAI tab does not open the Teams view's one.
    render(
      <>
        <TaskCanvasTabs task={monitoredTask} />
        <Supervisor.TaskCanvasTabs task={monitoredTask} />
      </>,
    );
    fireEvent.click(within(screen.getByRole('tablist', { name: 'Task canvas' })).getByRole('tab', { name: 'PolyAI Context' }));
    await waitFor(() => expect(fetchSpy).toHaveBeenCalledTimes(1));
    fetchSpy.mockClear();
    expect(within(polyaiPanels()[1]).getByTestId('polyai-context')).not.toBeVisible();
    expect(fetchSpy).not.toHaveBeenCalled();

    openTab('PolyAI Context');
    const panel = polyaiPanels()[1];
    expect(within(panel).getByTestId('polyai-verdict-stored')).toHaveTextContent('Wrong: Wrong intent');
    expect(within(panel).queryByRole('button', { name: 'Wrong' })).not.toBeInTheDocument();
    await waitFor(() => expect(fetchSpy).toHaveBeenCalledTimes(1));
    expect(fetchSpy.mock.calls[0][0]).toBe('https://polyai-1234.twil.io/polyai-conversation');
    await waitFor(() => expect(within(panel).getByText('Thanks for calling Acme. How can I help today?')).toBeInTheDocument());
  });
});

