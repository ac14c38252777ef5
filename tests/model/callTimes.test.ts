import { callTimes, stopwatch } from '@polyai-context/model';

const START = Date.parse('2026-11-20T09:14:02Z');
const END = Date.parse('2026-11-20T09:14:51Z');
const NOW = END + 133_000;

describe('callTimes', () => {
  it('takes the time with PolyAI from polyaiDuration, else from startedAt to finishedAt', () => {
    expect(callTimes({ startedAt: START, finishedAt: END, polyaiSeconds: 30 }, null, NOW).withPolyai).toEqual({ status: 'known', seconds: 30 });
    expect(callTimes({ startedAt: START, finishedAt: END, polyaiSeconds: null }, null, NOW).withPolyai).toEqual({ status: 'known', seconds: 49 });
    expect(callTimes({ startedAt: START, finishedAt: START, polyaiSeconds: null }, null, NOW).withPolyai).toEqual({ status: 'known', seconds: 0 });
    // An end before the start is no duration; nor is a start alone.
    expect(callTimes({ startedAt: START, finishedAt: START - 1, polyaiSeconds: null }, null, NOW).withPolyai).toEqual({ status: 'no-duration' });
    expect(callTimes({ startedAt: START, finishedAt: null, polyaiSeconds: null }, null, NOW).withPolyai).toEqual({ status: 'no-duration' });
    expect(callTimes(null, null, NOW).withPolyai).toEqual({ status: 'no-record' });
  });

  it('counts the time since the handoff from Flex\'s task, else from the end of PolyAI\'s part, never below zero', () => {
    const record = { startedAt: START, finishedAt: END, polyaiSeconds: 49 };
    expect(callTimes(record, END + 3_000, NOW).sinceHandoff).toEqual({ status: 'known', seconds: 130, from: 'flex-task' });
    expect(callTimes(record, null, NOW).sinceHandoff).toEqual({ status: 'known', seconds: 133, from: 'polyai-end' });
    expect(callTimes(null, NOW + 5_000, NOW).sinceHandoff).toEqual({ status: 'known', seconds: 0, from: 'flex-task' });
    expect(callTimes(null, NOW - 999, NOW).sinceHandoff).toEqual({ status: 'known', seconds: 0, from: 'flex-task' });
    expect(callTimes(null, NOW - 1_000, NOW).sinceHandoff).toEqual({ status: 'known', seconds: 1, from: 'flex-task' });
    expect(callTimes(null, Number.NaN, NOW).sinceHandoff).toEqual({ status: 'unknown' });
    expect(callTimes({ ...record, finishedAt: null }, null, NOW).sinceHandoff).toEqual({ status: 'unknown' });
  });
});

describe('stopwatch', () => {
  it.each([
    [0, '0:00'],
    [9, '0:09'],
    [59, '0:59'],
    [60, '1:00'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3661, '1:01:01'],
    [-5, '0:00'],
    [49.9, '0:49'],
  ])('%s s → %s', (seconds, shown) => expect(stopwatch(seconds)).toBe(shown));
});
