import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

import { ClampedText } from '../../common/ClampedText';
import { Section } from '../../common/Section';
import { useStrings } from '../../../strings';

/** The caller's last words to PolyAI, verbatim: often the fastest way to know their mood. */
export function UtteranceSection({ utterance }: { utterance: string | null }): JSX.Element | null {
  const t = useStrings();
  if (!utterance) return null;
  return (
    <Section id="utterance" title={t('PolyaiContextUtteranceHeading')}>
      <Box as="blockquote" margin="space0" paddingLeft="space40" borderLeftStyle="solid" borderLeftWidth="borderWidth20" borderLeftColor="colorBorderWeak">
        <ClampedText text={utterance}>
          {(shown) => (
            <Text as="p" fontStyle="italic" wordBreak="break-word">
              “{shown}”
            </Text>
          )}
        </ClampedText>
      </Box>
    </Section>
  );
}
