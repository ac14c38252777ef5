import React from 'react';
import { Badge, type BadgeProps } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';

import { DetailList, type Detail } from '../../common/DetailList';
import { Section } from '../../common/Section';
import { humanizeCode, type HandoffIntent } from '../../../model';
import { useStrings, type Translate } from '../../../strings';

interface HandoffSectionProps {
  intent: HandoffIntent | null;
  reason: string | null;
  destination: string | null;
}

// How sure PolyAI was, as the colour an agent reads at a glance.
function confidenceVariant(confidence: number): BadgeProps['variant'] {
  if (confidence >= 0.8) return 'success';
  if (confidence >= 0.5) return 'warning';
  return 'error';
}

function intentValue(intent: HandoffIntent, t: Translate): React.ReactNode {
  if (intent.confidence === null) return humanizeCode(intent.name);
  return (
    <Box as="span" display="inline-flex" flexWrap="wrap" alignItems="center" columnGap="space30" rowGap="space20">
      <span>{humanizeCode(intent.name)}</span>
      <Badge as="span" variant={confidenceVariant(intent.confidence)}>
        {t('PolyaiContextConfidence', { percent: Math.round(intent.confidence * 100) })}
      </Badge>
    </Box>
  );
}

export function HandoffSection({ intent, reason, destination }: HandoffSectionProps): JSX.Element {
  const t = useStrings();
  const notProvided = t('PolyaiContextNotProvided');
  const items: Detail[] = [
    { label: t('PolyaiContextIntentLabel'), value: intent ? intentValue(intent, t) : notProvided },
    { label: t('PolyaiContextReasonLabel'), value: reason ? humanizeCode(reason) : notProvided },
  ];
  if (destination) items.push({ label: t('PolyaiContextDestinationLabel'), value: humanizeCode(destination) });
  return (
    <Section id="handoff" title={t('PolyaiContextGlanceHeading')}>
      <DetailList items={items} />
    </Section>
  );
}
