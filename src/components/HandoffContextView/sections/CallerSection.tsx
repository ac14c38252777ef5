import React from 'react';

import { DetailList, type Detail } from '../../common/DetailList';
import { Section } from '../../common/Section';
import type { HandoffCustomer } from '../../../model';
import { useStrings } from '../../../strings';

/** Who PolyAI says is calling. Hidden when PolyAI identified nothing. */
export function CallerSection({ customer, language }: { customer: HandoffCustomer; language: string | null }): JSX.Element | null {
  const t = useStrings();
  const items: Detail[] = [];
  if (customer.name) items.push({ label: t('PolyaiContextCallerNameLabel'), value: customer.name });
  if (customer.id) items.push({ label: t('PolyaiContextCustomerIdLabel'), value: customer.id });
  if (customer.accountNumber) items.push({ label: t('PolyaiContextAccountNumberLabel'), value: customer.accountNumber });
  if (language) items.push({ label: t('PolyaiContextLanguageLabel'), value: language });
  if (items.length === 0) return null;
  return (
    <Section id="caller" title={t('PolyaiContextCallerHeading')}>
      <DetailList items={items} />
    </Section>
  );
}
