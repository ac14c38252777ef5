import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Text } from '@twilio-paste/core/text';

import { agentReasonKey, technicalDetail } from '../common/agentReason';
import { TechnicalDetails } from '../common/TechnicalDetails';
import type { HandoffContext, HandoffProblem, ProblemCode } from '@polyai-context/model';
import { usePlural, useStrings, type StringKey } from '../../strings';

const PROBLEM_KEYS: Record<ProblemCode, StringKey> = {
  'attributes-invalid-json': 'PolyaiContextProblemUnreadable',
  'attributes-not-object': 'PolyaiContextProblemUnreadable',
  'polyai-invalid-json': 'PolyaiContextProblemUnreadable',
  'polyai-not-object': 'PolyaiContextProblemUnreadable',
  'data-not-object': 'PolyaiContextProblemUnreadable',
  'fetch-failed': 'PolyaiContextProblemFetch',
  'field-invalid': 'PolyaiContextProblemValue',
  'too-large': 'PolyaiContextProblemTooLarge',
  'too-deep': 'PolyaiContextProblemTooDeep',
  'too-many-fields': 'PolyaiContextProblemTooMany',
  'value-truncated': 'PolyaiContextProblemShortened',
  'internal-error': 'PolyaiContextProblemInternal',
  'duplicate-key': 'PolyaiContextProblemDuplicateKey',
  'data-empty': 'PolyaiContextProblemEmpty',
};

// The model ends a long list with "N more problems were not listed." (English, for logs): said again here.
const MORE_PROBLEMS = /^(\d+) more problems/;

function ProblemItem({ problem }: { problem: HandoffProblem }): JSX.Element {
  const t = useStrings();
  const plural = usePlural();
  const more = problem.path === undefined ? MORE_PROBLEMS.exec(problem.message) : null;
  const text = more ? plural('PolyaiContextMoreProblems', Number(more[1])) : t(PROBLEM_KEYS[problem.code] ?? 'PolyaiContextProblemInternal');
  return (
    <Text as="li" wordBreak="break-word">
      {problem.path ? `${problem.path}: ${text}` : text}
    </Text>
  );
}

/** Says plainly when the context is missing, unavailable or incomplete; nothing for a clean context. */
export function StatusAlert({ context }: { context: HandoffContext }): JSX.Element | null {
  const t = useStrings();
  const plural = usePlural();
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
            <>
              <Text as="p" color="colorTextWeak">
                {t('PolyaiContextUnavailableReason', { message: t(agentReasonKey(context.error.status, context.error.message)) })}
              </Text>
              <TechnicalDetails lines={[technicalDetail(context.error.status, context.error.message)]} />
            </>
          )}
        </Alert>
      );
    case 'partial': {
      const listed = context.problems.filter((problem) => !(problem.path === undefined && MORE_PROBLEMS.test(problem.message)));
      const unlisted = context.problems.length - listed.length;
      const moreCount = unlisted > 0 ? Number(MORE_PROBLEMS.exec(context.problems[context.problems.length - 1].message)?.[1] ?? 0) : 0;
      return (
        <Alert variant="warning">
          <Text as="p" fontWeight="fontWeightSemibold">{t('PolyaiContextPartialTitle')}</Text>
          <Text as="p">{plural('PolyaiContextPartialBody', listed.length + moreCount)}</Text>
          <Text as="ul" margin="space0" paddingLeft="space60">
            {context.problems.map((problem, index) => (
              <ProblemItem key={`${problem.code}-${index}`} problem={problem} />
            ))}
          </Text>
          <TechnicalDetails lines={context.problems.map((problem) => (problem.path ? `${problem.code} at ${problem.path}: ${problem.message}` : `${problem.code}: ${problem.message}`))} />
        </Alert>
      );
    }
    default:
      return null;
  }
}
