import React, { useState } from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

import { HandoffContextView } from '../../../src/views/HandoffContextView/HandoffContextView';
import * as formatValueModule from '../../../src/views/HandoffContextView/formatValue';
import { nextRowsPerFrame, ROW_FRAME_BUDGET_MS, ROWS_FIRST_FRAME, ROWS_PER_FRAME_MAX, ROWS_PER_FRAME_MIN } from '../../../src/views/HandoffContextView/sections/CapturedFieldsSection';
import { TabOpenedContext } from '../../../src/views/common/tabOpened';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/config';
import { parseHandoffContext } from '@polyai-context/model';
import type { SupportedLanguage } from '../../../src/strings';
import { copyAllLines, fakeClipboard, renderInLanguage, renderWithPaste } from '../../support/render';

const data = {
  summary: 'Card dispute',
  intent: 'dispute_charge',
  intent_confidence: 0.65,
  slots: { charge_amount: '1234.50', charge_date: '2026-11-14', merchant: 'Streamly' },
  card: { number: '4111111111111111', expiry: '12/29' },
  dob: '1988-05-04',
  notes: 'called twice',
  internal: { trace_id: 'abc' },
};

function renderFields(rawConfig: unknown = {}, language: SupportedLanguage = 'en-US') {
  const { config } = parseConfig(rawConfig);
  return renderInLanguage(<HandoffContextView context={parseHandoffContext({ polyai: { data } })} config={config} />, language);
}

const fields = () => screen.getByTestId('polyai-section-fields');
const rowOf = (label: string) => within(fields()).getByRole('rowheader', { name: label }).closest('tr') as HTMLElement;
const groupNames = () => within(fields()).queryAllByRole('heading', { level: 4 }).map((heading) => heading.textContent);

const clipboard = fakeClipboard();

describe('captured fields', () => {
  it('groups nested values under their parent, with locale-aware values', () => {
    renderFields();
    expect(groupNames()).toEqual(['Slots', 'Card', 'Internal']);
    expect(rowOf('Charge Amount')).toHaveTextContent('1,234.50');
    expect(rowOf('Charge Date')).toHaveTextContent('Nov 14, 2026');
    expect(rowOf('Notes')).toHaveTextContent('called twice');
  });

  it('formats dates and numbers for the agent language', () => {
    renderFields({}, 'de-DE');
    expect(screen.getByRole('heading', { name: 'Erfasste Daten' })).toBeInTheDocument();
    expect(rowOf('Charge Amount')).toHaveTextContent('1.234,50');
    expect(rowOf('Charge Date')).toHaveTextContent('14.11.2026');
  });

  it('applies admin labels, order and hidden fields', () => {
    renderFields({
      field_labels: { 'slots.charge_amount': 'Amount', notes: 'Agent notes', card: 'Payment card' },
      field_order: ['notes', 'slots.merchant'],
      hidden_fields: ['internal', 'dob'],
    });
    expect(groupNames()).toEqual(['Slots', 'Payment card']);
    expect(within(fields()).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      'Agent notes',
      'Merchant',
      'Amount',
      'Charge Date',
      'Number',
      'Expiry',
    ]);
    expect(within(fields()).queryByText('abc')).not.toBeInTheDocument();
  });

  it('heads top-level values "Other" when an admin orders a group above them', () => {
    renderFields({ field_order: ['slots'] });
    expect(groupNames()).toEqual(['Slots', 'Other', 'Card', 'Internal']);
  });

  it('masks sensitive values until revealed, per field', () => {
    renderFields();
    const number = rowOf('Number');
    expect(number).toHaveTextContent('••••••••');
    expect(number).not.toHaveTextContent('4111');
    expect(within(number).getByText('Hidden sensitive value')).toBeInTheDocument();
    expect(rowOf('DOB')).toHaveTextContent('••••••••');
    expect(within(number).getByRole('button', { name: 'Copy Card › Number' })).toBeDisabled();

    const reveal = within(number).getByRole('button', { name: 'Show Card › Number' });
    expect(reveal).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(reveal);
    expect(reveal).toHaveAttribute('aria-pressed', 'true');
    expect(number).toHaveTextContent('4111111111111111');
    expect(rowOf('DOB')).not.toHaveTextContent('1988');
    fireEvent.click(reveal);
    expect(number).not.toHaveTextContent('4111');
  });

  it('masks with admin patterns instead of the defaults', () => {
    renderFields({ mask_patterns: ['^notes$'] });
    expect(rowOf('Notes')).toHaveTextContent('••••••••');
    expect(rowOf('Number')).toHaveTextContent('4111111111111111');
  });

  it('copies one value and says so', async () => {
    renderFields();
    fireEvent.click(within(rowOf('Merchant')).getByRole('button', { name: 'Copy Slots › Merchant' }));
    expect(await screen.findByText('Slots › Merchant copied to the clipboard')).toBeInTheDocument();
    expect(clipboard).toEqual(['Streamly']);
  });

  it('copies everything the tab shows as text, masked values masked unless revealed', async () => {
    renderFields();
    await expect(copyAllLines(clipboard)).resolves.toEqual([
      'Verification unknown · Dispute charge (65% confidence)',
      // The call's times as the tab shows them: no record loaded, no task time from Flex.
      "With PolyAI: not known: needs PolyAI's conversation record · Since handoff: not known: neither Flex nor PolyAI gave the handoff time",
      '',
      'Summary',
      'Card dispute',
      '',
      'Captured fields',
      'DOB: ••••••••',
      'Notes: called twice',
      'Slots › Charge Amount: 1,234.50',
      'Slots › Charge Date: Nov 14, 2026',
      'Slots › Merchant: Streamly',
      'Card › Number: ••••••••',
      'Card › Expiry: ••••••••',
      'Internal › Trace ID: abc',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Show Card › Number' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(clipboard).toHaveLength(2));
    expect(clipboard[1]).toContain('Card › Number: 4111111111111111');
    expect(clipboard[1]).toContain('DOB: ••••••••');
  });

  it('falls back to execCommand when the Clipboard API is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: jest.fn(async () => Promise.reject(new Error('denied'))) } });
    const execCommand = jest.fn(() => true);
    Object.defineProperty(document, 'execCommand', { configurable: true, value: execCommand });
    renderFields();
    await act(async () => {
      fireEvent.click(within(rowOf('Notes')).getByRole('button', { name: 'Copy Notes' }));
    });
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(await screen.findByText('Notes copied to the clipboard')).toBeInTheDocument();
    execCommand.mockReturnValue(false);
    fireEvent.click(within(rowOf('Notes')).getByRole('button', { name: 'Copy Notes' }));
    expect(await screen.findByText('Could not copy to the clipboard')).toBeInTheDocument();
  });
});

