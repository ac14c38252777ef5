import React, { useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';
import { ChevronDownIcon } from '@twilio-paste/icons/esm/ChevronDownIcon';
import { ChevronUpIcon } from '@twilio-paste/icons/esm/ChevronUpIcon';
import { useUID } from '@twilio-paste/core/uid-library';

import { useStrings } from '../../strings';

/**
 * What an admin needs to diagnose a failure, folded away so the agent reads the plain reason first.
 * A disclosure button rather than Paste's Disclosure, whose primitive would add ~100 KB to the bundle.
 */
export function TechnicalDetails({ lines }: { lines: readonly string[] }): JSX.Element | null {
  const t = useStrings();
  const contentId = useUID();
  const [open, setOpen] = useState(false);
  if (lines.length === 0) return null;
  return (
    <Box marginTop="space20">
      <Button variant="link" size="small" aria-expanded={open} aria-controls={contentId} onClick={() => setOpen((current) => !current)}>
        {open ? <ChevronUpIcon decorative /> : <ChevronDownIcon decorative />}
        {t('PolyaiContextTechnicalDetails')}
      </Button>
      <Box id={contentId} hidden={!open} marginTop="space20">
        {lines.map((line, index) => (
          <Text as="p" key={index} fontFamily="fontFamilyCode" fontSize="fontSize20" color="colorTextWeak" wordBreak="break-word">
            {line}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
