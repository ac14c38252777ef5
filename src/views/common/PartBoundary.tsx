import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';

import { FaultBoundary } from './FaultBoundary';
import { useStrings } from '../../strings';

interface PartBoundaryProps {
  children: React.ReactNode;
  /** `section`: a Paste Alert in the section's place; `row`: one line of text in the row's place. */
  part: 'section' | 'row';
  resetKey?: unknown;
}

function PartFault({ part, onRetry }: { part: PartBoundaryProps['part']; onRetry: () => void }): JSX.Element {
  const t = useStrings();
  const retry = (
    <Button variant="link" size="small" onClick={onRetry}>
      {t('PolyaiContextRetry')}
    </Button>
  );
  if (part === 'row') {
    return (
      <Box as="span" display="inline-flex" columnGap="space20" alignItems="center" data-testid="polyai-part-fault">
        <Text as="span" color="colorTextWeak">{t('PolyaiContextRowFault')}</Text>
        {retry}
      </Box>
    );
  }
  return (
    <Alert variant="warning" data-testid="polyai-part-fault">
      <Text as="span">{t('PolyaiContextSectionFault')} </Text>
      {retry}
    </Alert>
  );
}

/** One section or row that cannot render shows a short note in its place; the rest of the tab is unaffected. */
export function PartBoundary({ children, part, resetKey }: PartBoundaryProps): JSX.Element {
  return (
    <FaultBoundary resetKey={resetKey} fallback={(retry) => <PartFault part={part} onRetry={retry} />}>
      {children}
    </FaultBoundary>
  );
}
