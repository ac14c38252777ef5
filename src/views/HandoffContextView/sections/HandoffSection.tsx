import React from 'react';
import { Badge, type BadgeProps } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';

import { DetailList, type Detail, type TextItem } from '../../common/DetailList';
import { Section } from '../../common/Section';
import type { ConfidenceThresholds } from '../../../config';
import type { HandoffIntent } from '@polyai-context/model';
import { useLabel, useStrings, type Label, type Translate } from '../../../strings';

interface HandoffSectionProps {
  intent: HandoffIntent | null;
  reason: string | null;
  destination: string | null;
  thresholds: ConfidenceThresholds;
}

// How sure PolyAI was, as the colour an agent reads at a glance (thresholds from the admin config).
export function confidenceVariant(confidence: number, thresholds: ConfidenceThresholds): BadgeProps['variant'] {
  if (confidence >= thresholds.high) return 'success';
  if (confidence >= thresholds.medium) return 'warning';
  return 'error';
}

/** The intent as the Handoff section labels it ("Dispute charge"), with its confidence badge. */
export function intentValue(intent: HandoffIntent, thresholds: ConfidenceThresholds, t: Translate, label: Label): React.ReactNode {
  if (intent.confidence === null) return label.code(intent.name);
  return (
    <Box as="span" display="inline-flex" flexWrap="wrap" alignItems="center" columnGap="space30" rowGap="space20">
      <span>{label.code(intent.name)}</span>
      <Badge as="span" variant={confidenceVariant(intent.confidence, thresholds)}>
        {t('PolyaiContextConfidence', { percent: Math.round(intent.confidence * 100) })}
      </Badge>
    </Box>
  );
}

/** What the section adds to the at-a-glance line, as text for "Copy all". */
export function handoffItems(destination: string | null, t: Translate, label: Label): TextItem[] {
  return destination ? [{ label: t('PolyaiContextDestinationLabel'), value: label.code(destination) }] : [];
}

export function HandoffSection({ intent, reason, destination, thresholds }: HandoffSectionProps): JSX.Element {
  const t = useStrings();
  const label = useLabel();
  const notProvided = t('PolyaiContextNotProvided');
  const items: Detail[] = [
    { label: t('PolyaiContextIntentLabel'), value: intent ? intentValue(intent, thresholds, t, label) : notProvided },
    { label: t('PolyaiContextReasonLabel'), value: reason ? label.code(reason) : notProvided },
  ];
  items.push(...handoffItems(destination, t, label));
  return (
    <Section id="handoff" title={t('PolyaiContextGlanceHeading')}>
      <DetailList items={items} />
    </Section>
  );
}
