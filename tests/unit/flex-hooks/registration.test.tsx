import React from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';
import { CustomizationProvider } from '@twilio-paste/core/customization';

import { initPolyaiContext } from '../../../src/PolyaiContextPlugin';
import { fixture } from '../../support/fixtures';
import { jsonResponse, mockFetch } from '../../support/fetch';

// The Flex double renders what the plugin registers the way Flex does (see tests/__mocks__/@twilio/flex-ui.tsx):
// these tests look at the task canvas and task list an agent would see.
type Fragments = { fragments: Array<{ element: React.ReactElement; options: { sortOrder?: number; if?: (props: { task: unknown }) => boolean } }> };
const mock = Flex as unknown as typeof Flex & {
  TaskCanvasTabs: React.ComponentType<{ task: unknown }> & { Content: Fragments & { add: (element: React.ReactElement, options: object) => void } };
  TaskListItem: React.ComponentType<{ task: unknown }> & { Content: Fragments };
  RootContainer: React.ComponentType<{ children?: React.ReactNode }>;
  mockFlexState: { flex: { view: { selectedTaskSid?: string }; worker: { tasks: Map<string, { sid: string; status: string }> } } };
  resetFlex: (options?: { acceptedUpdate?: 'during-accept' | 'manual' }) => { reservationUpdate: (sid: string, status: string) => Promise<void> };
};

type TestManager = { strings: Record<string, string>; configuration: Record<string, unknown> };

/** The Flex of the current test, for what TaskRouter sends it (see `acceptedUpdate: 'manual'`). */
let flex: ReturnType<typeof mock.resetFlex>;

/**
 * A fresh Flex with its own Info tab (default tabs come first in Flex) and the agent's pending task WR1
 * selected, then the plugin's init.
 */
function init(configuration: Record<string, unknown> = {}, strings: Record<string, string> = {}, flexOptions: Parameters<typeof mock.resetFlex>[0] = {}): TestManager {
  flex = mock.resetFlex(flexOptions);
  mock.mockFlexState.flex.view.selectedTaskSid = 'WR1';
  mock.mockFlexState.flex.worker.tasks.set('WR1', { sid: 'WR1', status: 'pending' });
  mock.TaskCanvasTabs.Content.add(<Flex.Tab key="info" uniqueName="info" label="Info"><p>Flex task info</p></Flex.Tab>, { sortOrder: 0 });
  const manager = Flex.Manager.getInstance() as unknown as TestManager;
  manager.strings = { TaskHeaderLine: 'Flex own string', ...strings };
  manager.configuration = configuration;
  initPolyaiContext(Flex, manager as unknown as Flex.Manager);
  return manager;
}

const task = (attributes: unknown) => ({ sid: 'WR1', taskSid: 'WT1', attributes });

/** The agent desktop for one task: its canvas tabs and its task list item, inside Flex's root providers. */
function renderDesktop(attributes: unknown) {
  return render(
    <mock.RootContainer>
      <mock.TaskListItem task={task(attributes)} />
      <mock.TaskCanvasTabs task={task(attributes)} />
    </mock.RootContainer>,
  );
}

const tabNames = () => screen.queryAllByRole('tab').map((tab) => tab.textContent);
const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent;

