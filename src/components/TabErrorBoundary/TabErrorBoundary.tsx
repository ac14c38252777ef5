import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';

import { useStrings } from '../../strings';
import { reportTabError, type TabErrorReport } from '../../utils/reportError';

interface TabErrorBoundaryProps {
  children: React.ReactNode;
  /** Told about a render fault, after Flex: the scrubbed report only, never task data. */
  onError?: (report: TabErrorReport) => void;
}

interface TabErrorBoundaryState {
  failed: boolean;
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
export class TabErrorBoundary extends React.Component<TabErrorBoundaryProps, TabErrorBoundaryState> {
  state: TabErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): TabErrorBoundaryState {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: React.ErrorInfo): void {
    // Report first and unconditionally: `onError?.(report())` would skip the report without a listener.
    const report = reportTabError(error, info.componentStack);
    this.props.onError?.(report);
  }

  private readonly retry = () => this.setState({ failed: false });

  render(): React.ReactNode {
    return this.state.failed ? <CrashAlert onRetry={this.retry} /> : this.props.children;
  }
}