describe('at a glance', () => {
  it('renders a long list a frame at a time, with copy-all whole from the first frame', async () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`field_${String(index).padStart(3, '0')}`, `value ${index}`]));
    renderWithPaste(<HandoffContextView context={parseHandoffContext({ polyai: { data: many } })} config={DEFAULT_CONFIG} />);
    // Row headers by selector: role queries over many rows are slow in jsdom.
    const rowHeaders = () => fields().querySelectorAll('[role="rowheader"]');
    // The first frame: a bounded number of rows, the table marked busy until the rest arrive.
    expect(rowHeaders()).toHaveLength(ROWS_FIRST_FRAME);
    expect(fields().querySelector('table')).toHaveAttribute('aria-busy', 'true');
    fireEvent.click(screen.getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(clipboard).toHaveLength(1));
    // Copy all copies the whole tab: every captured field is in it, the last one included.
    const copiedLines = clipboard[0].split('\n');
    expect(copiedLines.filter((line) => /^Field \d{3}: value \d+$/.test(line))).toHaveLength(100);
    expect(copiedLines).toContain('Field 099: value 99');
    await waitFor(() => expect(rowHeaders()).toHaveLength(100), { timeout: 10_000 });
    expect(fields().querySelector('table')).toHaveAttribute('aria-busy', 'false');
    expect(rowHeaders()[99].closest('tr')).toHaveTextContent('Field 099value 99');
  }, 30_000);

  it('keeps every field in the DOM, in one table of rows with row headers, once the rows have arrived', async () => {
    // Every row stays in the page: find-in-page and screen readers need each one, not only those on screen.
    const count = 103;
    const many = Object.fromEntries(Array.from({ length: count }, (_, index) => [`field_${String(index).padStart(3, '0')}`, `value ${index}`]));
    renderWithPaste(<HandoffContextView context={parseHandoffContext({ polyai: { data: { ...many, card_number: '4111111111111111' } } })} config={DEFAULT_CONFIG} />);
    const table = () => within(fields()).getByRole('table');
    await waitFor(() => expect(table().querySelectorAll('[role="rowheader"]')).toHaveLength(count + 1), { timeout: 10_000 });
    expect(table()).toHaveAttribute('aria-busy', 'false');
    const labels = Array.from(table().querySelectorAll('[role="rowheader"]'), (cell) => cell.textContent);
    expect(labels.slice(0, count)).toEqual(Array.from({ length: count }, (_, index) => `Field ${String(index).padStart(3, '0')}`));
    // Each row is a row of the table, under its column headers, with its value in a cell.
    expect(within(table()).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Field', 'Value']);
    expect(Array.from(table().querySelectorAll('tbody > tr'), (row) => row.querySelector('[role="rowheader"]')?.textContent)).toEqual(labels);
    const last = rowOf(`Field ${String(count - 1).padStart(3, '0')}`);
    expect(within(last).getByRole('cell')).toHaveTextContent(`value ${count - 1}`);
    // The masked field after a hundred others reveals as any other.
    const card = rowOf('Card Number');
    expect(card).not.toHaveTextContent('4111');
    fireEvent.click(within(card).getByRole('button', { name: 'Show Card Number' }));
    expect(card).toHaveTextContent('4111111111111111');
  }, 30_000);

  it('builds a screen of rows while the tab is hidden, and every row once the agent opens it', async () => {
    // Flex keeps the tab mounted and hidden until it is opened: a hidden tab (this task's or another's)
    // must not spend the agent's frames on rows nobody sees, and must lose none of them once shown.
    let open = (): void => undefined;
    function OpenedLater({ children }: { children: React.ReactNode }): JSX.Element {
      const [opened, setOpened] = useState(false);
      open = () => setOpened(true);
      return <TabOpenedContext.Provider value={opened}>{children}</TabOpenedContext.Provider>;
    }
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`field_${String(index).padStart(3, '0')}`, `value ${index}`]));
    renderWithPaste(
      <OpenedLater>
        <HandoffContextView context={parseHandoffContext({ polyai: { data: many } })} config={DEFAULT_CONFIG} />
      </OpenedLater>,
    );
    const rowHeaders = () => fields().querySelectorAll('[role="rowheader"]');
    await act(async () => {
      for (let frame = 0; frame < 10; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(rowHeaders()).toHaveLength(ROWS_FIRST_FRAME);
    expect(fields().querySelector('table')).toHaveAttribute('aria-busy', 'true');
    // Copy all is whole while the rest wait.
    fireEvent.click(screen.getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(clipboard).toHaveLength(1));
    expect(clipboard[0].split('\n')).toContain('Field 099: value 99');
    act(() => open());
    await waitFor(() => expect(rowHeaders()).toHaveLength(100), { timeout: 10_000 });
    expect(fields().querySelector('table')).toHaveAttribute('aria-busy', 'false');
    expect(rowHeaders()[99].closest('tr')).toHaveTextContent('Field 099value 99');
  }, 30_000);

  it('sizes each frame of rows by how long the last frame took, within bounds', () => {
    // A frame at the budget keeps its size; a shorter one grows (by at most half), a longer one shrinks.
    expect(nextRowsPerFrame(20, ROW_FRAME_BUDGET_MS)).toBe(20);
    expect(nextRowsPerFrame(20, ROW_FRAME_BUDGET_MS * 2)).toBe(10);
    expect(nextRowsPerFrame(20, ROW_FRAME_BUDGET_MS / 1.25)).toBe(25);
    expect(nextRowsPerFrame(20, 1)).toBe(30);
    // Never so few that a long list takes seconds, never so many that one frame stalls.
    expect(nextRowsPerFrame(20, 1_000)).toBe(ROWS_PER_FRAME_MIN);
    expect(nextRowsPerFrame(ROWS_PER_FRAME_MAX, 1)).toBe(ROWS_PER_FRAME_MAX);
    expect(ROWS_PER_FRAME_MIN).toBeLessThan(ROWS_PER_FRAME_MAX);
  });

  it('formats each row once, with one number formatter, however many frames the list takes', async () => {
    // Rows already shown must not render again as later frames add rows: 500 rows re-rendered on each of
    // 25 frames made every frame slower than the last (see `npm run bench`).
    const formatted = jest.spyOn(formatValueModule, 'formatValue');
    const numberFormats = jest.spyOn(Intl, 'NumberFormat');
    const amounts = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`amount_${String(index).padStart(3, '0')}`, `${index}.50`]));
    renderWithPaste(<HandoffContextView context={parseHandoffContext({ polyai: { data: amounts } })} config={DEFAULT_CONFIG} />);
    await waitFor(() => expect(fields().querySelectorAll('[role="rowheader"]')).toHaveLength(100), { timeout: 10_000 });
    expect(rowOf('Amount 099')).toHaveTextContent('99.50');
    const timesPerField = new Map<string, number>();
    for (const [field] of formatted.mock.calls) timesPerField.set(field.path, (timesPerField.get(field.path) ?? 0) + 1);
    expect(timesPerField.size).toBe(100);
    expect(Math.max(...timesPerField.values())).toBe(1);
    // Every amount has two decimals: one formatter for all of them (per locale and options).
    expect(numberFormats.mock.calls.length).toBeLessThanOrEqual(1);
  }, 30_000);

  it('colours the confidence badge by the configured thresholds', () => {
    const view = (thresholds: unknown) =>
      renderWithPaste(<HandoffContextView context={parseHandoffContext({ polyai: { data } })} config={parseConfig({ confidence_thresholds: thresholds }).config} />);
    const badge = () => within(screen.getByTestId('polyai-section-handoff')).getByText('65% confidence');
    const first = view({ high: 0.6, medium: 0.3 });
    const high = badge().className;
    first.unmount();
    const second = view({ high: 0.9, medium: 0.7 });
    const low = badge().className;
    second.unmount();
    view(DEFAULT_CONFIG.confidenceThresholds);
    const medium = badge().className;
    expect(new Set([high, low, medium]).size).toBe(3);
  });

  it('puts the summary first and the last words before the caller details', () => {
    renderWithPaste(<HandoffContextView context={parseHandoffContext({ polyai: { data: { ...data, utterance: 'help', caller_name: 'Jo' } } })} />);
    const order = screen.getAllByTestId(/^polyai-section-/).map((element) => element.dataset.testid);
    expect(order).toEqual([
      'polyai-section-summary',
      'polyai-section-handoff',
      'polyai-section-verification',
      'polyai-section-utterance',
      'polyai-section-caller',
      'polyai-section-fields',
    ]);
  });
});