describe('plugin registration', () => {
  it('adds a "PolyAI Context" tab after Flex\'s own, placed by its sort order among other plugins\' tabs', () => {
    init();
    mock.TaskCanvasTabs.Content.add(<Flex.Tab key="crm" uniqueName="crm" label="CRM" />, { sortOrder: 20 });
    mock.TaskCanvasTabs.Content.add(<Flex.Tab key="notes" uniqueName="notes" label="Notes" />, { sortOrder: 5 });
    renderDesktop(fixture('task-attributes-studio.json'));
    expect(tabNames()).toEqual(['Info', 'Notes', 'PolyAI Context', 'CRM']);
    expect(Flex.setProviders).toHaveBeenCalledWith({ PasteThemeProvider: CustomizationProvider });
  });

  it('shows the tab only for tasks that carry PolyAI data', () => {
    init();
    for (const name of ['task-attributes-studio.json', 'task-attributes-json-string.json', 'task-attributes-flat.json', 'task-attributes-fetch-failed.json']) {
      const { unmount } = renderDesktop(fixture(name));
      expect(tabNames()).toEqual(['Info', 'PolyAI Context']);
      unmount();
    }
    for (const attributes of [{ type: 'inbound', name: 'Alex' }, undefined, 'not json']) {
      const { unmount } = renderDesktop(attributes);
      expect(tabNames()).toEqual(['Info']);
      unmount();
    }
  });

  it('shows the tab on every task when an admin asks for it, saying there is no PolyAI context', () => {
    init({ custom_data: { polyai_context: { always_show: true } } });
    renderDesktop({ type: 'inbound' });
    fireEvent.click(screen.getByRole('tab', { name: 'PolyAI Context' }));
    expect(screen.getByRole('tabpanel')).toHaveTextContent('No PolyAI context');
  });

  it('adds nothing when disabled, and warns once about a bad setting', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    init({ custom_data: { polyai_context: { enabled: false, tab_sort_order: 'x' } } });
    renderDesktop(fixture('task-attributes-studio.json'));
    expect(tabNames()).toEqual(['Info']);
    expect(screen.queryByTestId('polyai-task-badge')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/tab_sort_order must be a number/);
    warn.mockRestore();
  });

  it('adds its strings to manager.strings without overriding Flex\'s or an admin\'s', () => {
    const manager = init({}, { PolyaiContextTabLabel: 'AI notes', PolyaiContextSummaryHeading: 'Call summary' });
    expect(manager.strings.TaskHeaderLine).toBe('Flex own string');
    expect(manager.strings.PolyaiContextTaskBadge).toBe('PolyAI');
    renderDesktop(fixture('task-attributes-studio.json'));
    expect(tabNames()).toEqual(['Info', 'AI notes']);
    fireEvent.click(screen.getByRole('tab', { name: 'AI notes' }));
    expect(screen.getByRole('heading', { name: 'Call summary' })).toBeInTheDocument();
  });

  it('shows the selected task\'s context in the tab, with admin-overridden strings', () => {
    const manager = init();
    manager.strings.PolyaiContextSummaryHeading = 'Call summary';
    renderDesktop(fixture('task-attributes-studio.json'));
    expect(screen.queryByText(/disputes a duplicate 42\.50 charge/)).toBeNull(); // Flex's Info tab is selected
    fireEvent.click(screen.getByRole('tab', { name: 'PolyAI Context' }));
    const panel = within(screen.getByRole('tabpanel'));
    expect(panel.getByRole('heading', { name: 'Call summary' })).toBeInTheDocument();
    expect(panel.getByText(/disputes a duplicate 42\.50 charge/)).toBeInTheDocument();
  });

  it('picks the language from Flex, with the admin override winning', () => {
    init({ language: 'fr-FR' });
    const { unmount } = renderDesktop(fixture('task-attributes-studio.json'));
    expect(tabNames()).toEqual(['Info', 'Contexte PolyAI']);
    unmount();
    const manager = init({ language: 'fr-FR', custom_data: { polyai_context: { language: 'es-ES' } } });
    renderDesktop(fixture('task-attributes-studio.json'));
    expect(tabNames()).toEqual(['Info', 'Contexto de PolyAI']);
    expect(manager.strings.PolyaiContextSummaryHeading).toBe('Resumen');
  });

  it('renders the tab in the chosen language', () => {
    init({ custom_data: { polyai_context: { language: 'de-DE' } } });
    renderDesktop(fixture('task-attributes-studio.json'));
    fireEvent.click(screen.getAllByRole('tab')[1]);
    expect(screen.getByRole('heading', { name: 'Zusammenfassung' })).toBeInTheDocument();
    expect(screen.getByText('Verifiziert')).toBeInTheDocument();
  });

  it('marks PolyAI tasks inside their task list row (beside Accept/Reject), not below it', () => {
    init();
    const { unmount } = renderDesktop(fixture('task-attributes-studio.json'));
    const row = within(screen.getByTestId('flex-task-list-item-row'));
    expect(row.getByTestId('polyai-task-badge')).toHaveTextContent('PolyAI');
    expect(screen.getAllByTestId('polyai-task-badge')).toHaveLength(1);
    unmount();
    renderDesktop({ type: 'inbound' });
    expect(screen.getByTestId('flex-task-list-item')).toHaveTextContent('');
    expect(screen.queryByTestId('polyai-task-badge')).toBeNull();
  });

  it('opens the PolyAI tab when the agent accepts a PolyAI task, only if configured', async () => {
    const accept = async (attributes: unknown) => {
      renderDesktop(attributes);
      await act(() => Flex.Actions.invokeAction('AcceptTask', { task: task(attributes) }));
    };
    init();
    await accept(fixture('task-attributes-studio.json'));
    expect(selectedTab()).toBe('Info');
    cleanup();

    init({ custom_data: { polyai_context: { auto_select_tab: true, always_show: true } } });
    await accept({ type: 'inbound' });
    expect(selectedTab()).toBe('Info');
    cleanup();

    init({ custom_data: { polyai_context: { auto_select_tab: true } } });
    await accept(fixture('task-attributes-studio.json'));
    expect(selectedTab()).toBe('PolyAI Context');
    expect(within(screen.getByRole('tabpanel')).getByText(/disputes a duplicate 42\.50 charge/)).toBeInTheDocument();
  });

  /** auto_select_tab on, the agent's canvas showing `shown`, and WR1 (a PolyAI task) accepted, its accepted update held back. */
  async function acceptHoldingTheUpdate(shown: { sid: string; status: string } = { sid: 'WR1', status: 'pending' }) {
    const attributes = fixture('task-attributes-studio.json');
    init({ custom_data: { polyai_context: { auto_select_tab: true } } }, {}, { acceptedUpdate: 'manual' });
    mock.mockFlexState.flex.view.selectedTaskSid = shown.sid;
    mock.mockFlexState.flex.worker.tasks.set(shown.sid, shown);
    renderDesktop(attributes);
    await act(() => Flex.Actions.invokeAction('AcceptTask', { task: task(attributes) }));
  }

  it("keeps the PolyAI tab open when the accepted update (and Flex's tab reset) arrives after the accept", async () => {
    await acceptHoldingTheUpdate();
    expect(selectedTab()).toBe('PolyAI Context');
    await act(() => flex.reservationUpdate('WR1', 'accepted'));
    expect(selectedTab()).toBe('PolyAI Context');
    // Exactly once: a later reset (the task completing) shows Flex's first tab again.
    await act(() => flex.reservationUpdate('WR1', 'wrapping'));
    expect(selectedTab()).toBe('Info');
  });

  it('leaves the tab the agent chose before the accepted update arrives', async () => {
    await acceptHoldingTheUpdate();
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: 'Info' }));
    });
    expect(selectedTab()).toBe('Info');
    await act(() => flex.reservationUpdate('WR1', 'accepted'));
    expect(selectedTab()).toBe('Info');
  });

  it("does not turn Flex's tab reset for another (accepted) task into the PolyAI tab", async () => {
    await acceptHoldingTheUpdate({ sid: 'WR2', status: 'accepted' });
    await act(() => Flex.Actions.invokeAction('SetComponentState', { name: 'AgentTaskCanvasTabs', state: { selectedTabName: '' } }));
    expect(selectedTab()).toBe('Info');
  });

  it('fetches the transcript only when the tab content mounts, with the Flex token', async () => {
    const fetchSpy = mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') }));
    const original = global.fetch;
    global.fetch = fetchSpy as unknown as typeof fetch;
    try {
      init({ custom_data: { polyai_context: { functions_base_url: 'https://polyai-1234.twil.io', auto_select_tab: true } } });
      renderDesktop(fixture('task-attributes-studio.json'));
      expect(fetchSpy).not.toHaveBeenCalled(); // Flex's Info tab is showing: nothing fetched yet
      await act(() => Flex.Actions.invokeAction('AcceptTask', { task: task(fixture('task-attributes-studio.json')) }));
      expect(fetchSpy).toHaveBeenCalledTimes(1);
      const [url, init_] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
      expect(url).toBe('https://polyai-1234.twil.io/polyai-conversation');
      expect(JSON.parse(init_.body as string)).toEqual({ Token: 'flex-token-for-tests', conversationId: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' });
      await waitFor(() => expect(screen.getByText('Thanks for calling Acme. How can I help today?')).toBeInTheDocument());
    } finally {
      global.fetch = original;
    }
  });

  it('still shows the context when Flex has no session (manager.user throws): the transcript request is refused, not the tab', async () => {
    const fetchSpy = mockFetch(jsonResponse(401, { error: { status: 401, message: 'Unauthorized' } }));
    const original = global.fetch;
    global.fetch = fetchSpy as unknown as typeof fetch;
    const manager = Flex.Manager.getInstance() as unknown as Record<string, unknown>;
    const user = Object.getOwnPropertyDescriptor(manager, 'user')!;
    Object.defineProperty(manager, 'user', { configurable: true, get: () => { throw new Error('No user is logged in'); } });
    try {
      init({ custom_data: { polyai_context: { functions_base_url: 'https://polyai-1234.twil.io' } } });
      renderDesktop(fixture('task-attributes-studio.json'));
      fireEvent.click(screen.getByRole('tab', { name: 'PolyAI Context' }));
      expect(fetchSpy).toHaveBeenCalledTimes(1);
      expect(JSON.parse((fetchSpy.mock.calls[0] as unknown as [string, RequestInit])[1].body as string).Token).toBe('');
      const panel = within(screen.getByRole('tabpanel'));
      await waitFor(() => expect(panel.getByText(/Unauthorized|sign|session|401/i)).toBeInTheDocument());
      expect(panel.getByText(/disputes a duplicate 42\.50 charge/)).toBeInTheDocument();
    } finally {
      Object.defineProperty(manager, 'user', user);
      global.fetch = original;
    }
  });

  it('mounts the tab content (and requests the transcript) once the agent opens it, and keeps it when they switch away', async () => {
    const fetchSpy = mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') }));
    const original = global.fetch;
    global.fetch = fetchSpy as unknown as typeof fetch;
    try {
      init({ custom_data: { polyai_context: { functions_base_url: 'https://polyai-1234.twil.io' } } });
      renderDesktop(fixture('task-attributes-studio.json'));
      expect(screen.queryByText(/disputes a duplicate 42\.50 charge/)).toBeNull();
      expect(fetchSpy).not.toHaveBeenCalled();
      fireEvent.click(screen.getByRole('tab', { name: 'PolyAI Context' }));
      await waitFor(() => expect(screen.getByText('Thanks for calling Acme. How can I help today?')).toBeInTheDocument());
      fireEvent.click(screen.getByRole('tab', { name: 'Info' }));
      expect(screen.getByText(/disputes a duplicate 42\.50 charge/)).not.toBeVisible();
      fireEvent.click(screen.getByRole('tab', { name: 'PolyAI Context' }));
      expect(screen.getByText(/disputes a duplicate 42\.50 charge/)).toBeVisible();
      expect(fetchSpy).toHaveBeenCalledTimes(1);
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
      const view = (attributes: unknown) => (
        <mock.RootContainer>
          <mock.TaskCanvasTabs task={task(attributes)} />
        </mock.RootContainer>
      );
      const withCard = { ...studio, polyai: { ...studio.polyai, data: { ...studio.polyai.data, card_number: '4111' } } };
      const { rerender } = render(view(withCard));
      fireEvent.click(screen.getByRole('tab', { name: 'PolyAI Context' }));
      await waitFor(() => expect(screen.getByRole('searchbox')).toBeInTheDocument());
      const input = screen.getByRole('searchbox') as HTMLInputElement;
      fireEvent.change(input, { target: { value: 'charge' } });
      await waitFor(() => expect(screen.getByText('1 of 2')).toBeInTheDocument());
      fireEvent.click(screen.getByRole('button', { name: 'Show Card Number' }));

      const updated = { ...withCard, polyai: { ...withCard.polyai, data: { ...withCard.polyai.data, summary: 'Updated summary from PolyAI' } } };
      rerender(view(updated));
      expect(screen.getByText('Updated summary from PolyAI')).toBeInTheDocument();
      expect(screen.getByRole('searchbox')).toBe(input);
      expect(input.value).toBe('charge');
      expect(screen.getByText('1 of 2')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Show Card Number' })).toHaveAttribute('aria-pressed', 'true');
      expect(fetchSpy).toHaveBeenCalledTimes(1);
    } finally {
      global.fetch = original;
    }
  });
});
