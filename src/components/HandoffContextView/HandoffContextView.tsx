import React, { useMemo } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Stack } from '@twilio-paste/core/stack';

import { NotLoadedNote, type NotLoadedPhase } from './NotLoadedNote';
import { StatusAlert } from './StatusAlert';
import { PartBoundary } from '../common/PartBoundary';
import type { FieldRules } from './fields/arrangeFields';
import { CallerSection } from './sections/CallerSection';
import { CapturedFieldsSection } from './sections/CapturedFieldsSection';
import { HandoffSection } from './sections/HandoffSection';
import { ReferenceSection } from './sections/ReferenceSection';
import { SummarySection } from './sections/SummarySection';
import { UtteranceSection } from './sections/UtteranceSection';
import { VerificationSection } from './sections/VerificationSection';
import { DEFAULT_CONFIG, type PolyaiContextConfig } from '../../config';
import { compileMaskPatterns, isSensitivePath, type HandoffContext } from '../../model';
import { useStrings } from '../../strings';

interface HandoffContextViewProps {
  context: HandoffContext;
  config?: PolyaiContextConfig;
  /** The transcript panel, supplied by the container (views never touch the network). */
  transcript?: React.ReactNode;
  /** Where the fetch of what did not fit in the task stands; only read when the context names such keys. */
  notLoadedPhase?: NotLoadedPhase;
}

const UNREACHABLE: NotLoadedPhase = { status: 'unreachable' };

/** The whole tab body for one handoff context: plain props in, Paste out, no Flex. */
export function HandoffContextView({ context, config = DEFAULT_CONFIG, transcript, notLoadedPhase = UNREACHABLE }: HandoffContextViewProps): JSX.Element {
  const t = useStrings();
  const hasData = context.status === 'present' || context.status === 'partial';
  const rules = useMemo<FieldRules>(
    () => ({
      fieldOrder: config.fieldOrder,
      fieldLabels: config.fieldLabels,
      hiddenFields: config.hiddenFields,
      maskPatterns: compileMaskPatterns(config.maskPatterns),
    }),
    [config],
  );
  // New attributes give every section a fresh try after a fault.
  const part = (section: React.ReactNode) => (
    <PartBoundary part="section" resetKey={context}>
      {section}
    </PartBoundary>
  );
  // The region scrolls inside Flex's fixed-height tab panel: tabIndex lets keyboard users scroll it too.
  return (
    <Box padding="space40" overflowY="auto" height="100%" color="colorText" aria-label={t('PolyaiContextRegionLabel')} role="region" data-testid="polyai-context" tabIndex={0}>
      <Stack orientation="vertical" spacing="space40">
        {/* Each part behind its own boundary: one value that cannot render costs its section, not the tab. */}
        {part(<StatusAlert context={context} />)}
        {hasData && context.notLoaded && part(<NotLoadedNote notLoaded={context.notLoaded} phase={notLoadedPhase} />)}
        {/* At a glance: summary, intent, verification, reason and destination, last words. */}
        {hasData && part(<SummarySection summary={context.summary} />)}
        {hasData &&
          part(<HandoffSection intent={context.intent} reason={context.reason} destination={context.destination} thresholds={config.confidenceThresholds} />)}
        {hasData && part(<VerificationSection verification={context.verification} />)}
        {hasData && part(<UtteranceSection utterance={context.utterance} />)}
        {hasData &&
          part(
            <CallerSection
              customer={context.customer}
              language={context.language}
              accountNumberSensitive={isSensitivePath(['account_number'], rules.maskPatterns)}
            />,
          )}
        {hasData && part(<CapturedFieldsSection fields={context.fields} rules={rules} />)}
        {transcript && <PartBoundary part="section">{transcript}</PartBoundary>}
        {part(<ReferenceSection ids={context.ids} />)}
      </Stack>
    </Box>
  );
}
