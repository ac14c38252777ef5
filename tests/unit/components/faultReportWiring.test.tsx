/**
 * Views raise render faults; the container decides where they go (FaultReportContext): through Flex in the
 * plugin, the browser console for a view rendered on its own. Views import nothing of Flex.
 */
import React from 'react';
import { render, screen } from '@testing-library/react';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import * as Flex from '@twilio/flex-ui';
import { Manager, Monitor } from '@twilio/flex-ui';

import { PolyaiContextTab } from '../../../src/flex/container/PolyaiContextTab';
import { DEFAULT_CONFIG } from '../../../src/config';
import { HandoffContextView } from '../../../src/views/HandoffContextView/HandoffContextView';
import { parseHandoffContext } from '@polyai-context/model';

jest.mock('../../../src/views/HandoffContextView/formatValue', () => {
  const actual = jest.requireActual('../../../src/views/HandoffContextView/formatValue');
  return {
    formatValue: (field: { path: string }, ...rest: unknown[]) => {
      if (field.path === 'explodes') throw new Error('cannot format');
      return actual.formatValue(field, ...rest);
    },
  };
});

const TaskContextProvider = (Flex as unknown as { TaskContextProvider: React.Provider<{ task?: unknown }> }).TaskContextProvider;
const attributes = { call_sid: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9', polyai: { id: 'h1', data: { summary: 'Card blocked', explodes: 'x' } } };
const flexConfiguration = (configuration: Record<string, unknown>) => {
  (Manager.getInstance() as unknown as { configuration: Record<string, unknown> }).configuration = configuration;
};

let consoleError: jest.SpyInstance;
beforeEach(() => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  flexConfiguration({ debuggerIntegration: { enabled: true, console_errors_included: true } });
});
afterEach(() => {
  consoleError.mockRestore();
  flexConfiguration({});
});

const ourConsoleLines = () => consoleError.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith('[PolyaiContextPlugin]'));

describe('where render faults are reported', () => {
  it('the container reports them through Flex', () => {
    render(
      <CustomizationProvider baseTheme="default">
        <TaskContextProvider value={{ task: { sid: 'WR1', taskSid: 'WT1', attributes } }}>
          <PolyaiContextTab config={{ ...DEFAULT_CONFIG, functionsBaseUrl: null }} />
        </TaskContextProvider>
      </CustomizationProvider>,
    );
    expect(screen.getByText('Card blocked')).toBeInTheDocument();
    expect(Monitor.sendDebuggerEvent).toHaveBeenCalledTimes(1);
    expect((Monitor.sendDebuggerEvent as jest.Mock).mock.calls[0][0]).toBe('PolyAI Context tab: Error: cannot format');
  });

  it('a view on its own reports to the console, scrubbed, and never to Flex', () => {
    render(
      <CustomizationProvider baseTheme="default">
        <HandoffContextView context={parseHandoffContext(attributes)} />
      </CustomizationProvider>,
    );
    expect(screen.getByText('Card blocked')).toBeInTheDocument();
    expect(Monitor.sendDebuggerEvent).not.toHaveBeenCalled();
    expect(ourConsoleLines()).toEqual([expect.stringMatching(/^\[PolyaiContextPlugin\] Error: cannot format \(Components: .+\)$/)]);
  });
});
