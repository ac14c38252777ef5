import React, { useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';

import { useStrings } from '../../strings';

/** Longer than this, a value is cut with "Show more": a long summary must not push the rest off screen. */
export const CLAMP_CHARS = 200;

/** Where to cut: at the last space before the limit when there is one, so no word is split. */
export function clampAt(text: string, limit = CLAMP_CHARS): number {
  if (text.length <= limit) return text.length;
  const space = text.lastIndexOf(' ', limit);
  return space > limit / 2 ? space : limit;
}

/** Text cut to `limit` characters with a "Show more" / "Show less" toggle; short text as it is. */
export function ClampedText({ text, limit = CLAMP_CHARS, children }: { text: string; limit?: number; children?: (shown: string) => React.ReactNode }): JSX.Element {
  const t = useStrings();
  const [expanded, setExpanded] = useState(false);
  const cut = clampAt(text, limit);
  const clamped = cut < text.length && !expanded;
  const shown = clamped ? `${text.slice(0, cut)}…` : text;
  return (
    <>
      {children ? children(shown) : shown}
      {cut < text.length && (
        <Box as="span" display="block" marginTop="space20">
          <Button variant="link" size="small" aria-expanded={expanded} onClick={() => setExpanded((current) => !current)}>
            {expanded ? t('PolyaiContextShowLess') : t('PolyaiContextShowMore')}
          </Button>
        </Box>
      )}
    </>
  );
}
