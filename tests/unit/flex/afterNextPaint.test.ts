/**
 * What the opening of the tab starts waits for the frame that shows it: `afterNextPaint` runs after the next
 * frame has been painted (in a task queued from that frame's animation callback), at once in a hidden page.
 */
import { afterNextPaint, afterNextPaintWith } from '../../../src/flex/afterNextPaint';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('afterNextPaint', () => {
  it('runs in a task after the next frame, not in the frame itself', () => {
    const calls: string[] = [];
    requestAnimationFrame(() => calls.push('earlier frame callback'));
    afterNextPaint(() => calls.push('after the paint'));
    expect(calls).toEqual([]);
    jest.advanceTimersToNextTimer(); // the frame's callbacks
    expect(calls).toEqual(['earlier frame callback']);
    jest.advanceTimersToNextTimer(); // the task queued from it, after the frame is painted
    expect(calls).toEqual(['earlier frame callback', 'after the paint']);
  });

  it('runs at once in a hidden page, where no frame is painted', () => {
    const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    try {
      const callback = jest.fn();
      afterNextPaint(callback);
      expect(callback).toHaveBeenCalledTimes(1);
    } finally {
      visibility.mockRestore();
    }
  });

  it('can be cancelled before the frame and after it', () => {
    const beforeFrame = jest.fn();
    afterNextPaint(beforeFrame)();
    const afterFrame = jest.fn();
    const cancel = afterNextPaint(afterFrame);
    jest.advanceTimersToNextTimer();
    cancel();
    jest.runAllTimers();
    expect(beforeFrame).not.toHaveBeenCalled();
    expect(afterFrame).not.toHaveBeenCalled();
  });
});

describe('afterNextPaintWith', () => {
  it('gives an answer that came first only after the next painted frame', async () => {
    let settled: string | null = null;
    void afterNextPaintWith(Promise.resolve('answer')).then((value) => (settled = value));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBeNull();
    await jest.runAllTimersAsync();
    expect(settled).toBe('answer');
  });

  it('gives an answer that comes after the painted frame as soon as it comes', async () => {
    let answer: (value: string) => void = () => undefined;
    let settled: string | null = null;
    void afterNextPaintWith(new Promise<string>((resolve) => (answer = resolve))).then((value) => (settled = value));
    await jest.runAllTimersAsync();
    expect(settled).toBeNull();
    answer('late answer');
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe('late answer');
  });
});
