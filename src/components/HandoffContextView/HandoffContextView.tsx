import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Stack } from '@twilio-paste/core/stack';

import { StatusAlert } from './StatusAlert';
import { CallerSection } from './sections/CallerSection';
import { CapturedFieldsSection } from './sections/CapturedFieldsSection';
import { HandoffSection } from './sections/HandoffSection';
import { ReferenceSection } from './sections/ReferenceSection';
import { SummarySection } from './sections/SummarySection';
import { UtteranceSection } from './sections/UtteranceSection';
import { VerificationSection } from './sections/VerificationSection';
import type { HandoffContext } from '../../model';
import { useStrings } from '../../strings';

/** The whole tab body for one handoff context: plain props in, Paste out, no Flex. */
export function HandoffContextView({ context }: { context: HandoffContext }): JSX.Element {
  const t = useStrings();
  const hasData = context.status === 'present' || context.status === 'partial';
  // The region scrolls inside Flex's fixed-height tab panel: tabIndex lets keyboard users scroll it too.
  return (
    <Box padding="space40" overflowY="auto" height="100%" aria-label={t('PolyaiContextRegionLabel')} role="region" data-testid="polyai-context" tabIndex={0}>
      <Stack orientation="vertical" spacing="space40">
        <StatusAlert context={context} />
        {hasData && <SummarySection summary={context.summary} />}
        {hasData && <HandoffSection intent={context.intent} reason={context.reason} destination={context.destination} />}
        {hasData && <VerificationSection verification={context.verification} />}
        {hasData && <CallerSection customer={context.customer} language={context.language} />}
        {hasData && <UtteranceSection utterance={context.utterance} />}
        {hasData && <CapturedFieldsSection fields={context.fields} />}
        <ReferenceSection ids={context.ids} />
      </Stack>
    </Box>
  );
}
