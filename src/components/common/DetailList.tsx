import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

export interface Detail {
  label: string;
  value: React.ReactNode;
}

/** Label/value pairs as a semantic `<dl>` (Paste 15 has no description list component). */
export function DetailList({ items }: { items: Detail[] }): JSX.Element {
  return (
    <Box as="dl" display="grid" gridTemplateColumns="max-content 1fr" columnGap="space40" rowGap="space30" margin="space0">
      {items.map((item) => (
        <React.Fragment key={item.label}>
          <Text as="dt" fontWeight="fontWeightSemibold" color="colorTextWeak">
            {item.label}
          </Text>
          <Text as="dd" margin="space0" wordBreak="break-word">
            {item.value}
          </Text>
        </React.Fragment>
      ))}
    </Box>
  );
}
