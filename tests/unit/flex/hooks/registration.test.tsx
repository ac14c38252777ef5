/**
 * The plugin inside the Flex double (tests/__mocks__/@twilio/flex-ui.tsx), asserted by what the agent sees:
 * the canvas's tabs in Flex's order, the selected tab, the task list row, Flex's actions and tab resets.
 */
import React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { initPolyaiContext } from '../../../../src/PolyaiContextPlugin';
import { enUS } from '../../../../src/strings/en-US';
import { fixture } from '../../../support/fixtures';
import { installFetch, jsonResponse, mockFetch } from '../../../support/fetch';
import { flexCanvas } from '../../../support/flexCanvas';
import { mockFlexState, resetFlex, TaskCanvasTabs, TaskListItem } from '../../../__mocks__/@twilio/flex-ui';

type TestManager = { strings: Record<string, string>; configuration: Record<string, unknown> };

function init(configuration: Record<string, unknown> = {}): TestManager {
  const manager = Flex.Manager.getInstance() as unknown as TestManager;
  manager.strings = { TaskHeaderLine: 'Flex own string' };
  manager.configuration = configuration;
  initPolyaiContext(Flex, manager as unknown as Flex.Manager);
  return manager;
}

const studio = fixture('task-attributes-studio.json') as { polyai: { data: Record<string, unknown> } };
const task = (attributes: unknown, sid = 'WR1') => ({ sid, taskSid: `WT${sid}`, status: 'pending', attributes });
const polyaiTask = (sid = 'WR1') => task(studio, sid);

const { labels: tabLabels, selected: selectedTab, open: openTab } = flexCanvas('Task canvas');
/** What the agent reads in the tab (the panel is mounted by Flex even while hidden). */
const polyaiPanel = () => screen.getByTestId('flex-tab-panel-polyai-context');

const invoke = (name: string, payload: unknown) => act(() => Flex.Actions.invokeAction(name, payload as never));

beforeEach(() => resetFlex());

