import React from 'react';
import { screen, within } from '@testing-library/react';

import { HandoffContextView } from '../../../src/views/HandoffContextView/HandoffContextView';
import { parseHandoffContext } from '@polyai-context/model';
import { asTaskAttributes, fixture } from '../../support/fixtures';
import { renderWithPaste } from '../../support/render';

function renderAttributes(attributes: unknown) {
  return renderWithPaste(<HandoffContextView context={parseHandoffContext(attributes)} />);
}

const section = (id: string) => screen.getByTestId(`polyai-section-${id}`);

/** Body rows of every captured-field table, as "LabelValue" text (buttons are named by aria-label). */
const fieldRows = () =>
  within(section('fields'))
    .getAllByRole('row')
    .filter((row) => within(row).queryByRole('rowheader'))
    .map((row) => row.textContent);

describe('HandoffContextView', () => {
  it('shows every section of the verified sample', () => {
    renderAttributes(asTaskAttributes(fixture('handoff-state-verified.json')));

    expect(within(section('summary')).getByRole('heading', { name: 'Summary' })).toBeInTheDocument();
    expect(section('summary')).toHaveTextContent('Verified caller disputes a duplicate 42.50 charge from 14 Nov');

    const handoff = section('handoff');
    expect(handoff).toHaveTextContent('IntentDispute charge91% confidence');
    expect(handoff).toHaveTextContent('ReasonBilling dispute');
    expect(handoff).toHaveTextContent('DestinationBilling queue');

    const verification = section('verification');
    expect(within(verification).getByText('Verified')).toBeInTheDocument();
    expect(verification).toHaveTextContent('MethodDOB and postcode');
    expect(verification).toHaveTextContent('Attempts1');

    const caller = section('caller');
    expect(caller).toHaveTextContent('NameJordan Ellis');
    expect(caller).toHaveTextContent('Customer ID12345');
    // PolyAI masked the account number already: shown as sent, with nothing to reveal.
    expect(caller).toHaveTextContent('Account number****6789');
    expect(within(caller).queryByRole('button', { name: /^Show / })).not.toBeInTheDocument();
    expect(caller).toHaveTextContent('Languageen-GB');

    expect(section('utterance')).toHaveTextContent('“I was charged twice for my subscription and I want the second one refunded”');

    // Grouped under their parent, dates and decimals in the agent's locale (en-US here).
    expect(within(section('fields')).getByRole('heading', { name: 'Slots' })).toBeInTheDocument();
    expect(fieldRows()).toEqual(['Charge Amount42.50', 'Charge DateNov 14, 2026', 'MerchantStreamly Premium']);
    expect(section('reference')).toHaveTextContent('Handoff IDCA5f1d2c3b4a5968778695a4b3c2d1e0f9');
    expect(section('reference')).toHaveTextContent('Shared IDacme_2026-11-20_7f3c9a');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows an unverified caller and their last words', () => {
    renderAttributes(asTaskAttributes(fixture('handoff-state-unverified.json')));
    expect(within(section('verification')).getByText('Not verified')).toBeInTheDocument();
    expect(section('verification')).toHaveTextContent('MethodAccount number');
    expect(section('verification')).toHaveTextContent('Attempts3');
    expect(section('handoff')).toHaveTextContent('ReasonCaller requested agent');
    expect(section('handoff')).toHaveTextContent('IntentNot provided');
    expect(section('summary')).toHaveTextContent('PolyAI did not send a summary for this call.');
    expect(section('utterance')).toHaveTextContent('agent. AGENT. just let me talk to a person');
    expect(section('caller')).toHaveTextContent('Languagees-ES');
  });

  it('shows the minimal sample with its captured data', () => {
    renderAttributes(asTaskAttributes(fixture('handoff-state-minimal.json')));
    expect(section('handoff')).toHaveTextContent('ReasonSuccessfully identified');
    expect(section('caller')).toHaveTextContent('Customer ID12345');
    expect(within(section('verification')).getByText('Verification unknown')).toBeInTheDocument();
    expect(section('fields')).toHaveTextContent('No other fields were captured.');
    expect(screen.queryByTestId('polyai-section-utterance')).not.toBeInTheDocument();
  });

  it('shows Studio, JSON-string and flat task attributes', () => {
    const { unmount } = renderAttributes(fixture('task-attributes-studio.json'));
    expect(section('summary')).toHaveTextContent('Verified caller disputes a duplicate 42.50 charge');
    expect(section('handoff')).toHaveTextContent('IntentDispute charge');
    expect(within(section('verification')).getByText('Verified')).toBeInTheDocument();
    unmount();

    const json = renderAttributes(fixture('task-attributes-json-string.json'));
    expect(section('handoff')).toHaveTextContent('ReasonLost card');
    expect(section('caller')).toHaveTextContent('Customer IDC-998');
    expect(section('utterance')).toHaveTextContent('I lost my card yesterday');
    json.unmount();

    renderAttributes(fixture('task-attributes-flat.json'));
    expect(section('summary')).toHaveTextContent('Caller moved house and wants to update their billing address.');
    expect(section('handoff')).toHaveTextContent('IntentUpdate address');
    expect(section('handoff')).toHaveTextContent('ReasonAddress change');
    expect(section('caller')).toHaveTextContent('Customer IDC-42');
  });

  it('says plainly when PolyAI data could not be fetched', () => {
    renderAttributes(fixture('task-attributes-fetch-failed.json'));
    const alert = screen.getByText('PolyAI context unavailable').closest('[role="alert"]');
    expect(alert).toHaveTextContent('could not be loaded');
    // Said for the agent; the Function's own words stay in the technical details for the admin.
    expect(alert).toHaveTextContent('Reason: PolyAI took too long to answer.');
    expect(alert).not.toHaveTextContent('Reason: PolyAI Handoff API');
    expect(alert).toHaveTextContent('HTTP 504: PolyAI Handoff API did not answer within 3000 ms');
    expect(screen.queryByTestId('polyai-section-summary')).not.toBeInTheDocument();
    expect(section('reference')).toHaveTextContent('Call SIDCA99990000111122223333444455556666');
  });

  it('shows an empty state for a task without PolyAI data', () => {
    renderAttributes({ type: 'inbound', name: 'Alex' });
    expect(screen.getByText('No PolyAI context')).toBeInTheDocument();
    expect(screen.getByText('This task did not come through the PolyAI voice assistant.')).toBeInTheDocument();
    expect(screen.queryByTestId('polyai-section-fields')).not.toBeInTheDocument();
  });

  it('shows what it could read and lists the problems for partial data', () => {
    renderAttributes({ polyai: { data: { summary: 'Readable', verification: 'garbled', notes: 'kept' } } });
    const alert = screen.getByText('Some PolyAI context could not be read').closest('[role="status"], [role="alert"]');
    expect(alert).toHaveTextContent('1 problem found:');
    expect(alert).toHaveTextContent('verification: This value could not be read.');
    expect(alert).toHaveTextContent('field-invalid at verification: Expected verification details, found text.');
    expect(section('summary')).toHaveTextContent('Readable');
    expect(fieldRows()).toEqual(['Verificationgarbled', 'Noteskept']);
  });

  it('renders every kind of captured value as text', () => {
    renderAttributes({ polyai: { data: { vip: true, balance: 12.5, blocked: false, note: null, tags: [], html: '<img src=x onerror=alert(1)>' } } });
    expect(fieldRows()).toEqual(['VIPYes', 'Balance12.5', 'BlockedNo', 'Note(none)', 'Tags(empty)', 'Html<img src=x onerror=alert(1)>']);
    expect(section('fields').querySelector('img')).toBeNull();
  });
});
