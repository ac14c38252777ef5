/** The PolyAI Context tab in the supervisor's task canvas: registered, read-only verdict, nothing fetched until opened. */
import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';
import { CustomizationProvider } from '@twilio-paste/core/customization';

import { initPolyaiContext } from '../../../src/PolyaiContextPlugin';
import { CONTEXT_TAB_NAME } from '../../../src/flex/hooks/contextTab';
import { SUPERVISOR_CANVAS_TABS } from '../../../src/flex/hooks/taskCanvasTabs';
import { fixture } from '../../support/fixtures';
import { jsonResponse, mockFetch } from '../../support/fetch';

type Fragments = { fragments: Array<{ element: React.ReactElement; options: { sortOrder?: number; if?: (props: { task: unknown }) => boolean } }> };
const mock = Flex as unknown as typeof Flex & {
  Supervisor: { TaskCanvasTabs: { Content: Fragments } };
  TaskCanvasTabs: { Content: Fragments };
  TaskListItem: { Content: Fragments };
  TaskContextProvider: React.Provider<{ task?: unknown }>;
  mockFlexState: { flex: { view: { componentViewStates: Record<string, unknown> } } };
};

function init(): Fragments['fragments'][number] {
  for (const store of [mock.Supervisor.TaskCanvasTabs.Content, mock.TaskCanvasTabs.Content, mock.TaskListItem.Content]) store.fragments.length = 0;
  const manager = Flex.Manager.getInstance() as unknown as { strings: Record<string, string>; configuration: Record<string, unknown> };
  manager.strings = {};
  manager.configuration = { custom_data: { polyai_context: { functions_base_url: 'https://polyai-1234.twil.io' } } };
  initPolyaiContext(Flex, manager as unknown as Flex.Manager);
  expect(mock.Supervisor.TaskCanvasTabs.Content.fragments).toHaveLength(1);
  return mock.Supervisor.TaskCanvasTabs.Content.fragments[0];
}

const studio = fixture('task-attributes-studio.json') as Record<string, unknown>;
const monitoredTask = {
  sid: 'WR1',
  taskSid: `WT${'a'.repeat(32)}`,
  status: 'accepted',
  attributes: { ...studio, polyai_verdict: { verdict: 'wrong', reason: 'wrong_intent', by: 'agent', at: '2026-11-30T06:00:00.000Z' } },
};

describe('supervisor task canvas', () => {
  const original = { fetch: global.fetch };
  const views = mock.mockFlexState.flex.view.componentViewStates as Record<string, { selectedTabName?: string } | undefined>;
  let fetchSpy: jest.Mock;
  beforeEach(() => {
    fetchSpy = mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') }));
    global.fetch = fetchSpy as unknown as typeof fetch;
  });
  afterEach(() => {
    global.fetch = original.fetch;
    delete views[SUPERVISOR_CANVAS_TABS];
  });

  it('registers the same PolyAI Context tab, for PolyAI tasks only', () => {
    const { element, options } = init();
    expect(element.props.uniqueName).toBe(CONTEXT_TAB_NAME);
    expect(element.props.label).toBe('PolyAI Context');
    expect(options.sortOrder).toBe(10);
    expect(options.if!({ task: monitoredTask })).toBe(true);
    expect(options.if!({ task: { ...monitoredTask, attributes: { type: 'inbound' } } })).toBe(false);
  });

  it('keeps the agent\'s tab working on a Flex without the supervisor canvas', () => {
    const supervisor = mock.Supervisor;
    try {
      (mock as unknown as { Supervisor?: unknown }).Supervisor = undefined;
      expect((mock as unknown as { Supervisor?: unknown }).Supervisor).toBeUndefined();
      mock.TaskCanvasTabs.Content.fragments.length = 0;
      initPolyaiContext(Flex, Flex.Manager.getInstance());
      expect(mock.TaskCanvasTabs.Content.fragments).toHaveLength(1);
    } finally {
      (mock as unknown as { Supervisor?: unknown }).Supervisor = supervisor;
    }
  });

  it('renders and fetches nothing until the supervisor opens the tab, then shows the agent\'s verdict read-only', async () => {
    const { element } = init();
    const canvas = () => (
      <CustomizationProvider baseTheme="default">
        <mock.TaskContextProvider value={{ task: monitoredTask }}>{element}</mock.TaskContextProvider>
      </CustomizationProvider>
    );
    // Flex keeps hidden tabs mounted: the content waits until the tab is selected in the Teams view's canvas
    // (the agent's canvas has it selected in the double's state, which must not count here).
    const { rerender } = render(canvas());
    expect(screen.queryByTestId('polyai-context')).not.toBeInTheDocument();
    expect(fetchSpy).not.toHaveBeenCalled();

    views[SUPERVISOR_CANVAS_TABS] = { selectedTabName: CONTEXT_TAB_NAME };
    rerender(canvas());
    expect(screen.getByTestId('polyai-verdict-stored')).toHaveTextContent('Wrong: Wrong intent');
    expect(screen.queryByRole('button', { name: 'Wrong' })).not.toBeInTheDocument();
    await waitFor(() => expect(fetchSpy).toHaveBeenCalledTimes(1));
    expect(fetchSpy.mock.calls[0][0]).toBe('https://polyai-1234.twil.io/polyai-conversation');
    await waitFor(() => expect(screen.getByText('Thanks for calling Acme. How can I help today?')).toBeInTheDocument());
  });
});
