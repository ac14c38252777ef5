import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

export interface Detail {
  label: string;
  value: React.ReactNode;
}

/** A label and the value as plain text: what a section shows and what "Copy all" copies. */
export interface TextItem {
  label: string;
  value: string;
}

/**
 * Label/value pairs as a semantic `<dl>` (Paste 15 has no description list component). Labels and values
 * share a baseline, so a value carrying a badge or a button does not leave its label floating above it;
 * the value column may shrink to nothing (`minmax(0, 1fr)`) so a long unbroken value wraps, never overflows.
 */
export function DetailList({ items }: { items: Detail[] }): JSX.Element {
  return (
    <Box as="dl" display="grid" gridTemplateColumns="minmax(min-content, max-content) minmax(0, 1fr)" alignItems="baseline" columnGap="space40" rowGap="space30" margin="space0">
      {items.map((item) => (
        <React.Fragment key={item.label}>
          <Text as="dt" fontWeight="fontWeightSemibold" color="colorTextWeak" wordBreak="break-word">
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
