import React from 'react';
import { Table, TBody, THead, Td, Th, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';

import { SafeValue } from '../../common/SafeValue';
import { Section } from '../../common/Section';
import { formatValue } from '../formatValue';
import type { CapturedField } from '../../../model';
import { useStrings } from '../../../strings';

/** Everything else PolyAI captured, one row a value, labels derived from the keys. */
export function CapturedFieldsSection({ fields }: { fields: CapturedField[] }): JSX.Element {
  const t = useStrings();
  return (
    <Section id="fields" title={t('PolyaiContextFieldsHeading')}>
      {fields.length === 0 ? (
        <Text as="p" color="colorTextWeak">
          {t('PolyaiContextNoFields')}
        </Text>
      ) : (
        <Table variant="borderless" tableLayout="fixed">
          <THead>
            <Tr>
              <Th>{t('PolyaiContextFieldColumn')}</Th>
              <Th>{t('PolyaiContextValueColumn')}</Th>
            </Tr>
          </THead>
          <TBody>
            {fields.map((field) => (
              <Tr key={field.path}>
                <Th scope="row">
                  <Text as="span" fontWeight="fontWeightSemibold" title={field.path} wordBreak="break-word">
                    {field.label}
                  </Text>
                </Th>
                <Td>
                  <Text as="span" wordBreak="break-word">
                    <SafeValue text={formatValue(field, t)} />
                  </Text>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Section>
  );
}
