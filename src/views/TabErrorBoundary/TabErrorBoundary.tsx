import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';

import { FaultBoundary } from '../common/FaultBoundary';
import { useStrings } from '../../strings';
import type { TabErrorReport } from '../common/faultReport';

interface TabErrorBoundaryProps {
  children: React.ReactNode;
  /** Told about a render fault, after Flex: the scrubbed report only, never task data. */
  onError?: (report: TabErrorReport) => void;
}

function CrashAlert({ onRetry }: { onRetry: () => void }): JSX.Element {
  const t = useStrings();
  return (
    <Box padding="space40">
      <Alert variant="error">
        <Text as="p" fontWeight="fontWeightSemibold">{t('PolyaiContextCrashTitle')}</Text>
        <Text as="p" marginBottom="space30">{t('PolyaiContextCrashBody')}</Text>
        <Button variant="secondary" size="small" onClick={onRetry}>
          {t('PolyaiContextRetry')}
        </Button>
      </Alert>
    </Box>
  );
}

/** Keeps a fault in the tab inside the tab: the rest of the Flex task canvas goes on working. */
export function TabErrorBoundary({ children, onError }: TabErrorBoundaryProps): JSX.Element {
  return (
    <FaultBoundary onError={onError} fallback={(retry) => <CrashAlert onRetry={retry} />}>
      {children}
    </FaultBoundary>
  );
}
