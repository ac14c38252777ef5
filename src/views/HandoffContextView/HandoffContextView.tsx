import React, { useMemo, useRef, useState } from 'react';
import { Box } from '@twilio-paste/core/box';

import { AtAGlance } from './AtAGlance';
import { contextAsText } from './contextAsText';
import { NotLoadedNote, type NotLoadedPhase } from './NotLoadedNote';
import { StatusAlert } from './StatusAlert';
import { PartBoundary } from '../common/PartBoundary';
import { ScrollArea } from '../common/scrollArea';
import { callerItems, CallerSection } from './sections/CallerSection';
import { CapturedFieldsSection } from './sections/CapturedFieldsSection';
import { HandoffSection } from './sections/HandoffSection';
import { ReferenceSection, referenceItems } from './sections/ReferenceSection';
import { hasActivity, PolyaiActivitySection } from './sections/PolyaiActivitySection';
import { SummarySection } from './sections/SummarySection';
import { UtteranceSection } from './sections/UtteranceSection';
import { VerificationSection } from './sections/VerificationSection';
import { ConversationRecordContext } from '../common/conversationRecord';
import { TranscriptCopyContext, type TranscriptText } from '../common/transcriptCopy';
import { useToggleSet } from '../common/useToggleSet';
import { DEFAULT_CONFIG, type PolyaiContextConfig } from '../../config';
import { arrangeFields, isAccountNumberSensitive, type Conversation, type FieldRules, type HandoffContext } from '@polyai-context/model';
import { CurrencyContext, useLabel, useLocale, useStrings } from '../../strings';
import { currencyIn } from './formatValue';

interface HandoffContextViewProps {
  context: HandoffContext;
  config?: PolyaiContextConfig;
  /** The transcript panel, supplied by the container (views never touch the network). */
  transcript?: React.ReactNode;
  /** Where the fetch of what did not fit in the task stands; only read when the context names such keys. */
  notLoadedPhase?: NotLoadedPhase;
  /** The agent's verdict on the handoff, supplied by the container. */
  verdict?: React.ReactNode;
  /** When Flex created the task (ms since the epoch), for the time since the handoff; null when unknown. */
  taskCreatedAt?: number | null;
}

/** The reveal key of the caller's account number (field paths never start with a NUL). */
const ACCOUNT_NUMBER_KEY = '\u0000caller.account_number';

/**
 * Cards flow into as many columns as fit at ~20rem each (two in a wide panel, one in Flex's default);
 * `min(100%, …)` keeps a single column from ever being wider than the panel.
 */
const COLUMNS = 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))';

/**
 * One grid cell; `minWidth 0` lets long content wrap inside it instead of widening the column. Each cell's
 * part sits behind its own boundary: one value that cannot render costs its section, not the tab; new
 * attributes (`resetKey`) give it a fresh try.
 */
function Cell({ children, wide = false, resetKey }: { children: React.ReactNode; wide?: boolean; resetKey?: unknown }): JSX.Element {
  return (
    <Box minWidth="0" gridColumn={wide ? '1 / -1' : undefined}>
      <PartBoundary part="section" resetKey={resetKey}>
        {children}
      </PartBoundary>
    </Box>
  );
}

const UNREACHABLE: NotLoadedPhase = { status: 'unreachable' };

/**
 * A part above the sections, spaced from what follows as Paste's Stack spaced it. Not Stack itself: Stack keys
 * its children by their place among those shown, so the not-loaded note going away when the whole handoff
 * arrived remounted every section after it (the transcript fetched again, its search and reveals lost).
 */
function Above({ children }: { children: React.ReactNode }): JSX.Element {
  return <Box marginBottom="space40">{children}</Box>;
}

