import React from 'react';
import { fireEvent, screen } from '@testing-library/react';
import { Manager, Monitor } from '@twilio/flex-ui';

import { HandoffContextView } from '../../../src/views/HandoffContextView/HandoffContextView';
import { TabErrorBoundary } from '../../../src/views/TabErrorBoundary/TabErrorBoundary';
import { parseHandoffContext, type CapturedField, type HandoffContext } from '@polyai-context/model';
import { componentNames, scrubMessage } from '../../../src/views/common/faultReport';
import { asTaskAttributes, fixture } from '../../support/fixtures';
import { renderWithPaste } from '../../support/render';

// What a caller told PolyAI: none of it may reach a report.
const CALLER_DATA = ['Jordan Ellis', '4111 1111 1111 1111', 'jordan@example.com', '+44 20 7946 0958', 'SW1A 1AA', '1984-02-29'];

/** A captured value that blows up when the view turns it into text, with caller data in the error. */
function poisonedContext(): { context: HandoffContext; heal: () => void } {
  const context = parseHandoffContext(asTaskAttributes(fixture('handoff-state-verified.json')));
  let broken = true;
  const value = {
    toString(): string {
      if (!broken) return 'recovered value';
      const error = new TypeError(`Cannot format "${CALLER_DATA[0]}" card ${CALLER_DATA[1]} ${CALLER_DATA[2]} ${CALLER_DATA[3]} '${CALLER_DATA[4]}' ${CALLER_DATA[5]} https://crm.example.com/c?dob=1984`);
      Object.assign(error, { attributes: { caller_name: CALLER_DATA[0] } });
      throw error;
    },
  };
  const field: CapturedField = { path: 'poison', segments: ['poison'], label: 'Poison', kind: 'string', value: value as unknown as string };
  return { context: { ...context, fields: [...context.fields, field] }, heal: () => (broken = false) };
}

function sentReports(): string {
  return JSON.stringify((Monitor.sendDebuggerEvent as jest.Mock).mock.calls);
}

const flexConfiguration = (configuration: Record<string, unknown>) => {
  (Manager.getInstance() as unknown as { configuration: Record<string, unknown> }).configuration = configuration;
};

