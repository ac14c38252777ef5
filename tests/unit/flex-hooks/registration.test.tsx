import React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { initPolyaiContext } from '../../../src/PolyaiContextPlugin';
import { CONTEXT_TAB_NAME } from '../../../src/flex/hooks/contextTab';
import { TASK_CANVAS_TABS } from '../../../src/flex/hooks/autoSelectTab';
import { fixture } from '../../support/fixtures';
import { jsonResponse, mockFetch } from '../../support/fetch';

// The test double records what the plugin registers (see tests/__mocks__/@twilio/flex-ui.tsx).
type Fragments = { fragments: Array<{ element: React.ReactElement; options: { sortOrder?: number; if?: (props: { task: unknown }) => boolean } }> };
const mock = Flex as unknown as typeof Flex & {
  TaskCanvasTabs: { Content: Fragments };
  TaskListButtons: { Content: Fragments };
  TaskContextProvider: React.Provider<{ task?: unknown }>;
  mockFlexState: { flex: { view: { componentViewStates: { AgentTaskCanvasTabs: { selectedTabName: string } } } } };
};

type TestManager = { strings: Record<string, string>; configuration: Record<string, unknown> };

function init(configuration: Record<string, unknown> = {}): TestManager {
  mock.TaskCanvasTabs.Content.fragments.length = 0;
  mock.TaskListButtons.Content.fragments.length = 0;
  const manager = Flex.Manager.getInstance() as unknown as TestManager;
  manager.strings = { TaskHeaderLine: 'Flex own string' };
  manager.configuration = configuration;
  initPolyaiContext(Flex, manager as unknown as Flex.Manager);
  return manager;
}

const registeredTab = () => {
  expect(mock.TaskCanvasTabs.Content.fragments).toHaveLength(1);
  return mock.TaskCanvasTabs.Content.fragments[0];
};

/** The PolyaiContextTab element the registered Tab renders (Tab › OpenedOnly › PolyaiContextTab). */
const registeredTabContent = () => registeredTab().element.props.children.props.children;

const task = (attributes: unknown) => ({ sid: 'WR1', taskSid: 'WT1', attributes });

