/**
 * Values in the agent's time zone (docs/handoff-data.md, "How values are read", and docs/agent-experience.md), pinned in
 * named zones whatever zone the suite runs in: a calendar day is the same day everywhere, a moment is shown at
 * the agent's clock time. West of UTC, half-hour and 45-minute offsets, and a day ahead of UTC.
 */
import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { compileMaskPatterns, DEFAULT_MASK_PATTERNS, type CapturedField } from '@polyai-context/model';

import { fetchConversation } from '../../../src/functionCalls/conversationClient';
import { STRING_TABLES } from '../../../src/strings';
import type * as FormatValue from '../../../src/views/HandoffContextView/formatValue';
// The transcript with its call, as the tab's container renders it.
import { ConversationTranscript as TranscriptSection } from '../../../src/flex/container/ConversationTranscript';
import { jsonResponse, mockFetch } from '../../support/fetch';
import { renderInLanguage } from '../../support/render';
import { AGENT_ZONES, asAgentIn } from '../../support/agentTimeZone';
import { wholeCall } from '../../support/transcriptSource';

const t = (key: string) => (STRING_TABLES['en-US'] as Record<string, string>)[key] ?? key;
const field = (value: string): CapturedField => ({ path: 'slots.when', segments: ['slots', 'when'], label: 'When', value, kind: 'string' });
/** Intl's spacing (a narrow no-break space before AM/PM in recent ICU) as plain spaces. */
const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

let restore: (() => void) | undefined;
afterEach(() => restore?.());

/** formatValue as an agent in `zone` sees it: a fresh module, so no formatter made in another zone is reused. */
function formatIn(zone: string): typeof FormatValue.formatValue {
  restore = asAgentIn(zone);
  let formatValue: typeof FormatValue.formatValue | undefined;
  jest.isolateModules(() => {
    ({ formatValue } = jest.requireActual<typeof FormatValue>('../../../src/views/HandoffContextView/formatValue'));
  });
  return formatValue as typeof FormatValue.formatValue;
}

describe('a calendar day is the same day in every zone', () => {
  it.each(AGENT_ZONES)('in %s: "1988-05-04" is 4 May 1988 in en-US, en-GB and de-DE', (zone) => {
    const formatValue = formatIn(zone);
    expect(formatValue(field('1988-05-04'), t, 'en-US')).toBe('May 4, 1988');
    expect(formatValue(field('1988-05-04'), t, 'en-GB')).toBe('4 May 1988');
    expect(formatValue(field('1988-05-04'), t, 'de-DE')).toBe('04.05.1988');
  });

  it.each(AGENT_ZONES)('in %s: the first and last day of a year and a leap day stay themselves', (zone) => {
    const formatValue = formatIn(zone);
    expect(formatValue(field('2024-01-01'), t, 'en-US')).toBe('Jan 1, 2024');
    expect(formatValue(field('2023-12-31'), t, 'en-US')).toBe('Dec 31, 2023');
    expect(formatValue(field('2024-02-29'), t, 'en-US')).toBe('Feb 29, 2024');
  });

  it.each(AGENT_ZONES)('in %s: a day that does not exist is shown as written', (zone) => {
    const formatValue = formatIn(zone);
    expect(formatValue(field('2024-02-30'), t, 'en-US')).toBe('2024-02-30');
    expect(formatValue(field('2023-02-29T10:00:00Z'), t, 'en-US')).toBe('2023-02-29T10:00:00Z');
  });
});

describe('a moment is shown at the agent\'s clock time', () => {
  it.each([
    ['America/Los_Angeles', 'Nov 14, 2026, 3:30 PM', '30 Jun 2026, 17:00'],
    ['Asia/Kolkata', 'Nov 15, 2026, 5:00 AM', '1 Jul 2026, 05:30'],
    ['Pacific/Chatham', 'Nov 15, 2026, 1:15 PM', '1 Jul 2026, 12:45'],
    ['UTC', 'Nov 14, 2026, 11:30 PM', '1 Jul 2026, 00:00'],
  ])('in %s: %s (en-US) and %s (en-GB, from a -04:00 offset)', (zone, usText, gbText) => {
    const formatValue = formatIn(zone);
    expect(spaced(formatValue(field('2026-11-14T23:30:00Z'), t, 'en-US'))).toBe(usText);
    expect(spaced(formatValue(field('2026-06-30T20:00:00-04:00'), t, 'en-GB'))).toBe(gbText);
  });

  it.each([
    ['America/Los_Angeles', '3:45:30 PM'],
    ['Asia/Kolkata', '5:15:30 AM'],
    ['Pacific/Chatham', '1:30:30 PM'],
    ['UTC', '11:45:30 PM'],
  ])('in %s: a transcript turn at 23:45:30 UTC is shown at %s', async (zone, shown) => {
    restore = asAgentIn(zone);
    const body = { conversation: { conversationId: 'CA1', turns: [{ agent_response: 'Hello', agent_response_datetime: '2026-11-20T23:45:30Z' }] } };
    const fetchImpl = mockFetch(jsonResponse(200, body));
    renderInLanguage(
      <TranscriptSection
        source={{ status: 'available', ...wholeCall((signal: AbortSignal) => fetchConversation({ functionsBaseUrl: 'https://fn.twil.io', token: 't', taskSid: 'WT1', conversationId: 'CA1', signal, fetchImpl })) }}
        maskPatterns={compileMaskPatterns(DEFAULT_MASK_PATTERNS)}
      />,
    );
    await waitFor(() => expect(within(screen.getByRole('log')).queryAllByRole('listitem')).toHaveLength(1));
    expect(spaced(within(screen.getByRole('log')).getByRole('listitem').textContent)).toContain(`PolyAI agent · ${shown}`);
  });
});
