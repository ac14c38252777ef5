import React, { useState } from 'react';

import { DetailList, type Detail } from '../../common/DetailList';
import { Section } from '../../common/Section';
import { SensitiveText } from '../fields/SensitiveText';
import type { HandoffCustomer } from '../../../model';
import { useStrings } from '../../../strings';

interface CallerSectionProps {
  customer: HandoffCustomer;
  language: string | null;
  /** The account number matches a masking pattern: shown masked until revealed. */
  accountNumberSensitive?: boolean;
}

/** Who PolyAI says is calling. Hidden when PolyAI identified nothing. */
export function CallerSection({ customer, language, accountNumberSensitive = false }: CallerSectionProps): JSX.Element | null {
  const t = useStrings();
  const [revealed, setRevealed] = useState(false);
  const items: Detail[] = [];
  if (customer.name) items.push({ label: t('PolyaiContextCallerNameLabel'), value: customer.name });
  if (customer.id) items.push({ label: t('PolyaiContextCustomerIdLabel'), value: customer.id });
  if (customer.accountNumber) {
    const label = t('PolyaiContextAccountNumberLabel');
    items.push({
      label,
      value: (
        <SensitiveText
          text={customer.accountNumber}
          label={label}
          sensitive={accountNumberSensitive}
          revealed={revealed}
          onToggle={() => setRevealed((current) => !current)}
        />
      ),
    });
  }
  if (language) items.push({ label: t('PolyaiContextLanguageLabel'), value: language });
  if (items.length === 0) return null;
  return (
    <Section id="caller" title={t('PolyaiContextCallerHeading')}>
      <DetailList items={items} />
    </Section>
  );
}
