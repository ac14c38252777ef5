import React from 'react';

import { DetailList, type TextItem } from '../../common/DetailList';
import { Section } from '../../common/Section';
import type { HandoffIds } from '@polyai-context/model';
import { useStrings, type Translate } from '../../../strings';

/** The ids as label/value text: shown by the section, copied by "Copy all". */
export function referenceItems(ids: HandoffIds, t: Translate): TextItem[] {
  const items: TextItem[] = [];
  if (ids.id) items.push({ label: t('PolyaiContextHandoffIdLabel'), value: ids.id });
  if (ids.sharedId) items.push({ label: t('PolyaiContextSharedIdLabel'), value: ids.sharedId });
  if (ids.callSid && ids.callSid !== ids.id) items.push({ label: t('PolyaiContextCallSidLabel'), value: ids.callSid });
  return items;
}

/** Ids an agent quotes to PolyAI or Twilio support when something looks wrong. */
export function ReferenceSection({ ids }: { ids: HandoffIds }): JSX.Element | null {
  const t = useStrings();
  const items = referenceItems(ids, t);
  if (items.length === 0) return null;
  return (
    <Section id="reference" title={t('PolyaiContextReferenceHeading')}>
      <DetailList items={items} />
    </Section>
  );
}