describe('fault isolation: a render fault stays in the tab', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    // React logs caught render errors to the console in tests; the assertions below read the report.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // An admin who enabled Flex's debugger integration: reports go to Monitor (see below for the default).
    flexConfiguration({ debuggerIntegration: { enabled: true, console_errors_included: true } });
  });
  afterEach(() => {
    consoleError.mockRestore();
    flexConfiguration({});
  });

  it("with Flex's default configuration, reports to the console (Monitor would drop it), scrubbed", () => {
    flexConfiguration({});
    const { context } = poisonedContext();
    renderWithPaste(
      <TabErrorBoundary>
        <HandoffContextView context={context} />
      </TabErrorBoundary>,
    );
    expect(Monitor.sendDebuggerEvent).not.toHaveBeenCalled();
    const ours = consoleError.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith('[PolyaiContextPlugin]'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/^\[PolyaiContextPlugin\] PolyAI Context tab: TypeError: Cannot format <text> card <number>.*Section < CapturedFieldsSection/); // stack cut after 20 components (the captured fields' grid cells)
    for (const secret of [...CALLER_DATA, 'crm.example.com']) expect(ours[0]).not.toContain(secret);
  });

  it('reports to Flex without caller data, keeps the canvas working and recovers on retry', () => {
    const { context, heal } = poisonedContext();
    const onError = jest.fn();
    const canvasClick = jest.fn();
    renderWithPaste(
      <div>
        <button type="button" onClick={canvasClick}>Wrap up</button>
        <TabErrorBoundary onError={onError}>
          <HandoffContextView context={context} />
        </TabErrorBoundary>
      </div>,
    );

    // The fault costs only the poisoned row: the rest of the tab and the canvas stay.
    expect(screen.getByTestId('polyai-part-fault')).toHaveTextContent('This value could not be shown.');
    expect(screen.queryByText('The PolyAI Context tab hit a problem')).not.toBeInTheDocument();
    expect(screen.getByTestId('polyai-context')).toHaveTextContent('Jordan Ellis');
    fireEvent.click(screen.getByRole('button', { name: 'Wrap up' }));
    expect(canvasClick).toHaveBeenCalledTimes(1);

    expect(Monitor.sendDebuggerEvent).toHaveBeenCalledTimes(1);
    const [message, description] = (Monitor.sendDebuggerEvent as jest.Mock).mock.calls[0];
    expect(message).toMatch(/^PolyAI Context tab: TypeError: Cannot format <text> card <number>/);
    expect(description).toContain('CapturedFieldsSection');
    expect(description).toContain('Section < CapturedFieldsSection'); // the stack is cut after 20 components: the captured fields' grid cells push HandoffContextView past it
    const report = sentReports() + JSON.stringify(onError.mock.calls);
    for (const secret of [...CALLER_DATA, 'crm.example.com', 'caller_name', 'Jordan', '1111', '0958']) {
      expect(report).not.toContain(secret);
    }
    // Nothing from the task either: none of the sample's values is in the report.
    for (const value of ['Streamly', '12345', 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9', 'acme_2026']) expect(report).not.toContain(value);

    heal();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByTestId('polyai-context')).toHaveTextContent('recovered value');
    expect(screen.getByTestId('polyai-context')).toHaveTextContent('Jordan Ellis');
  });

  it('shows the note again when the retry fails, and still never throws out of the row', () => {
    const { context } = poisonedContext();
    renderWithPaste(
      <TabErrorBoundary>
        <HandoffContextView context={context} />
      </TabErrorBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByTestId('polyai-part-fault')).toHaveTextContent('This value could not be shown.');
    expect(screen.queryByText('The PolyAI Context tab hit a problem')).not.toBeInTheDocument();
    expect(Monitor.sendDebuggerEvent).toHaveBeenCalledTimes(2);
  });

  it('keeps the fallback when Flex reporting itself fails', () => {
    (Monitor.sendDebuggerEvent as jest.Mock).mockImplementationOnce(() => {
      throw new Error('Flex not initialised');
    });
    const { context } = poisonedContext();
    renderWithPaste(
      <TabErrorBoundary>
        <HandoffContextView context={context} />
      </TabErrorBoundary>,
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('report scrubbing', () => {
  it.each([
    ['quoted text', 'Unexpected token "Jordan" in slot', 'Unexpected token <text> in slot'],
    ['single-quoted text', "reading 'dob'", 'reading <text>'],
    ['card and phone numbers', 'card 4111-1111-1111-1111 phone +1 (415) 555-0100', 'card <number> phone <number>'],
    ['emails', 'mail jane.doe@example.org failed', 'mail <email> failed'],
    ['URLs of any scheme', 'fetch https://x.example/?ssn=1 and javascript:alert(1)', 'fetch <url> and <url>'],
    ['code-only messages untouched', "Cannot read properties of undefined (reading 'name')", 'Cannot read properties of undefined (reading <text>)'],
  ])('replaces %s', (_kind, input, expected) => {
    expect(scrubMessage(input)).toBe(expected);
  });

  it('cuts long messages', () => {
    expect(scrubMessage('x'.repeat(5000))).toHaveLength(201);
  });

  it('keeps only component names from a component stack', () => {
    const stack = '\n    in Fragile (at test.tsx:12)\n    in div\n    at TabErrorBoundary (http://localhost/plugin.js:1:2)\n    garbage "Jordan Ellis"';
    expect(componentNames(stack)).toEqual(['Fragile', 'div', 'TabErrorBoundary']);
    expect(componentNames(undefined)).toEqual([]);
  });
});
