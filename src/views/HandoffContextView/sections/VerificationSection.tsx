import React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';

import { DetailList, type TextItem } from '../../common/DetailList';
import { Section } from '../../common/Section';
import type { HandoffVerification } from '@polyai-context/model';
import { useLabel, useStrings, type Label, type Translate } from '../../../strings';

/** Verified / Not verified / unknown, in the colour an agent reads at a glance. */
export function VerificationBadge({ verification }: { verification: HandoffVerification | null }): JSX.Element {
  const t = useStrings();
  const identified = verification?.identified ?? null;
  if (identified === true) return <Badge as="span" variant="success">{t('PolyaiContextVerified')}</Badge>;
  if (identified === false) return <Badge as="span" variant="error">{t('PolyaiContextNotVerified')}</Badge>;
  return <Badge as="span" variant="neutral">{t('PolyaiContextVerificationUnknown')}</Badge>;
}

/** How the caller was verified, as label/value text: shown by the section, copied by "Copy all". */
export function verificationItems(verification: HandoffVerification | null, t: Translate, label: Label): TextItem[] {
  const items: TextItem[] = [];
  if (verification?.method) items.push({ label: t('PolyaiContextAuthMethodLabel'), value: label.code(verification.method) });
  if (verification?.attempts !== null && verification?.attempts !== undefined) {
    items.push({ label: t('PolyaiContextAttemptsLabel'), value: String(verification.attempts) });
  }
  return items;
}

export function VerificationSection({ verification }: { verification: HandoffVerification | null }): JSX.Element {
  const t = useStrings();
  const items = verificationItems(verification, t, useLabel());
  return (
    <Section id="verification" title={t('PolyaiContextVerificationHeading')}>
      <Box marginBottom={items.length > 0 ? 'space30' : 'space0'}>
        <VerificationBadge verification={verification} />
      </Box>
      {items.length > 0 && <DetailList items={items} />}
    </Section>
  );
}
