import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Spinner } from '@twilio-paste/core/spinner';
import { Text } from '@twilio-paste/core/text';

import { humanizeKey, type HandoffNotLoaded } from '../../model';
import { useStrings } from '../../strings';

/** Where the fetch of what did not fit in the task stands (see PolyaiContextTab/useFullHandoff). */
export type NotLoadedPhase = { status: 'loading' } | { status: 'unreachable' } | { status: 'failed'; message: string; retry: () => void };

/**
 * Handoff data that did not fit in the task: "not yet loaded" while it is fetched, and, if it cannot be, named
 * as missing — never silently absent.
 */
export function NotLoadedNote({ notLoaded, phase }: { notLoaded: HandoffNotLoaded; phase: NotLoadedPhase }): JSX.Element {
  const t = useStrings();
  const named = notLoaded.keys.map(humanizeKey).join(', ');
  const keys = notLoaded.keys.length < notLoaded.count ? `${named}${named ? ', ' : ''}…` : named;
  const values = { count: notLoaded.count, keys };
  if (phase.status === 'loading') {
    return (
      <Box display="flex" alignItems="center" columnGap="space30" role="status" data-testid="polyai-not-loaded">
        <Spinner decorative size="sizeIcon20" />
        <Text as="span" color="colorTextWeak">
          {t('PolyaiContextNotLoadedLoading', values)}
        </Text>
      </Box>
    );
  }
  return (
    <Alert variant="warning" data-testid="polyai-not-loaded">
      {phase.status === 'unreachable' ? (
        <Text as="p">{t('PolyaiContextNotLoadedNoFetch', values)}</Text>
      ) : (
        <>
          <Text as="p" fontWeight="fontWeightSemibold">
            {t('PolyaiContextNotLoadedFailed', values)}
          </Text>
          <Text as="p" color="colorTextWeak" marginBottom="space30">
            {t('PolyaiContextUnavailableReason', { message: phase.message })}
          </Text>
          <Button variant="secondary" size="small" onClick={phase.retry}>
            {t('PolyaiContextRetry')}
          </Button>
        </>
      )}
    </Alert>
  );
}
