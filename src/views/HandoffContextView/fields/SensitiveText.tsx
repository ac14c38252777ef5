import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { ScreenReaderOnly } from '@twilio-paste/core/screen-reader-only';
import { Text } from '@twilio-paste/core/text';
import { HideIcon } from '@twilio-paste/icons/esm/HideIcon';
import { ShowIcon } from '@twilio-paste/icons/esm/ShowIcon';

import { SafeValue } from '../../common/SafeValue';
import { MASK } from '@polyai-context/model';
import { useStrings } from '../../../strings';

interface SensitiveTextProps {
  text: string;
  label: string;
  sensitive: boolean;
  revealed: boolean;
  onToggle: () => void;
}

/** A value, masked until the agent presses its reveal toggle when it is sensitive. */
export function SensitiveText({ text, label, sensitive, revealed, onToggle }: SensitiveTextProps): JSX.Element {
  const t = useStrings();
  const hidden = sensitive && !revealed;
  return (
    <Box as="span" display="inline-flex" alignItems="center" columnGap="space20" flexWrap="wrap">
      {hidden ? (
        <Text as="span">
          <span aria-hidden="true">{MASK}</span>
          <ScreenReaderOnly>{t('PolyaiContextMaskedValue')}</ScreenReaderOnly>
        </Text>
      ) : (
        <Text as="span" wordBreak="break-word">
          <SafeValue text={text} />
        </Text>
      )}
      {sensitive && (
        <Button variant="secondary_icon" size="icon_small" pressed={revealed} onClick={onToggle} aria-label={t('PolyaiContextRevealValue', { label })}>
          {revealed ? <HideIcon decorative /> : <ShowIcon decorative />}
        </Button>
      )}
    </Box>
  );
}
