/**
 * The render cases, one registry for the bench page and the report. A case whose code is not on this
 * branch yet has no `render` and says what is `missing`; adding it later is one entry here.
 */
import React from 'react';

import { attributesWithFields, typicalAttributes } from '../fixtures/attributes';
import { HandoffContextView } from '../../src/components/HandoffContextView/HandoffContextView';
import { formatValue } from '../../src/components/HandoffContextView/formatValue';
import { TabErrorBoundary } from '../../src/components/TabErrorBoundary/TabErrorBoundary';
import { parseHandoffContext, type HandoffContext } from '../../src/model';
import { enUS, formatString, type Translate } from '../../src/strings';

export interface Rendered {
  tab: React.ReactElement;
  baseline: React.ReactElement;
  /** Items shown (what the baseline renders as one div each): the chart's x axis. */
  items: number;
  capturedFields: number;
}

export interface RenderCase {
  id: string;
  label: string;
  /** Attributes or transcript size as input, before the model's limits. */
  inputSize: string;
  /** Transcript cases chart against turns; handoff cases against the items they show. */
  turns?: number;
  render?: () => Rendered;
  missing?: string;
}

const t: Translate = (key, values) => formatString(enUS[key], values);

/** Every label/value pair the tab shows, in its order: the baseline's plain rows. */
function itemsOf(context: HandoffContext): Array<[string, string]> {
  const items: Array<[string, string | null | undefined]> = [
    ...context.problems.map((problem): [string, string] => [problem.code, problem.message]),
    [t('PolyaiContextSummaryHeading'), context.summary],
    [t('PolyaiContextIntentLabel'), context.intent?.name],
    [t('PolyaiContextReasonLabel'), context.reason],
    [t('PolyaiContextDestinationLabel'), context.destination],
    [t('PolyaiContextVerificationHeading'), context.verification?.identified ? t('PolyaiContextVerified') : t('PolyaiContextNotVerified')],
    [t('PolyaiContextAuthMethodLabel'), context.verification?.method],
    [t('PolyaiContextAttemptsLabel'), context.verification?.attempts?.toString()],
    [t('PolyaiContextCallerNameLabel'), context.customer.name],
    [t('PolyaiContextCustomerIdLabel'), context.customer.id],
    [t('PolyaiContextAccountNumberLabel'), context.customer.accountNumber],
    [t('PolyaiContextLanguageLabel'), context.language],
    [t('PolyaiContextUtteranceHeading'), context.utterance],
    ...context.fields.map((field): [string, string] => [field.label, formatValue(field, t)]),
    [t('PolyaiContextHandoffIdLabel'), context.ids.id],
    [t('PolyaiContextSharedIdLabel'), context.ids.sharedId],
    [t('PolyaiContextCallSidLabel'), context.ids.callSid],
  ];
  return items.map(([label, value]) => [label, value ?? t('PolyaiContextNotProvided')]);
}

function PlainDivs({ items }: { items: Array<[string, string]> }): JSX.Element {
  return (
    <div style={{ height: '100%', overflowY: 'auto' }}>
      {items.map(([label, value], index) => (
        <div key={index}>
          <div>{label}</div>
          <div>{value}</div>
        </div>
      ))}
    </div>
  );
}

/** The tab as PolyaiContextTab renders it (minus Flex's task context), and its plain baseline. */
function handoffCase(attributes: Record<string, unknown>): () => Rendered {
  return () => {
    const context = parseHandoffContext(attributes);
    const items = itemsOf(context);
    return {
      tab: (
        <TabErrorBoundary>
          <HandoffContextView context={context} />
        </TabErrorBoundary>
      ),
      baseline: <PlainDivs items={items} />,
      items: items.length,
      capturedFields: context.fields.length,
    };
  };
}

const TRANSCRIPT_MISSING = 'not measured: transcript not on this branch';

export const RENDER_CASES: RenderCase[] = [
  { id: 'typical', label: 'typical handoff', inputSize: 'verified Handoff API fixture', render: handoffCase(typicalAttributes()) },
  ...[100, 250, 500, 2000].map((fields) => ({
    id: `fields-${fields}`,
    label: `${fields.toLocaleString('en-US')} captured fields`,
    inputSize: `${fields.toLocaleString('en-US')} extra captured values`,
    render: handoffCase(attributesWithFields(fields)),
  })),
  { id: 'transcript-1000', label: '1,000 transcript turns', inputSize: '1,000 turns', turns: 1000, missing: TRANSCRIPT_MISSING },
  { id: 'transcript-10000', label: '10,000 transcript turns', inputSize: '10,000 turns', turns: 10000, missing: TRANSCRIPT_MISSING },
];

/** Per-keystroke cases (typing in the transcript search); none is on this branch yet. */
export const KEYSTROKE_CASES: RenderCase[] = [
  { id: 'transcript-search-10000', label: 'transcript search keystroke, 10,000 turns', inputSize: '10,000 turns', turns: 10000, missing: TRANSCRIPT_MISSING },
];
