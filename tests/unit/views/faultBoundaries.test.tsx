/**
 * One value that cannot render costs its row or section, never the tab, and "Try again"
 * retries only that part. The transcript time 1e16 that used to throw now renders without a time.
 */
import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import * as Flex from '@twilio/flex-ui';
import { Manager, Monitor } from '@twilio/flex-ui';

import { DEFAULT_CONFIG } from '../../../src/config';
import { PolyaiContextTab } from '../../../src/flex/container/PolyaiContextTab';
import { HandoffContextView } from '../../../src/views/HandoffContextView/HandoffContextView';
import { TranscriptList } from '../../../src/views/Transcript/TranscriptList';
import { shownTurns } from '../../../src/views/Transcript/shownTurns';
import { parseConversation, parseHandoffContext, type ConversationTurn } from '@polyai-context/model';
import { asTaskAttributes, fixture } from '../../support/fixtures';
import { renderWithPaste } from '../../support/render';
import { rowsOf } from '../../support/conversationRows';

jest.mock('../../../src/views/HandoffContextView/formatValue', () => {
  const actual = jest.requireActual('../../../src/views/HandoffContextView/formatValue');
  return {
    ...actual,
    formatValue: (field: { path: string }, ...rest: unknown[]) => {
      if (field.path === 'explodes') throw new Error('cannot format');
      return actual.formatValue(field, ...rest);
    },
  };
});

const verified = () => parseHandoffContext(asTaskAttributes(fixture('handoff-state-verified.json')));
const section = (id: string) => screen.getByTestId(`polyai-section-${id}`);
const turn = (text: string, time: number | null): ConversationTurn => ({ index: 0, speaker: 'caller', text, dtmf: null, translation: null, time, intents: [], entities: [], silence: false, outOfDomain: false });

let consoleError: jest.SpyInstance;
beforeEach(() => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined); // React logs caught faults
});
afterEach(() => consoleError.mockRestore());

describe('fault boundaries per section and per row', () => {
  it('renders a transcript turn whose time is 1e16 without its time, beside the summary', () => {
    const turns = [turn('I was charged twice', 1e16), { ...turn('Thanks', 1763630043000), index: 1 }];
    renderWithPaste(<HandoffContextView context={verified()} transcript={<TranscriptList turns={turns} shown={shownTurns(turns, () => null, new Set(), (shown) => shown)} query="" active={null} reveal={{ revealed: new Set(), onToggle: () => undefined }} />} />);
    expect(section('summary')).toHaveTextContent('Verified caller disputes a duplicate 42.50 charge');
    expect(screen.getByText('I was charged twice')).toBeInTheDocument();
    expect(screen.queryByTestId('polyai-part-fault')).not.toBeInTheDocument();
  });

  it('keeps 1e16 and other out-of-range times out of the model', () => {
    const conversation = parseConversation({ turns: [{ user_input: 'a', timestamp: 1e16 }, { user_input: 'b', timestamp: '+275760-09-14T00:00:00.001Z' }, { user_input: 'c', timestamp: -9e15 }] });
    expect(rowsOf(conversation.turns).map((item) => item.time)).toEqual([null, null, null]);
  });

  it('a section that throws shows a note in its place; the rest of the tab stays, and Try again retries only it', () => {
    let fail = true;
    function Fragile(): JSX.Element {
      if (fail) throw new Error('render fault');
      return <p>Transcript back</p>;
    }
    renderWithPaste(<HandoffContextView context={verified()} transcript={<Fragile />} />);
    expect(screen.getByTestId('polyai-part-fault')).toHaveTextContent('This part of the tab could not be shown.');
    expect(section('summary')).toBeInTheDocument();
    expect(section('fields')).toBeInTheDocument();
    expect(screen.queryByText('The PolyAI Context tab hit a problem')).not.toBeInTheDocument();

    fireEvent.click(within(screen.getByTestId('polyai-part-fault')).getByRole('button', { name: 'Try again' }));
    expect(screen.getByTestId('polyai-part-fault')).toBeInTheDocument(); // still failing: the note again, nothing else lost
    expect(section('summary')).toBeInTheDocument();

    fail = false;
    fireEvent.click(within(screen.getByTestId('polyai-part-fault')).getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Transcript back')).toBeInTheDocument();
    expect(screen.queryByTestId('polyai-part-fault')).not.toBeInTheDocument();
  });

  it('a captured value that cannot be formatted costs only its row', () => {
    const attributes = asTaskAttributes({ id: 'CA1', data: { summary: 'S', explodes: 'x', order_number: 'A-1' } });
    renderWithPaste(<HandoffContextView context={parseHandoffContext(attributes)} />);
    const fields = section('fields');
    expect(within(fields).getByTestId('polyai-part-fault')).toHaveTextContent('This value could not be shown.');
    expect(fields).toHaveTextContent('Order NumberA-1');
    expect(section('summary')).toHaveTextContent('S');
  });

  it('new task data clears a fault by itself', () => {
    const attributes = asTaskAttributes({ id: 'CA1', data: { explodes: 'x' } });
    const { rerender } = renderWithPaste(<HandoffContextView context={parseHandoffContext(attributes)} />);
    expect(screen.getByTestId('polyai-part-fault')).toBeInTheDocument();
    rerender(<HandoffContextView context={parseHandoffContext(asTaskAttributes({ id: 'CA1', data: { calm: 'x' } }))} />);
    expect(screen.queryByTestId('polyai-part-fault')).not.toBeInTheDocument();
  });
});

/** Views raise render faults; the container decides where they go (FaultReportContext). Views import no Flex. */
describe('where render faults are reported', () => {
  const TaskContextProvider = (Flex as unknown as { TaskContextProvider: React.Provider<{ task?: unknown }> }).TaskContextProvider;
  const attributes = { call_sid: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9', polyai: { id: 'h1', data: { summary: 'Card blocked', explodes: 'x' } } };
  const debuggerIntegration = (enabled: boolean) => {
    (Manager.getInstance() as unknown as { configuration: Record<string, unknown> }).configuration = enabled ? { debuggerIntegration: { enabled: true, console_errors_included: true } } : {};
  };
  beforeEach(() => debuggerIntegration(true));
  afterEach(() => debuggerIntegration(false));

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
    const ours = consoleError.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith('[PolyaiContextPlugin]'));
    expect(ours).toEqual([expect.stringMatching(/^\[PolyaiContextPlugin\] Error: cannot format \(Components: .+\)$/)]);
  });
});
