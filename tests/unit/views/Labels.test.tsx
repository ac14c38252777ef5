/**
 * PolyAI's own words (intents, reasons, destinations, methods, field and function names, tags) in the agent's
 * language: the admin's labels for the tab's language (config `labels`), the humanised key otherwise.
 */
import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { PolyaiContextTab } from '../../../src/flex/container/PolyaiContextTab';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/config';
import { arrangeFields, labelForCode, labelForKey, labelForPath, parseHandoffContext, type FieldRules } from '@polyai-context/model';
import { asTaskAttributes, fixture } from '../../support/fixtures';
import { installFetch, jsonResponse } from '../../support/fetch';
import { fakeClipboard, renderWithPaste } from '../../support/render';

const TaskContextProvider = (Flex as unknown as { TaskContextProvider: React.Provider<{ task?: unknown }> }).TaskContextProvider;
const copied = fakeClipboard();

const SPANISH = {
  dispute_charge: 'Disputar un cargo',
  billing_dispute: 'Cargo en disputa',
  billing_queue: 'Cola de facturación',
  dob_and_postcode: 'Fecha de nacimiento y código postal',
  slots: 'Datos',
  charge_amount: 'Importe',
  lookup_charges: 'Buscar cargos',
  duplicate_charge: 'Cargo duplicado',
};
const { config: labelled, warnings } = parseConfig({ functions_base_url: 'https://polyai-1234.twil.io', labels: { 'es-ES': SPANISH } });

function renderTab(language: 'en-US' | 'es-ES') {
  installFetch(jest.fn(async () => jsonResponse(200, { conversation: fixture('conversation.json') })));
  return renderWithPaste(
    <TaskContextProvider value={{ task: { sid: 'WR1', taskSid: 'WT1', attributes: asTaskAttributes(fixture('handoff-state-verified.json')) } }}>
      <PolyaiContextTab config={labelled} language={language} />
    </TaskContextProvider>,
  );
}

const section = (id: string) => screen.getByTestId(`polyai-section-${id}`);

describe('labels in the agent\'s language', () => {
  it('reads the labels from the config without a warning', () => {
    expect(warnings).toEqual([]);
    expect(labelled.labels['es-ES']).toEqual(SPANISH);
  });

  it('shows the admin\'s Spanish labels for PolyAI\'s keys and values everywhere, and copies them', async () => {
    // The tab's own strings come from Flex's manager.strings (English in the Flex double); the labels follow the language.
    renderTab('es-ES');
    expect(screen.getByTestId('polyai-glance-intent')).toHaveTextContent(/^Disputar un cargo/);
    expect(screen.getByTestId('polyai-glance-reason')).toHaveTextContent('Reason: Cargo en disputa');
    expect(section('handoff')).toHaveTextContent('DestinationCola de facturación');
    expect(section('verification')).toHaveTextContent('Fecha de nacimiento y código postal');
    expect(within(section('fields')).getByRole('heading', { name: 'Datos' })).toBeInTheDocument();
    expect(within(section('fields')).getByText('Importe')).toBeInTheDocument();
    // Not listed: the humanised key.
    expect(within(section('fields')).getByText('Merchant')).toBeInTheDocument();
    // The conversation record arrives with the transcript (a busy test machine can take seconds).
    await screen.findByTestId('polyai-section-activity', {}, { timeout: 10_000 });
    expect(within(section('activity')).getByText('Buscar cargos')).toBeInTheDocument();
    expect(within(section('activity')).getByText('Cargo duplicado')).toBeInTheDocument();
    expect(within(section('activity')).getAllByText('Arguments › Charge Date')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toMatch(/^Verified · Disputar un cargo \(91% confidence\) · Reason: Cargo en disputa$/m);
    expect(copied[0]).toContain('Destination: Cola de facturación');
    expect(copied[0]).toContain('Datos › Importe: ');
  });

  it('keeps the humanised keys in a language without labels', async () => {
    renderTab('en-US');
    await screen.findByTestId('polyai-section-activity', {}, { timeout: 10_000 });
    expect(within(section('activity')).getByText('Lookup Charges')).toBeInTheDocument();
    expect(screen.getByTestId('polyai-glance-intent')).toHaveTextContent(/^Dispute charge/);
    expect(section('handoff')).toHaveTextContent('DestinationBilling queue');
    expect(within(section('fields')).getByText('Charge Amount')).toBeInTheDocument();
  });
});

describe('label lookups', () => {
  it('use the admin\'s label, else the humanised word; own keys only', () => {
    expect(labelForCode('dispute_charge', SPANISH)).toBe('Disputar un cargo');
    expect(labelForCode('card_declined', SPANISH)).toBe('Card declined');
    expect(labelForKey('charge_amount', SPANISH)).toBe('Importe');
    expect(labelForKey('charge_date', SPANISH)).toBe('Charge Date');
    expect(labelForKey('constructor', {})).toBe('Constructor');
    expect(labelForCode('toString', {})).toBe('toString');
    expect(labelForPath(['slots', 0, 'charge_amount'], SPANISH)).toBe('Datos › #1 › Importe');
  });

  it('label captured fields, with the admin\'s field_labels winning for a path', () => {
    const { fields } = parseHandoffContext(asTaskAttributes(fixture('handoff-state-verified.json')));
    const rules: FieldRules = { fieldOrder: [], fieldLabels: { 'slots.merchant': 'Comercio' }, hiddenFields: [], maskPatterns: [], keyLabels: SPANISH };
    const slots = arrangeFields(fields, rules).find((group) => group.key === 'slots');
    expect(slots?.label).toBe('Datos');
    expect(slots?.rows.map((row) => [row.label, row.fullLabel])).toEqual([
      ['Importe', 'Datos › Importe'],
      ['Charge Date', 'Datos › Charge Date'],
      ['Comercio', 'Datos › Comercio'],
    ]);
    const plain = arrangeFields(fields, { ...rules, keyLabels: undefined, fieldLabels: {} }).find((group) => group.key === 'slots');
    expect(plain?.rows.map((row) => row.fullLabel)).toEqual(['Slots › Charge Amount', 'Slots › Charge Date', 'Slots › Merchant']);
  });

  it('are read from the config per supported language; anything else keeps the default and warns', () => {
    expect(parseConfig({ labels: { 'fr-FR': { slots: 'Données' } } }).config.labels).toEqual({ 'fr-FR': { slots: 'Données' } });
    for (const labels of [{ 'it-IT': { slots: 'Dati' } }, { 'es-ES': { slots: 3 } }, { 'es-ES': { slots: '' } }, ['es-ES'], 'es-ES']) {
      const { config, warnings: said } = parseConfig({ labels });
      expect(config.labels).toEqual(DEFAULT_CONFIG.labels);
      expect(said).toEqual([expect.stringMatching(/^polyai_context\.labels must be an object of language \(en-US, es-ES, fr-FR, de-DE, each once, in any letter case\)/)]);
    }
  });
});
