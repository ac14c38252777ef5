import React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';

import { DetailList, type Detail } from '../../common/DetailList';
import { Section } from '../../common/Section';
import { humanizeCode, type HandoffVerification } from '../../../model';
import { useStrings } from '../../../strings';

export function VerificationSection({ verification }: { verification: HandoffVerification | null }): JSX.Element {
  const t = useStrings();
  const identified = verification?.identified ?? null;
  const badge =
    identified === true ? (
      <Badge as="span" variant="success">{t('PolyaiContextVerified')}</Badge>
    ) : identified === false ? (
      <Badge as="span" variant="error">{t('PolyaiContextNotVerified')}</Badge>
    ) : (
      <Badge as="span" variant="neutral">{t('PolyaiContextVerificationUnknown')}</Badge>
    );
  const items: Detail[] = [];
  if (verification?.method) items.push({ label: t('PolyaiContextAuthMethodLabel'), value: humanizeCode(verification.method) });
  if (verification?.attempts !== null && verification?.attempts !== undefined) {
    items.push({ label: t('PolyaiContextAttemptsLabel'), value: String(verification.attempts) });
  }
  return (
    <Section id="verification" title={t('PolyaiContextVerificationHeading')}>
      <Box marginBottom={items.length > 0 ? 'space30' : 'space0'}>{badge}</Box>
      {items.length > 0 && <DetailList items={items} />}
    </Section>
  );
}
