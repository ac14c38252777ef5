import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Text } from '@twilio-paste/core/text';

import type { HandoffContext } from '../../model';
import { useStrings } from '../../strings';

/** Says plainly when the context is missing, unavailable or incomplete; nothing for a clean context. */
export function StatusAlert({ context }: { context: HandoffContext }): JSX.Element | null {
  const t = useStrings();
  switch (context.status) {
    case 'absent':
      return (
        <Alert variant="neutral">
          <Text as="p" fontWeight="fontWeightSemibold">{t('PolyaiContextAbsentTitle')}</Text>
          <Text as="p">{t('PolyaiContextAbsentBody')}</Text>
        </Alert>
      );
    case 'unavailable':
      return (
        <Alert variant="error">
          <Text as="p" fontWeight="fontWeightSemibold">{t('PolyaiContextUnavailableTitle')}</Text>
          <Text as="p">{t('PolyaiContextUnavailableBody')}</Text>
          {context.error && (
            <Text as="p" color="colorTextWeak">
              {t('PolyaiContextUnavailableReason', { message: context.error.message })}
              {context.error.status !== null && ` (${t('PolyaiContextUnavailableStatus', { status: context.error.status })})`}
            </Text>
          )}
        </Alert>
      );
    case 'partial':
      return (
        <Alert variant="warning">
          <Text as="p" fontWeight="fontWeightSemibold">{t('PolyaiContextPartialTitle')}</Text>
          <Text as="p">{t('PolyaiContextPartialBody', { count: context.problems.length })}</Text>
          <Text as="ul" margin="space0" paddingLeft="space60">
            {context.problems.map((problem, index) => (
              <Text as="li" key={`${problem.code}-${index}`}>
                {problem.path ? `${problem.path}: ${problem.message}` : problem.message}
              </Text>
            ))}
          </Text>
        </Alert>
      );
    default:
      return null;
  }
}
