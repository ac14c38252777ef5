/**
 * The one hook the container runs its Function calls with (transcript, whole handoff): nothing is called without a
 * loader (the tab not yet opened), a loader is called once, a retry keeps the failure on screen while it runs, and
 * nothing outlives an unmount.
 */
import React from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';

import { RETRY_FEEDBACK_MS, useFunctionCall, type FunctionCall, type FunctionLoader } from '../../../src/functionCalls/useFunctionCall';

type Loaded = { value: string };

let latest: FunctionCall<Loaded> | null = null;

function Probe({ load }: { load: FunctionLoader<Loaded> | null }): JSX.Element {
  const call = useFunctionCall(load);
  latest = call;
  const { state } = call;
  const shown = state.status === 'loaded' ? `loaded ${state.value.value}` : state.status === 'failed' ? `failed ${state.code} ${state.message}` : 'loading';
  return <p data-testid="state">{`${shown}${call.retrying ? ' (retrying)' : ''}${call.lastTried === null ? '' : ' (tried)'}`}</p>;
}

const shown = () => screen.getByTestId('state').textContent;

/** A loader whose answers the test gives one by one. */
function controlled() {
  const pending: Array<(result: Awaited<ReturnType<FunctionLoader<Loaded>>>) => void> = [];
  const signals: AbortSignal[] = [];
  const load = jest.fn<ReturnType<FunctionLoader<Loaded>>, [AbortSignal]>((signal) => {
    signals.push(signal);
    return new Promise((resolve) => pending.push(resolve));
  });
  return { load, signals, answer: (result: Awaited<ReturnType<FunctionLoader<Loaded>>>) => act(async () => pending.shift()?.(result)) };
}

afterEach(() => {
  latest = null;
  jest.useRealTimers();
});

describe('useFunctionCall', () => {
  it('calls nothing without a loader (the tab not yet opened), then once when one is given, and not again on a re-render', async () => {
    const { load, answer } = controlled();
    const { rerender } = render(<Probe load={null} />);
    expect(shown()).toBe('loading');
    expect(load).not.toHaveBeenCalled();
    rerender(<Probe load={load} />);
    expect(load).toHaveBeenCalledTimes(1);
    await answer({ ok: true, value: 'transcript' });
    expect(shown()).toBe('loaded transcript (tried)');
    rerender(<Probe load={load} />);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows a failure with its code; a retry keeps it on screen, busy, for at least the feedback time, then shows the answer', async () => {
    jest.useFakeTimers();
    const { load, answer } = controlled();
    render(<Probe load={load} />);
    await answer({ ok: false, aborted: false, status: 502, message: 'PolyAI had a problem.' });
    expect(shown()).toBe('failed 502 PolyAI had a problem. (tried)');
    act(() => latest?.retry());
    expect(load).toHaveBeenCalledTimes(2);
    expect(shown()).toBe('failed 502 PolyAI had a problem. (retrying) (tried)');
    await answer({ ok: true, value: 'at last' });
    // Answered at once, but the retry still shows for the feedback time.
    expect(shown()).toContain('(retrying)');
    await act(async () => {
      jest.advanceTimersByTime(RETRY_FEEDBACK_MS);
    });
    expect(shown()).toBe('loaded at last (tried)');
  });

  it('reads a loader that throws as a failure, without an unhandled rejection', async () => {
    render(<Probe load={async () => Promise.reject(new Error('broken loader'))} />);
    await waitFor(() => expect(shown()).toBe('failed null broken loader (tried)'));
  });

  it('aborts the call on unmount and when the loader changes; an answer that comes later changes nothing', async () => {
    const first = controlled();
    const second = controlled();
    const { rerender, unmount } = render(<Probe load={first.load} />);
    rerender(<Probe load={second.load} />);
    expect(first.signals[0].aborted).toBe(true);
    await first.answer({ ok: true, value: 'stale' });
    expect(shown()).toBe('loading');
    await second.answer({ ok: true, value: 'current' });
    expect(shown()).toBe('loaded current (tried)');
    unmount();
    expect(second.signals[0].aborted).toBe(true);
  });
});
