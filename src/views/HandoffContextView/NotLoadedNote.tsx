import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Spinner } from '@twilio-paste/core/spinner';
import { Text } from '@twilio-paste/core/text';

import { LoadFailure } from '../common/LoadFailure';
import type { HandoffNotLoaded } from '@polyai-context/model';
import { useLabel, usePlural } from '../../strings';

/** Where the fetch of what did not fit in the task stands (see PolyaiContextTab/useFullHandoff). */
export type NotLoadedPhase =
  | { status: 'loading' }
  | { status: 'unreachable' }
  | { status: 'failed'; code: number | null; message: string; retry: () => void; retrying: boolean; lastTried: number | null };

/**
 * Handoff data that did not fit in the task: "not yet loaded" while it is fetched, and, if it cannot be, named
 * as missing — never silently absent.
 */
export function NotLoadedNote({ notLoaded, phase }: { notLoaded: HandoffNotLoaded; phase: NotLoadedPhase }): JSX.Element {
  const plural = usePlural();
  const label = useLabel();
  const named = notLoaded.keys.map(label.key).join(', ');
  const keys = notLoaded.keys.length < notLoaded.count ? `${named}${named ? ', ' : ''}…` : named;
  if (phase.status === 'loading') {
    return (
      <Box display="flex" alignItems="center" columnGap="space30" role="status" data-testid="polyai-not-loaded">
        <Spinner decorative size="sizeIcon20" />
        <Text as="span" color="colorTextWeak">
          {plural('PolyaiContextNotLoadedLoading', notLoaded.count, { keys })}
        </Text>
      </Box>
    );
  }
  if (phase.status === 'failed') {
    return (
      <LoadFailure
        title={plural('PolyaiContextNotLoadedFailed', notLoaded.count, { keys })}
        code={phase.code}
        message={phase.message}
        onRetry={phase.retry}
        retrying={phase.retrying}
        lastTried={phase.lastTried}
        testId="polyai-not-loaded"
      />
    );
  }
  return (
    <Alert variant="warning" data-testid="polyai-not-loaded">
      <Text as="p">{plural('PolyaiContextNotLoadedNoFetch', notLoaded.count, { keys })}</Text>
    </Alert>
  );
}
