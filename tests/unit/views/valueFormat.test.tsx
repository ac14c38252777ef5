/**
 * One formatter for a value wherever it appears: captured fields, transcript badges, "What PolyAI did" and
 * "Copy all" show the same date the same way, and an amount with the currency PolyAI's data names, else the
 * admin's (config `currency`).
 */
import React from 'react';
import { screen } from '@testing-library/react';

import { HandoffContextView } from '../../../src/views/HandoffContextView/HandoffContextView';
import { currencyIn, formatText } from '../../../src/views/HandoffContextView/formatValue';
// The transcript with its call, as the tab's container renders it.
import { ConversationTranscript as TranscriptSection } from '../../../src/flex/container/ConversationTranscript';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/config';
import { parseConversation, parseHandoffContext } from '@polyai-context/model';
import { asTaskAttributes, fixture } from '../../support/fixtures';
import { copyAllLines, fakeClipboard, renderInLanguage } from '../../support/render';
import { wholeCall } from '../../support/transcriptSource';

const copied = fakeClipboard();
const verified = fixture('handoff-state-verified.json') as { id: string; data: Record<string, unknown> };

function renderView(data: Record<string, unknown>, currency: string | null, locale = 'en-US', withTranscript = true) {
  const transcript = withTranscript && (
    <TranscriptSection source={{ status: 'available', ...wholeCall(async () => ({ ok: true, conversation: parseConversation(fixture('conversation.json')) })) }} maskPatterns={DEFAULT_CONFIG.maskPatterns} />
  );
  return renderInLanguage(
    <HandoffContextView context={parseHandoffContext(asTaskAttributes({ ...verified, data }))} config={{ ...DEFAULT_CONFIG, currency }} transcript={transcript} />,
    'en-US',
    locale,
  );
}

const fieldValue = (label: string) => (screen.getByRole('rowheader', { name: label }).closest('tr') as HTMLElement).querySelectorAll('td')[1];

describe('one formatter for a value', () => {
  it('shows the date the same in the fields, the badges and Copy all', async () => {
    renderView(verified.data, null);
    expect(fieldValue('Charge Date')).toHaveTextContent('Nov 14, 2026');
    const badge = await screen.findByText('Charge Date: Nov 14, 2026', {}, { timeout: 10_000 });
    expect(badge.closest('[data-paste-element="BADGE"]')).not.toBeNull();
    expect(await copyAllLines(copied)).toContain('Slots › Charge Date: Nov 14, 2026');
  });

  it('shows an amount with the admin\'s currency when the data names none, everywhere', async () => {
    renderView(verified.data, 'GBP', 'en-GB');
    expect(fieldValue('Charge Amount')).toHaveTextContent('£42.50');
    expect(await screen.findByText('Charge Amount: £42.50', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(await copyAllLines(copied)).toContain('Slots › Charge Amount: £42.50');
  });

  it('prefers the currency the data names, and leaves amounts plain with none', () => {
    const { unmount } = renderView({ ...verified.data, slots: { charge_amount: '42.50', currency: 'eur' } }, 'GBP', 'en-GB', false);
    expect(fieldValue('Charge Amount')).toHaveTextContent('€42.50');
    unmount();
    renderView(verified.data, null, 'en-GB', false);
    expect(fieldValue('Charge Amount')).toHaveTextContent(/^42\.50$/);
  });

  it('formats only amounts under money keys, in the agent\'s locale', () => {
    expect(formatText('42.50', 'charge_amount', 'de-DE', 'EUR')).toBe('42,50\u00a0€');
    expect(formatText('42.5', 'totalAmount', 'en-US', 'USD')).toBe('$42.50');
    expect(formatText('12', 'refund', 'en-US', 'USD')).toBe('$12.00');
    expect(formatText('12', 'order_id', 'en-US', 'USD')).toBe('12');
    expect(formatText('12 pounds', 'amount', 'en-US', 'USD')).toBe('12 pounds');
    expect(formatText('42.50', 'charge_amount', 'en-US', null)).toBe('42.50');
    expect(formatText('2026-11-14', 'charge_date', 'en-US', 'USD')).toBe('Nov 14, 2026');
  });

  it('finds the data\'s currency by its key, as a three-letter code only', () => {
    const fields = (data: Record<string, unknown>) => parseHandoffContext(asTaskAttributes({ id: 'CA1', data })).fields;
    expect(currencyIn(fields({ slots: { currency: ' gbp ' } }))).toBe('GBP');
    expect(currencyIn(fields({ currency_code: 'USD' }))).toBe('USD');
    expect(currencyIn(fields({ currency: 'pounds' }))).toBeNull();
    expect(currencyIn(fields({ currency_symbol: 'GBP' }))).toBeNull();
  });

  it('reads the admin\'s currency as an ISO 4217 code', () => {
    expect(parseConfig({ currency: 'gbp' }).config.currency).toBe('GBP');
    expect(parseConfig({ currency: null }).config.currency).toBeNull();
    const { config, warnings } = parseConfig({ currency: '£' });
    expect(config.currency).toBeNull();
    expect(warnings).toEqual(['polyai_context.currency must be a three-letter ISO 4217 currency code such as "GBP"; using null.']);
  });
});