/** The whole tab body for one handoff context: plain props in, Paste out, no Flex. */
export function HandoffContextView({ context, config = DEFAULT_CONFIG, transcript, verdict, notLoadedPhase = UNREACHABLE, taskCreatedAt = null }: HandoffContextViewProps): JSX.Element {
  const t = useStrings();
  const label = useLabel();
  const locale = useLocale();
  const hasData = context.status === 'present' || context.status === 'partial';
  const rules = useMemo<FieldRules>(
    () => ({
      fieldOrder: config.fieldOrder,
      fieldLabels: config.fieldLabels,
      hiddenFields: config.hiddenFields,
      maskPatterns: config.maskPatterns,
      keyLabels: label.labels,
    }),
    [config, label],
  );
  const groups = useMemo(() => arrangeFields(context.fields, rules), [context.fields, rules]);
  const currency = useMemo(() => currencyIn(context.fields) ?? config.currency, [context.fields, config.currency]);
  // What the agent revealed, by field path: a refresh of the task's attributes does not re-mask it, and
  // "Copy all" copies exactly what is on screen.
  const [revealed, toggle] = useToggleSet<string>();
  const accountSensitive = isAccountNumberSensitive(context.customer, config.maskPatterns);
  const caller = callerItems(context.customer, context.language, t, accountSensitive, revealed.has(ACCOUNT_NUMBER_KEY));
  const transcriptText = useRef<TranscriptText | null>(null);
  // PolyAI's conversation record, once the transcript has loaded it: times at a glance, what PolyAI did.
  const [record, setRecord] = useState<Conversation | null>(null);
  // Null when the transcript is there but its whole call could not be loaded: a part of it is not copied silently.
  const copyAllText = async (): Promise<string | null> => {
    const whole = transcriptText.current;
    const transcript = whole === null ? null : await whole();
    if (whole !== null && transcript === null) return null;
    return contextAsText({ context, groups, caller, revealed, t, label, locale, currency, transcript, record, taskCreatedAt, now: Date.now(), maskPatterns: config.maskPatterns });
  };
  // The region scrolls inside Flex's fixed-height tab panel, the tab's one scroll area (the transcript's rows
  // are placed against it): tabIndex lets keyboard users scroll it too.
  return (
    <ScrollArea padding="space40" overflowY="auto" overflowX="hidden" height="100%" color="colorText" aria-label={t('PolyaiContextRegionLabel')} role="region" data-testid="polyai-context" tabIndex={0}>
      <CurrencyContext.Provider value={currency}>
        <Box>
          {/* At a glance first, then any warning: the agent reads "Verified" before the small print. */}
          {hasData && (
            <Above>
              <PartBoundary part="section" resetKey={context}>
                <AtAGlance context={context} thresholds={config.confidenceThresholds} copyAllText={copyAllText} record={record} taskCreatedAt={taskCreatedAt} />
              </PartBoundary>
            </Above>
          )}
          <Above>
            <PartBoundary part="section" resetKey={context}>
              <StatusAlert context={context} />
            </PartBoundary>
          </Above>
          {hasData && context.notLoaded && (
            <Above>
              <PartBoundary part="section" resetKey={context}>
                <NotLoadedNote notLoaded={context.notLoaded} phase={notLoadedPhase} />
              </PartBoundary>
            </Above>
          )}
          <Box display="grid" gridTemplateColumns={COLUMNS} columnGap="space40" rowGap="space40" alignItems="start" data-testid="polyai-sections">
            {hasData && (
              <Cell resetKey={context}>
                <SummarySection summary={context.summary} />
              </Cell>
            )}
            {hasData && (
              <Cell resetKey={context}>
                <HandoffSection intent={context.intent} reason={context.reason} destination={context.destination} thresholds={config.confidenceThresholds} />
              </Cell>
            )}
            {record !== null && hasActivity(record) && (
              <Cell resetKey={record}>
                <PolyaiActivitySection conversation={record} maskPatterns={config.maskPatterns} revealed={revealed} onToggle={toggle} />
              </Cell>
            )}
            {hasData && (
              <Cell resetKey={context}>
                <VerificationSection verification={context.verification} />
              </Cell>
            )}
            {hasData && context.utterance && (
              <Cell resetKey={context}>
                <UtteranceSection utterance={context.utterance} />
              </Cell>
            )}
            {hasData && caller.length > 0 && (
              <Cell resetKey={context}>
                <CallerSection items={caller} revealed={revealed.has(ACCOUNT_NUMBER_KEY)} onToggle={() => toggle(ACCOUNT_NUMBER_KEY)} />
              </Cell>
            )}
            {hasData && (
              <Cell wide resetKey={context}>
                <CapturedFieldsSection groups={groups} revealed={revealed} onToggle={toggle} />
              </Cell>
            )}
            {transcript && (
              <Cell wide>
                <ConversationRecordContext.Provider value={setRecord}>
                  <TranscriptCopyContext.Provider value={transcriptText}>{transcript}</TranscriptCopyContext.Provider>
                </ConversationRecordContext.Provider>
              </Cell>
            )}
            {verdict && <Cell wide>{verdict}</Cell>}
            {referenceItems(context.ids, t).length > 0 && (
              <Cell wide resetKey={context}>
                <ReferenceSection ids={context.ids} />
              </Cell>
            )}
          </Box>
        </Box>
      </CurrencyContext.Provider>
    </ScrollArea>
  );
}
