import React, { useEffect, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { SkeletonLoader } from '@twilio-paste/core/skeleton-loader';
import { Spinner } from '@twilio-paste/core/spinner';
import { Text } from '@twilio-paste/core/text';
import { css, styled } from '@twilio-paste/styling-library';

import { useStrings } from '../../strings';

/** How long a load runs before its placeholder moves: Paste's Spinner waits as long before it shows its arc. */
export const PLACEHOLDER_STILL_MS = 250;

/**
 * The placeholder's box, its spinner's and skeletons' animations held at their first frame while `still`. A
 * tab built before the agent opens it holds the placeholder hidden: four endless animations in every such tab
 * had the page style them on every frame, and restyle them in full in the frames that open the tab.
 */
const Placeholder = styled.div<{ still: boolean }>(css({ display: 'flex', flexDirection: 'column', rowGap: 'space30' }), ({ still }) =>
  still ? { '&& *': { animationPlayState: 'paused' } } : {},
);

/**
 * The transcript's loading placeholder: still while the load waits for the tab to be opened (`waiting`) and
 * for its first moments, moving once it has run PLACEHOLDER_STILL_MS (a quick answer replaces it first).
 */
export function TranscriptLoading({ waiting }: { waiting: boolean }): JSX.Element {
  const t = useStrings();
  const [moving, setMoving] = useState(false);
  useEffect(() => {
    if (waiting) return undefined;
    const timer = setTimeout(() => setMoving(true), PLACEHOLDER_STILL_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  return (
    <Placeholder still={!moving} aria-busy="true">
      <Box display="flex" alignItems="center" columnGap="space30">
        <Spinner decorative size="sizeIcon20" />
        <Text as="span" color="colorTextWeak">
          {t('PolyaiContextTranscriptLoading')}
        </Text>
      </Box>
      <SkeletonLoader height="sizeIcon70" />
      <SkeletonLoader height="sizeIcon70" />
    </Placeholder>
  );
}
