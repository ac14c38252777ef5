import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';

import { agentReasonKey, technicalDetail } from './agentReason';
import { TechnicalDetails } from './TechnicalDetails';
import { formatClockTime } from '../HandoffContextView/formatValue';
import { useLocale, useStrings } from '../../strings';

export interface LoadFailureProps {
  /** What could not be loaded, said for the agent (the alert's first line). */
  title: string;
  /** The Function's HTTP status and message (written for engineers: shown under "Technical details"). */
  code: number | null;
  message: string;
  onRetry: () => void;
  /** A retry is running: the button is busy and the status says so. */
  retrying: boolean;
  /** When the last attempt finished (ms since the epoch), for "Last tried at …". */
  lastTried: number | null;
  testId?: string;
}

/**
 * A failed load the agent can retry: the reason in the agent's words, "Try again" that shows it is trying and
 * when it last tried, and the engineer's detail folded away. One look for the transcript and the handoff data.
 */
export function LoadFailure({ title, code, message, onRetry, retrying, lastTried, testId }: LoadFailureProps): JSX.Element {
  const t = useStrings();
  const locale = useLocale();
  return (
    <Alert variant="error" data-testid={testId}>
      <Text as="p" fontWeight="fontWeightSemibold">
        {title}
      </Text>
      <Text as="p" color="colorTextWeak">
        {t('PolyaiContextUnavailableReason', { message: t(agentReasonKey(code, message)) })}
      </Text>
      <Box display="flex" flexWrap="wrap" alignItems="center" columnGap="space30" rowGap="space20" marginY="space30">
        <Button variant="secondary" size="small" onClick={onRetry} loading={retrying}>
          {t('PolyaiContextRetry')}
        </Button>
        <Text as="span" role="status" aria-live="polite" color="colorTextWeak" fontSize="fontSize20" data-testid={testId && `${testId}-retry-status`}>
          {retrying ? t('PolyaiContextRetrying') : lastTried !== null ? t('PolyaiContextLastTried', { time: formatClockTime(lastTried, locale) }) : ''}
        </Text>
      </Box>
      <TechnicalDetails lines={[technicalDetail(code, message)]} />
    </Alert>
  );
}
