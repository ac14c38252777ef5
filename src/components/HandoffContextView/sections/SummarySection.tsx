import React from 'react';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';

import { Section } from '../../common/Section';
import { useStrings } from '../../../strings';

export function SummarySection({ summary }: { summary: string | null }): JSX.Element {
  const t = useStrings();
  return (
    <Section id="summary" title={t('PolyaiContextSummaryHeading')}>
      {summary ? (
        <Paragraph marginBottom="space0">{summary}</Paragraph>
      ) : (
        <Text as="p" color="colorTextWeak">
          {t('PolyaiContextNoSummary')}
        </Text>
      )}
    </Section>
  );
}