describe('plugin registration', () => {
  it('adds the PolyAI Context tab to the task canvas', () => {
    init();
    const { element, options } = registeredTab();
    expect(element.props.uniqueName).toBe(CONTEXT_TAB_NAME);
    expect(element.props.label).toBe('PolyAI Context');
    expect(options.sortOrder).toBe(10);
  });

  it('shows the tab only for tasks that carry PolyAI data', () => {
    init();
    const condition = registeredTab().options.if!;
    for (const name of ['task-attributes-studio.json', 'task-attributes-json-string.json', 'task-attributes-flat.json', 'task-attributes-fetch-failed.json']) {
      expect(condition({ task: task(fixture(name)) })).toBe(true);
    }
    expect(condition({ task: task({ type: 'inbound', name: 'Alex' }) })).toBe(false);
    expect(condition({ task: task(undefined) })).toBe(false);
    expect(condition({ task: undefined })).toBe(false);
  });

  it('shows the tab on every task when an admin asks for it', () => {
    init({ custom_data: { polyai_context: { always_show: true } } });
    expect(registeredTab().options.if!({ task: task({ type: 'inbound' }) })).toBe(true);
  });

  it('registers nothing when disabled, and warns once about a bad setting', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    init({ custom_data: { polyai_context: { enabled: false, tab_sort_order: 'x' } } });
    expect(mock.TaskCanvasTabs.Content.fragments).toHaveLength(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/tab_sort_order must be a number/);
    warn.mockRestore();
  });

  it('adds its strings to manager.strings without overriding existing ones', () => {
    const manager = init();
    expect(manager.strings.TaskHeaderLine).toBe('Flex own string');
    expect(manager.strings.PolyaiContextTabLabel).toBe('PolyAI Context');
  });

  it('renders the registered tab for the selected task, with admin-overridden strings', () => {
    const manager = init();
    manager.strings.PolyaiContextSummaryHeading = 'Call summary';
    // No provider around it: the plugin's pieces bring their own Paste theme (see withPasteTheme).
    render(<mock.TaskContextProvider value={{ task: task(fixture('task-attributes-studio.json')) }}>{registeredTab().element}</mock.TaskContextProvider>);
    expect(screen.getByRole('heading', { name: 'Call summary' })).toBeInTheDocument();
    expect(screen.getByText(/disputes a duplicate 42\.50 charge/)).toBeInTheDocument();
  });

  it('picks the language from Flex, with the admin override winning', () => {
    init({ language: 'fr-FR' });
    expect(registeredTab().element.props.label).toBe('Contexte PolyAI');
    const manager = init({ language: 'fr-FR', custom_data: { polyai_context: { language: 'es-ES' } } });
    expect(registeredTab().element.props.label).toBe('Contexto de PolyAI');
    expect(manager.strings.PolyaiContextSummaryHeading).toBe('Resumen');
  });

  it('formats dates in the agent\'s full locale (en-GB from Flex) under the en-US strings', () => {
    init({ language: 'en-GB' });
    expect(registeredTab().element.props.label).toBe('PolyAI Context');
    expect(registeredTabContent().props.locale).toBe('en-GB');
    init({ language: 'de-AT' });
    expect(registeredTabContent().props.locale).toBe('de-AT');
    init({ language: 'en-GB', custom_data: { polyai_context: { language: 'fr-FR' } } });
    // An admin's fr-FR tab formats in French: the agent's own tags are English.
    expect(registeredTabContent().props.locale).toBe('fr-FR');
  });

  it('renders the tab in the chosen language', () => {
    init({ custom_data: { polyai_context: { language: 'de-DE' } } });
    // No provider around it: the plugin's pieces bring their own Paste theme (see withPasteTheme).
    render(<mock.TaskContextProvider value={{ task: task(fixture('task-attributes-studio.json')) }}>{registeredTab().element}</mock.TaskContextProvider>);
    expect(screen.getByRole('heading', { name: 'Zusammenfassung' })).toBeInTheDocument();
    expect(within(screen.getByTestId('polyai-glance')).getByText('Verifiziert')).toBeInTheDocument();
  });

  it('mounts the tab content once the agent opens the tab, keeps it while they look elsewhere, per task', () => {
    init();
    const canvasTabs = mock.mockFlexState.flex.view.componentViewStates.AgentTaskCanvasTabs;
    const view = (sid: string) => (
      <mock.TaskContextProvider value={{ task: { ...task(fixture('task-attributes-studio.json')), sid } }}>{registeredTab().element}</mock.TaskContextProvider>
    );
    try {
      // Flex mounts every tab's content: while another tab is selected, ours shows (and fetches) nothing.
      canvasTabs.selectedTabName = 'info';
      const { rerender } = render(view('WR1'));
      expect(screen.queryByTestId('polyai-context')).not.toBeInTheDocument();
      canvasTabs.selectedTabName = CONTEXT_TAB_NAME;
      rerender(view('WR1'));
      expect(screen.getByTestId('polyai-context')).toBeInTheDocument();
      // The agent switches to another tab: the content stays (scroll, search and reveals survive).
      canvasTabs.selectedTabName = 'info';
      rerender(view('WR1'));
      expect(screen.getByTestId('polyai-context')).toBeInTheDocument();
      // The canvas stays mounted for the next task, which starts unopened.
      rerender(view('WR2'));
      expect(screen.queryByTestId('polyai-context')).not.toBeInTheDocument();
    } finally {
      canvasTabs.selectedTabName = CONTEXT_TAB_NAME;
    }
  });

  it('marks PolyAI tasks in the task list, inside the item (beside Accept/Reject)', () => {
    init();
    expect(mock.TaskListButtons.Content.fragments).toHaveLength(1);
    const { element, options } = mock.TaskListButtons.Content.fragments[0];
    expect(options.if!({ task: task(fixture('task-attributes-studio.json')) })).toBe(true);
    expect(options.if!({ task: task({ type: 'inbound' }) })).toBe(false);
    render(element);
    expect(screen.getByTestId('polyai-task-badge')).toHaveTextContent('PolyAI');
  });

  it('selects the PolyAI tab when the agent accepts a PolyAI task, only if configured', () => {
    const addListener = Flex.Actions.addListener as jest.Mock;
    init();
    expect(addListener).not.toHaveBeenCalled();
    init({ custom_data: { polyai_context: { auto_select_tab: true } } });
    expect(addListener).toHaveBeenCalledWith('afterAcceptTask', expect.any(Function));
    const listener = (name: string) => addListener.mock.calls.find(([event]) => event === name)![1] as (payload: unknown) => void;
    const accept = (payload: unknown) => {
      listener('beforeAcceptTask')(payload);
      listener('afterAcceptTask')(payload);
    };
    accept({ task: task({ type: 'inbound' }) });
    expect(Flex.Actions.invokeAction).not.toHaveBeenCalled();
    accept({ task: task(fixture('task-attributes-studio.json')) });
    expect(Flex.Actions.invokeAction).toHaveBeenCalledWith('SetComponentState', { name: TASK_CANVAS_TABS, state: { selectedTabName: CONTEXT_TAB_NAME } });
  });

  it('fetches the transcript only when the tab content mounts, with the Flex token', async () => {
    const fetchSpy = mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') }));
    const original = global.fetch;
    global.fetch = fetchSpy as unknown as typeof fetch;
    try {
      init({ custom_data: { polyai_context: { functions_base_url: 'https://polyai-1234.twil.io', auto_select_tab: true } } });
      for (const [event, listener] of (Flex.Actions.addListener as jest.Mock).mock.calls) if (/AcceptTask$/.test(event)) listener({ task: task(fixture('task-attributes-studio.json')) });
      expect(fetchSpy).not.toHaveBeenCalled();
      render(<mock.TaskContextProvider value={{ task: task(fixture('task-attributes-studio.json')) }}>{registeredTab().element}</mock.TaskContextProvider>);
      expect(fetchSpy).toHaveBeenCalledTimes(1);
      const [url, init_] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
      expect(url).toBe('https://polyai-1234.twil.io/polyai-conversation');
      expect(JSON.parse(init_.body as string)).toEqual({ Token: 'flex-token-for-tests', conversationId: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' });
      await waitFor(() => expect(screen.getByText('Thanks for calling Acme. How can I help today?')).toBeInTheDocument());
    } finally {
      global.fetch = original;
    }
  });

  it('refreshes in place when the task attributes change, keeping the search and reveals', async () => {
    const fetchSpy = mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') }));
    const original = global.fetch;
    global.fetch = fetchSpy as unknown as typeof fetch;
    try {
      init({ custom_data: { polyai_context: { functions_base_url: 'https://polyai-1234.twil.io' } } });
      const studio = fixture('task-attributes-studio.json') as { polyai: { data: Record<string, unknown> } };
      const view = (attributes: unknown) => <mock.TaskContextProvider value={{ task: task(attributes) }}>{registeredTab().element}</mock.TaskContextProvider>;
      const withCard = { ...studio, polyai: { ...studio.polyai, data: { ...studio.polyai.data, card_number: '4111' } } };
      const { rerender } = render(view(withCard));
      await waitFor(() => expect(screen.getByRole('searchbox')).toBeInTheDocument());
      const input = screen.getByRole('searchbox') as HTMLInputElement;
      fireEvent.change(input, { target: { value: 'charge' } });
      await waitFor(() => expect(screen.getByText('1 of 6')).toBeInTheDocument());
      fireEvent.click(screen.getByRole('button', { name: 'Show Card Number' }));

      const updated = { ...withCard, polyai: { ...withCard.polyai, data: { ...withCard.polyai.data, summary: 'Updated summary from PolyAI' } } };
      rerender(view(updated));
      expect(screen.getByText('Updated summary from PolyAI')).toBeInTheDocument();
      expect(screen.getByRole('searchbox')).toBe(input);
      expect(input.value).toBe('charge');
      expect(screen.getByText('1 of 6')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Show Card Number' })).toHaveAttribute('aria-pressed', 'true');
      expect(fetchSpy).toHaveBeenCalledTimes(1);
    } finally {
      global.fetch = original;
    }
  });
});
