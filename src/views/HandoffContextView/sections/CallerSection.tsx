import React from 'react';
import { Box } from '@twilio-paste/core/box';

import { CopyButton } from '../../common/CopyButton';
import { DetailList, type TextItem } from '../../common/DetailList';
import { Section } from '../../common/Section';
import { useAnnouncement } from '../../common/useAnnouncement';
import { SensitiveText } from '../fields/SensitiveText';
import { MASK, type HandoffCustomer } from '@polyai-context/model';
import { useStrings, type Translate } from '../../../strings';

export interface CallerItem extends TextItem {
  /** The value itself; `value` is what the agent sees (the mask while it is hidden). */
  text: string;
  sensitive: boolean;
}

/** Who is calling, as the agent sees it: shown by the section, copied by "Copy all". */
export function callerItems(customer: HandoffCustomer, language: string | null, t: Translate, accountSensitive: boolean, accountRevealed: boolean): CallerItem[] {
  const items: CallerItem[] = [];
  const add = (label: string, text: string, sensitive = false) =>
    items.push({ label, text, sensitive, value: sensitive && !accountRevealed ? MASK : text });
  if (customer.name) add(t('PolyaiContextCallerNameLabel'), customer.name);
  if (customer.id) add(t('PolyaiContextCustomerIdLabel'), customer.id);
  if (customer.accountNumber) add(t('PolyaiContextAccountNumberLabel'), customer.accountNumber, accountSensitive);
  if (language) add(t('PolyaiContextLanguageLabel'), language);
  return items;
}

interface CallerSectionProps {
  items: readonly CallerItem[];
  /** The account number is shown (the agent pressed its reveal toggle). */
  revealed: boolean;
  onToggle: () => void;
}

/** Who PolyAI says is calling, each value with a copy button. Hidden when PolyAI identified nothing. */
export function CallerSection({ items, revealed, onToggle }: CallerSectionProps): JSX.Element | null {
  const t = useStrings();
  const { announce, region } = useAnnouncement();
  if (items.length === 0) return null;
  return (
    <Section id="caller" title={t('PolyaiContextCallerHeading')}>
      <DetailList
        items={items.map((item) => ({
          label: item.label,
          value: (
            <Box as="span" display="flex" alignItems="center" justifyContent="space-between" columnGap="space20">
              <SensitiveText text={item.text} label={item.label} sensitive={item.sensitive} revealed={revealed} onToggle={onToggle} />
              <CopyButton text={item.text} label={item.label} onCopied={announce} disabled={item.sensitive && !revealed} />
            </Box>
          ),
        }))}
      />
      {region}
    </Section>
  );
}
