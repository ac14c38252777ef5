/**
 * Runs `callback` once the next frame has been painted (a task queued from a frame's animation callback runs
 * after that frame's paint), at once in a hidden page (no frame is painted there); returns a cancel.
 */
export function afterNextPaint(callback: () => void): () => void {
  if (document.visibilityState === 'hidden') {
    callback();
    return () => undefined;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** `answer` once it has settled and the next frame has been painted, whichever comes last. */
export function afterNextPaintWith<T>(answer: Promise<T>): Promise<T> {
  const painted = new Promise<void>((resolve) => afterNextPaint(resolve));
  return Promise.all([answer, painted]).then(([value]) => value);
}
