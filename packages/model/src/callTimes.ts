/**
 * How long the caller spent with PolyAI and how long since the handoff, from what PolyAI's conversation record
 * and Flex's task say; and, when one of them is missing, which source is missing. Pure: `now` is given.
 */
import type { Conversation } from './conversation';

export type TimeWithPolyai =
  | { status: 'known'; seconds: number }
  /** PolyAI's conversation record is not loaded (yet, or at all). */
  | { status: 'no-record' }
  /** The record has neither `polyaiDuration` nor both `startedAt` and `finishedAt`. */
  | { status: 'no-duration' };

export type TimeSinceHandoff =
  /** From Flex's task (created at the handoff), else from the end of PolyAI's part (`finishedAt`). */
  | { status: 'known'; seconds: number; from: 'flex-task' | 'polyai-end' }
  | { status: 'unknown' };

export interface CallTimes {
  withPolyai: TimeWithPolyai;
  sinceHandoff: TimeSinceHandoff;
}

export type RecordTimes = Pick<Conversation, 'startedAt' | 'finishedAt' | 'polyaiSeconds'>;

/** Whole seconds from `from` to `to`, never negative (clocks of different machines disagree a little). */
function secondsBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 1000));
}

export function callTimes(record: RecordTimes | null, taskCreatedAt: number | null, now: number): CallTimes {
  let withPolyai: TimeWithPolyai = { status: 'no-record' };
  if (record !== null) {
    if (record.polyaiSeconds !== null) withPolyai = { status: 'known', seconds: record.polyaiSeconds };
    else if (record.startedAt !== null && record.finishedAt !== null && record.finishedAt >= record.startedAt) {
      withPolyai = { status: 'known', seconds: secondsBetween(record.startedAt, record.finishedAt) };
    } else withPolyai = { status: 'no-duration' };
  }
  let sinceHandoff: TimeSinceHandoff = { status: 'unknown' };
  if (taskCreatedAt !== null && Number.isFinite(taskCreatedAt)) sinceHandoff = { status: 'known', seconds: secondsBetween(taskCreatedAt, now), from: 'flex-task' };
  else if (record?.finishedAt != null) sinceHandoff = { status: 'known', seconds: secondsBetween(record.finishedAt, now), from: 'polyai-end' };
  return { withPolyai, sinceHandoff };
}

/** Seconds as a stopwatch shows them: `0:49`, `12:05`, `1:02:03`. */
export function stopwatch(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
