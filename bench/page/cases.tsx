/**
 * The render cases, one registry for the bench page and the report. A case whose code is not on this
 * branch yet has no `render` and says what is `missing`; adding it later is one entry here.
 */
import React, { useState } from 'react';

import { attributesWithFields, typicalAttributes } from '../fixtures/attributes';
import conversationFixture from '../../devtools/fixtures/conversation.json';
import { HandoffContextView } from '../../src/views/HandoffContextView/HandoffContextView';
import { formatValue } from '../../src/views/HandoffContextView/formatValue';
import { TabErrorBoundary } from '../../src/views/TabErrorBoundary/TabErrorBoundary';
import { findMatches, searchableTexts } from '../../src/views/Transcript/searchTranscript';
import { TranscriptSection } from '../../src/views/Transcript/TranscriptSection';
import type { ConversationLoader } from '../../src/views/Transcript/useConversation';
import { compileMaskPatterns, DEFAULT_MASK_PATTERNS, parseConversation, parseHandoffContext, type Conversation, type HandoffContext } from '@polyai-context/model';
import { enUS, formatString, type Translate } from '../../src/strings';

export interface Rendered {
  tab: React.ReactElement;
  baseline: React.ReactElement;
  /** Items shown (what the baseline renders as one div each): the chart's x axis. */
  items: number;
  capturedFields: number;
  /**
   * For content that arrives after the mount (the transcript is loaded by an effect): true once it is
   * in the DOM. Timing runs until the frame that paints it. Absent: the mount itself is the content.
   */
  ready?: (root: Element) => boolean;
  /** Keystroke cases: the search input, in the tab and in the baseline. */
  searchInput?: (root: Element) => HTMLInputElement | null;
  /** Keystroke cases: the search alone (the model-side floor of a debounced update), in ms. */
  searchOnlyMs?: (query: string) => number;
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

/**
 * A call of `turns` turns: the Conversations API fixture's turns repeated, each non-empty text numbered and a second
 * apart, so every text is distinct. Parsed by the real model, outside any timing.
 */
function conversationOf(turns: number): Conversation {
  const source = conversationFixture.turns;
  const start = Date.parse(conversationFixture.startedAt);
  const body = {
    ...conversationFixture,
    turns: Array.from({ length: turns }, (_, index) => {
      const turn = source[index % source.length];
      const numbered = Object.fromEntries(Object.entries(turn).map(([key, value]) => [key, typeof value === 'string' && value !== '' ? `${value} (${index + 1})` : value]));
      const time = new Date(start + index * 1000).toISOString();
      return { ...numbered, user_input_datetime: time, agent_response_datetime: time };
    }),
  };
  return parseConversation(body);
}

const maskPatterns = compileMaskPatterns(DEFAULT_MASK_PATTERNS);
const transcriptRows = (root: Element) => root.querySelector('[role="log"] [role="list"] > *') !== null;

/** A controlled plain input, its state its own (as TranscriptSearch keeps it): the keystroke floor. */
function PlainSearch(): JSX.Element {
  const [value, setValue] = useState('');
  return <input type="search" aria-label="search" value={value} onChange={(event) => setValue(event.target.value)} />;
}

/**
 * The tab with a transcript of `turns` turns: HandoffContextView (typical handoff) with the real
 * TranscriptSection, whose loader resolves at once with the generated call. Baseline: the same items and
 * every turn (speaker and time, text) as plain divs, under a plain search input.
 */
function transcriptCase(turns: number): () => Rendered {
  return () => {
    const context = parseHandoffContext(typicalAttributes());
    const conversation = conversationOf(turns);
    const load: ConversationLoader = () => Promise.resolve({ ok: true, conversation });
    const texts = searchableTexts(conversation.turns.map((turn) => turn.text));
    const items = [
      ...itemsOf(context),
      ...conversation.turns.map((turn): [string, string] => [`${turn.speaker} · ${turn.time === null ? '' : new Date(turn.time).toISOString()}`, turn.text]),
    ];
    return {
      tab: (
        <TabErrorBoundary>
          <HandoffContextView context={context} transcript={<TranscriptSection source={{ status: 'available', load }} maskPatterns={maskPatterns} />} />
        </TabErrorBoundary>
      ),
      baseline: (
        <div style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
          <PlainSearch />
          <PlainDivs items={items} />
        </div>
      ),
      items: items.length,
      capturedFields: context.fields.length,
      // Loaded: the search box shows with the list (tab); the baseline has it from the start.
      ready: (root) => root.querySelector('input[type="search"]') !== null && (transcriptRows(root) || root.querySelector('[role="log"]') === null),
      searchInput: (root) => root.querySelector<HTMLInputElement>('input[type="search"]'),
      searchOnlyMs: (query) => {
        const start = performance.now();
        findMatches(texts, query);
        return performance.now() - start;
      },
    };
  };
}

export const RENDER_CASES: RenderCase[] = [
  { id: 'typical', label: 'typical handoff', inputSize: 'verified Handoff API fixture', render: handoffCase(typicalAttributes()) },
  ...[100, 250, 500, 2000].map((fields) => ({
    id: `fields-${fields}`,
    label: `${fields.toLocaleString('en-US')} captured fields`,
    inputSize: `${fields.toLocaleString('en-US')} extra captured values`,
    render: handoffCase(attributesWithFields(fields)),
  })),
  ...[100, 1000, 10000].map((turns) => ({
    id: `transcript-${turns}`,
    label: `${turns.toLocaleString('en-US')} transcript turns`,
    inputSize: `typical handoff + ${turns.toLocaleString('en-US')} turns`,
    turns,
    render: transcriptCase(turns),
  })),
];

/** Typing in the transcript search: the case whose tab (and baseline) is typed into. */
export const KEYSTROKE_CASES: RenderCase[] = [
  { id: 'transcript-search-10000', label: 'transcript search keystroke, 10,000 turns', inputSize: 'typical handoff + 10,000 turns', turns: 10000, render: transcriptCase(10000) },
];
