import React from 'react';
import { render, screen } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';
import { CustomizationProvider } from '@twilio-paste/core/customization';

import { initPolyaiContext } from '../../../src/PolyaiContextPlugin';
import { CONTEXT_TAB_NAME } from '../../../src/flex-hooks/contextTab';
import { fixture } from '../../support/fixtures';

// The test double records what the plugin registers (see tests/__mocks__/@twilio/flex-ui.tsx).
const mock = Flex as unknown as typeof Flex & {
  TaskCanvasTabs: { Content: { fragments: Array<{ element: React.ReactElement; options: { sortOrder?: number; if?: (props: { task: unknown }) => boolean } }> } };
  TaskContextProvider: React.Provider<{ task?: unknown }>;
};

type TestManager = { strings: Record<string, string>; configuration: Record<string, unknown> };

function init(configuration: Record<string, unknown> = {}): TestManager {
  mock.TaskCanvasTabs.Content.fragments.length = 0;
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

const task = (attributes: unknown) => ({ sid: 'WR1', taskSid: 'WT1', attributes });

describe('plugin registration', () => {
  it('adds the PolyAI Context tab to the task canvas', () => {
    init();
    const { element, options } = registeredTab();
    expect(element.props.uniqueName).toBe(CONTEXT_TAB_NAME);
    expect(element.props.label).toBe('PolyAI Context');
    expect(options.sortOrder).toBe(10);
    expect(Flex.setProviders).toHaveBeenCalledWith({ PasteThemeProvider: CustomizationProvider });
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
    render(
      <CustomizationProvider baseTheme="default">
        <mock.TaskContextProvider value={{ task: task(fixture('task-attributes-studio.json')) }}>{registeredTab().element}</mock.TaskContextProvider>
      </CustomizationProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Call summary' })).toBeInTheDocument();
    expect(screen.getByText(/disputes a duplicate 42\.50 charge/)).toBeInTheDocument();
  });
});
