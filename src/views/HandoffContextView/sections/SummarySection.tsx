import React from 'react';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';

import { ClampedText } from '../../common/ClampedText';
import { Section } from '../../common/Section';
import { useStrings } from '../../../strings';

export function SummarySection({ summary }: { summary: string | null }): JSX.Element {
  const t = useStrings();
  return (
    <Section id="summary" title={t('PolyaiContextSummaryHeading')}>
      {summary ? (
        <ClampedText text={summary}>
          {(shown) => (
            <Paragraph marginBottom="space0">
              <Text as="span" wordBreak="break-word">
                {shown}
              </Text>
            </Paragraph>
          )}
        </ClampedText>
      ) : (
        <Text as="p" color="colorTextWeak">
          {t('PolyaiContextNoSummary')}
        </Text>
      )}
    </Section>
  );
}
