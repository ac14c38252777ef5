import React from 'react';
import { Disclosure, DisclosureContent, DisclosureHeading } from '@twilio-paste/core/disclosure';
import { Text } from '@twilio-paste/core/text';

import { useStrings } from '../../strings';

/** What an admin needs to diagnose a failure, folded away so the agent reads the plain reason first. */
export function TechnicalDetails({ lines }: { lines: readonly string[] }): JSX.Element | null {
  const t = useStrings();
  if (lines.length === 0) return null;
  return (
    <Disclosure variant="default">
      <DisclosureHeading as="h4" variant="heading60">
        {t('PolyaiContextTechnicalDetails')}
      </DisclosureHeading>
      <DisclosureContent>
        {lines.map((line, index) => (
          <Text as="p" key={index} fontFamily="fontFamilyCode" fontSize="fontSize20" color="colorTextWeak" wordBreak="break-word">
            {line}
          </Text>
        ))}
      </DisclosureContent>
    </Disclosure>
  );
}
