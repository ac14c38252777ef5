import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

import { useNow } from '../common/useNow';
import { callTimes, stopwatch, type RecordTimes, type TimeSinceHandoff, type TimeWithPolyai } from '@polyai-context/model';
import { useStrings, type Translate } from '../../strings';

/** The running clock moves once a second. */
export const TICK_MS = 1_000;

interface CallTimesProps {
  /** PolyAI's conversation record's times; null until (unless) the record is loaded. */
  record: RecordTimes | null;
  /** When Flex created the task (ms since the epoch); null when Flex did not say. */
  taskCreatedAt: number | null;
}

function withPolyaiText(time: TimeWithPolyai, t: Translate): { value: string | null; note: string | null } {
  if (time.status === 'known') return { value: stopwatch(time.seconds), note: null };
  return { value: null, note: t(time.status === 'no-record' ? 'PolyaiContextTimeNoRecord' : 'PolyaiContextTimeNoDuration') };
}

function sinceHandoffText(time: TimeSinceHandoff, t: Translate): { value: string | null; note: string | null } {
  if (time.status === 'unknown') return { value: null, note: t('PolyaiContextTimeNoStart') };
  // Flex's task is the usual source; only the fallback is named.
  return { value: stopwatch(time.seconds), note: time.from === 'polyai-end' ? t('PolyaiContextTimeFromPolyaiEnd') : null };
}

/** "With PolyAI: 0:49 · Since handoff: 2:13" as the tab shows it at `now`, for "Copy all". */
export function callTimesAsText(record: RecordTimes | null, taskCreatedAt: number | null, now: number, t: Translate): string {
  const times = callTimes(record, taskCreatedAt, now);
  const line = (label: string, { value, note }: { value: string | null; note: string | null }) =>
    `${label}: ${value === null ? (note ?? '') : note === null ? value : `${value} (${note})`}`;
  return [line(t('PolyaiContextTimeWithPolyai'), withPolyaiText(times.withPolyai, t)), line(t('PolyaiContextTimeSinceHandoff'), sinceHandoffText(times.sinceHandoff, t))].join(' · ');
}

function Time({ label, value, note, testId }: { label: string; value: string | null; note: string | null; testId: string }): JSX.Element {
  return (
    <Text as="span" color="colorTextWeak" data-testid={testId}>
      {`${label}: `}
      {value !== null && (
        <Text as="span" color="colorText" fontWeight="fontWeightSemibold" fontVariantNumeric="tabular-nums">
          {value}
        </Text>
      )}
      {note !== null && (
        <Text as="span" color="colorTextWeak" fontSize="fontSize20">
          {value === null ? note : ` (${note})`}
        </Text>
      )}
    </Text>
  );
}

/**
 * How long the caller spent with PolyAI and how long since the handoff, at a glance. Only the time since the
 * handoff runs: this component alone renders again each second, on the one timer `useNow` keeps.
 */
export function CallTimes({ record, taskCreatedAt }: CallTimesProps): JSX.Element {
  const t = useStrings();
  const running = taskCreatedAt !== null || record?.finishedAt != null;
  const now = useNow(TICK_MS, running);
  const times = callTimes(record, taskCreatedAt, now);
  return (
    <Box display="flex" flexWrap="wrap" columnGap="space50" rowGap="space20" marginTop="space30" data-testid="polyai-glance-times">
      <Time label={t('PolyaiContextTimeWithPolyai')} {...withPolyaiText(times.withPolyai, t)} testId="polyai-time-with-polyai" />
      <Time label={t('PolyaiContextTimeSinceHandoff')} {...sinceHandoffText(times.sinceHandoff, t)} testId="polyai-time-since-handoff" />
    </Box>
  );
}