describe('the PolyAI Context tab in the agent\'s task canvas', () => {
  it('comes after Flex\'s Info tab by default, and where an admin puts it with tab_sort_order', () => {
    init();
    const { unmount } = render(<TaskCanvasTabs task={polyaiTask()} />);
    expect(tabLabels()).toEqual(['Info', 'PolyAI Context']);
    unmount();
    resetFlex();
    init({ custom_data: { polyai_context: { tab_sort_order: -5 } } });
    render(<TaskCanvasTabs task={polyaiTask()} />);
    expect(tabLabels()).toEqual(['PolyAI Context', 'Info']);
    // Flex shows its first tab until the agent picks one.
    expect(selectedTab()).toBe('PolyAI Context');
  });

  it.each(['task-attributes-studio.json', 'task-attributes-json-string.json', 'task-attributes-flat.json', 'task-attributes-fetch-failed.json'])(
    'is shown for a task carrying PolyAI data (%s)',
    (name) => {
      init();
      render(<TaskCanvasTabs task={task(fixture(name))} />);
      expect(tabLabels()).toEqual(['Info', 'PolyAI Context']);
    },
  );

  it('is not shown for other tasks, unless an admin asks for it on every task', () => {
    init();
    const { rerender, unmount } = render(<TaskCanvasTabs task={task({ type: 'inbound', name: 'Alex' })} />);
    expect(tabLabels()).toEqual(['Info']);
    rerender(<TaskCanvasTabs task={task(undefined)} />);
    expect(tabLabels()).toEqual(['Info']);
    unmount();
    resetFlex();
    init({ custom_data: { polyai_context: { always_show: true } } });
    render(<TaskCanvasTabs task={task({ type: 'inbound' })} />);
    expect(tabLabels()).toEqual(['Info', 'PolyAI Context']);
  });

  it('is not added when disabled, and a bad setting gives one warning', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      init({ custom_data: { polyai_context: { enabled: false, tab_sort_order: 'x' } } });
      render(
        <>
          <TaskListItem task={polyaiTask()} />
          <TaskCanvasTabs task={polyaiTask()} />
        </>,
      );
      expect(tabLabels()).toEqual(['Info']);
      expect(screen.queryByTestId('polyai-task-badge')).not.toBeInTheDocument();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toMatch(/tab_sort_order must be a number/);
    } finally {
      warn.mockRestore();
    }
  });

  it('adds its strings to manager.strings without overriding Flex\'s or an admin\'s', () => {
    const manager = init();
    expect(manager.strings.TaskHeaderLine).toBe('Flex own string');
    expect(manager.strings.PolyaiContextTabLabel).toBe('PolyAI Context');
    manager.strings.PolyaiContextSummaryHeading = 'Call summary';
    render(<TaskCanvasTabs task={polyaiTask()} />);
    openTab('PolyAI Context');
    expect(within(polyaiPanel()).getByRole('heading', { name: 'Call summary' })).toBeInTheDocument();
    expect(within(polyaiPanel()).getByText(/disputes a duplicate 42\.50 charge/)).toBeInTheDocument();
  });

  it.each([
    [{ language: 'fr-FR' }, 'Contexte PolyAI', 'Résumé'],
    [{ language: 'fr-FR', custom_data: { polyai_context: { language: 'es-ES' } } }, 'Contexto de PolyAI', 'Resumen'],
    [{ custom_data: { polyai_context: { language: 'de-DE' } } }, 'PolyAI-Kontext', 'Zusammenfassung'],
  ])('speaks the language Flex or the admin chose (%j)', (configuration, label, summaryHeading) => {
    init(configuration);
    render(<TaskCanvasTabs task={polyaiTask()} />);
    openTab(label);
    expect(within(polyaiPanel()).getByRole('heading', { name: summaryHeading })).toBeInTheDocument();
  });

  it.each([
    [{ language: 'en-GB' }, 'PolyAI Context', '0.5'],
    [{ language: 'de-AT' }, 'PolyAI-Kontext', '0,5'],
    // An admin's fr-FR tab formats in French: the agent's own tags are English.
    [{ language: 'en-GB', custom_data: { polyai_context: { language: 'fr-FR' } } }, 'Contexte PolyAI', '0,5'],
  ])('formats numbers in the agent\'s full locale (%j)', (configuration, label, formatted) => {
    init(configuration);
    render(<TaskCanvasTabs task={task({ ...studio, polyai: { ...studio.polyai, data: { ...studio.polyai.data, refund_ratio: 0.5 } } })} />);
    openTab(label);
    expect(within(polyaiPanel()).getByText(formatted)).toBeInTheDocument();
  });

  it('builds its content with the canvas, hidden, so opening the tab only shows it; kept while the agent looks elsewhere, per task', async () => {
    const fetchSpy = installFetch(mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') })));
    init({ custom_data: { polyai_context: { functions_base_url: 'https://polyai-1234.twil.io' } } });
    const { rerender } = render(<TaskCanvasTabs task={polyaiTask('WR1')} />);
    // As Flex does for its own tabs: the content is there before the agent opens it, hidden, and fetches nothing.
    expect(within(polyaiPanel()).getByTestId('polyai-context')).not.toBeVisible();
    expect(within(polyaiPanel()).getByText(enUS.PolyaiContextTranscriptLoading)).toBeInTheDocument();
    expect(fetchSpy).not.toHaveBeenCalled();
    const built = within(polyaiPanel()).getByTestId('polyai-context');
    openTab('PolyAI Context');
    expect(within(polyaiPanel()).getByTestId('polyai-context')).toBe(built);
    expect(built).toBeVisible();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    // The agent goes to Info: our content stays mounted, hidden (scroll, search and reveals survive).
    openTab('Info');
    expect(within(polyaiPanel()).getByTestId('polyai-context')).not.toBeVisible();
    // Flex selects the next task (the canvas stays mounted and its tab resets): that task starts unopened.
    await invoke('SelectTask', { sid: 'WR2' });
    rerender(<TaskCanvasTabs task={polyaiTask('WR2')} />);
    expect(selectedTab()).toBe('Info');
    expect(within(polyaiPanel()).getByTestId('polyai-context')).not.toBeVisible();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(within(polyaiPanel()).getByText(enUS.PolyaiContextTranscriptLoading)).toBeInTheDocument());
  });

  it('fetches the transcript only when the agent opens the tab, with the Flex token', async () => {
    const fetchSpy = installFetch(mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') })));
    init({ custom_data: { polyai_context: { functions_base_url: 'https://polyai-1234.twil.io' } } });
    render(<TaskCanvasTabs task={polyaiTask()} />);
    expect(fetchSpy).not.toHaveBeenCalled();
    openTab('PolyAI Context');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, request] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://polyai-1234.twil.io/polyai-conversation');
    expect(JSON.parse(request.body as string)).toEqual({ Token: 'flex-token-for-tests', taskSid: 'WTWR1', conversationId: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9', turns: 'latest' });
    await waitFor(() => expect(within(polyaiPanel()).getByText('Thanks for calling Acme. How can I help today?')).toBeInTheDocument());
  });

  it('refreshes in place when the task attributes change, keeping the search and reveals', async () => {
    const fetchSpy = installFetch(mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') })));
    init({ custom_data: { polyai_context: { functions_base_url: 'https://polyai-1234.twil.io' } } });
    const withCard = { ...studio, polyai: { ...studio.polyai, data: { ...studio.polyai.data, card_number: '4111' } } };
    const { rerender } = render(<TaskCanvasTabs task={task(withCard)} />);
    openTab('PolyAI Context');
    const input = (await within(polyaiPanel()).findByRole('searchbox')) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'charge' } });
    await waitFor(() => expect(screen.getByText('1 of 6')).toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: 'Show Card Number' }));

    const updated = { ...withCard, polyai: { ...withCard.polyai, data: { ...withCard.polyai.data, summary: 'Updated summary from PolyAI' } } };
    rerender(<TaskCanvasTabs task={task(updated)} />);
    expect(screen.getByText('Updated summary from PolyAI')).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toBe(input);
    expect(input.value).toBe('charge');
    expect(screen.getByText('1 of 6')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show Card Number' })).toHaveAttribute('aria-pressed', 'true');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});

describe('the PolyAI marker in the task list', () => {
  it('sits in the task\'s row, before Flex\'s Accept and Reject, only on PolyAI tasks', () => {
    init();
    render(<TaskListItem task={polyaiTask()} />);
    const row = screen.getByTestId('flex-task-list-item-row');
    expect(within(row).getByTestId('polyai-task-badge')).toHaveTextContent('PolyAI');
    const buttons = within(row).getByTestId('flex-task-list-buttons');
    expect(Array.from(buttons.children, (child) => child.textContent)).toEqual(['PolyAI', 'Accept', 'Reject']);
  });

  it('is absent from other tasks', () => {
    init();
    render(<TaskListItem task={task({ type: 'inbound' })} />);
    expect(screen.queryByTestId('polyai-task-badge')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeInTheDocument();
  });
});

describe('opening the PolyAI tab when the agent accepts (auto_select_tab)', () => {
  const autoSelect = { custom_data: { polyai_context: { auto_select_tab: true } } };

  /** The agent selects the ringing task, then accepts it; Flex resets the canvas tab on each change. */
  let rerenderCanvas: (shown: ReturnType<typeof task>) => void;
  async function acceptInFlex(accepted: ReturnType<typeof task>): Promise<void> {
    const { rerender } = render(<TaskCanvasTabs task={accepted} />);
    rerenderCanvas = (shown) => rerender(<TaskCanvasTabs task={shown} />);
    await invoke('SelectTask', { sid: accepted.sid });
    await invoke('AcceptTask', { sid: accepted.sid, task: accepted });
  }

  it('shows Info after accepting unless the admin turned it on', async () => {
    init();
    await acceptInFlex(polyaiTask());
    expect(selectedTab()).toBe('Info');
  });

  it('opens the PolyAI tab when the accepted update arrives during the accept action', async () => {
    init(autoSelect);
    await acceptInFlex(polyaiTask());
    expect(mockFlexState.flex.worker.tasks.get('WR1')?.status).toBe('accepted');
    expect(selectedTab()).toBe('PolyAI Context');
    expect(within(polyaiPanel()).getByTestId('polyai-context')).toBeVisible();
  });

  it('opens it when TaskRouter\'s accepted update comes after the action (Flex\'s reset then comes last)', async () => {
    const { reservationUpdate } = resetFlex({ acceptedUpdate: 'manual' });
    init(autoSelect);
    await acceptInFlex(polyaiTask());
    await act(() => reservationUpdate('WR1', 'accepted'));
    expect(selectedTab()).toBe('PolyAI Context');
  });

  it('leaves Info on a task without PolyAI data', async () => {
    init({ custom_data: { polyai_context: { auto_select_tab: true, always_show: true } } });
    await acceptInFlex(task({ type: 'inbound' }));
    expect(tabLabels()).toEqual(['Info', 'PolyAI Context']);
    expect(selectedTab()).toBe('Info');
  });

  it('keeps the tab the agent chose before the accepted update arrived', async () => {
    const { reservationUpdate } = resetFlex({ acceptedUpdate: 'manual' });
    init(autoSelect);
    await acceptInFlex(polyaiTask());
    openTab('Info');
    await act(() => reservationUpdate('WR1', 'accepted'));
    // Flex's reset after the update shows its first tab: not turned into ours, the agent had chosen.
    expect(selectedTab()).toBe('Info');
  });

  it('does not take over the canvas when the agent has moved to another task', async () => {
    const { reservationUpdate } = resetFlex({ acceptedUpdate: 'manual' });
    init(autoSelect);
    await act(() => reservationUpdate('WR2', 'accepted')); // a call the agent already has
    await acceptInFlex(polyaiTask('WR1'));
    await invoke('SelectTask', { sid: 'WR2' });
    rerenderCanvas(polyaiTask('WR2'));
    expect(selectedTab()).toBe('Info');
    await act(() => reservationUpdate('WR1', 'accepted'));
    expect(selectedTab()).toBe('Info');
  });
});
