/**
 * A failed load says when it was last tried, in the agent's locale; the time format is made once per locale
 * (making one costs more than the alert's whole render), not on every render.
 */
import React from 'react';
import { screen } from '@testing-library/react';

import { LoadFailure } from '../../../src/views/common/LoadFailure';
import { renderInLanguage } from '../../support/render';

const TRIED = Date.UTC(2026, 11, 7, 14, 5, 9);

function failure(testId: string, lastTried: number): JSX.Element {
  return <LoadFailure title="The transcript could not be loaded." code={502} message="upstream" onRetry={() => undefined} retrying={false} lastTried={lastTried} testId={testId} />;
}

it.each(['en-GB', 'de-DE'])("says when each failure was last tried in the agent's locale (%s), making one time format for all", (locale) => {
  const format = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  const made = jest.spyOn(Intl, 'DateTimeFormat');
  renderInLanguage(
    <>
      {failure('transcript', TRIED)}
      {failure('handoff', TRIED + 61_000)}
    </>,
    'en-US',
    locale,
  );
  expect(screen.getByTestId('transcript-retry-status')).toHaveTextContent(`Last tried at ${format.format(TRIED)}`);
  expect(screen.getByTestId('handoff-retry-status')).toHaveTextContent(`Last tried at ${format.format(TRIED + 61_000)}`);
  expect(made.mock.calls.filter(([asked]) => asked === locale)).toHaveLength(1);
  made.mockRestore();
});
