/**
 * Counts the event listeners and timers alive in the bench page, so the lifecycle run can show the tab
 * leaves none behind. Imported first, before React or Paste. Weak references only: tracking must never
 * be what keeps a detached tab alive.
 */
interface ListenerRecord {
  target: WeakRef<EventTarget>;
  listener: WeakRef<object>;
  type: string;
  capture: boolean;
}

const listeners = new Set<ListenerRecord>();
const timeouts = new Set<number>();
const intervals = new Set<number>();
const animationFrames = new Set<number>();

/** The harness's own scheduling, kept out of the counts. */
export const untracked = {
  setTimeout: window.setTimeout.bind(window),
  requestAnimationFrame: window.requestAnimationFrame.bind(window),
};

const captureOf = (options?: boolean | EventListenerOptions) => (typeof options === 'boolean' ? options : Boolean(options?.capture));

function find(target: EventTarget, type: string, listener: object, capture: boolean): ListenerRecord | undefined {
  for (const record of listeners) {
    if (record.type === type && record.capture === capture && record.target.deref() === target && record.listener.deref() === listener) return record;
  }
  return undefined;
}

const addEventListener = EventTarget.prototype.addEventListener;
const removeEventListener = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function track(type, listener, options) {
  const capture = captureOf(options);
  if (listener && !find(this, type, listener, capture)) {
    listeners.add({ target: new WeakRef(this), listener: new WeakRef(listener), type, capture });
  }
  addEventListener.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function untrack(type, listener, options) {
  const record = listener ? find(this, type, listener, captureOf(options)) : undefined;
  if (record) listeners.delete(record);
  removeEventListener.call(this, type, listener, options);
};

const { setTimeout, clearTimeout, setInterval, clearInterval, requestAnimationFrame, cancelAnimationFrame } = window;

/** A clearTimeout/clearInterval/cancelAnimationFrame that also forgets the id. */
function untracking<Clear>(ids: Set<number>, clear: (id: number) => void): Clear {
  return ((id: number) => {
    ids.delete(id);
    clear(id);
  }) as unknown as Clear;
}

/** When the page's last timeout callback started: the keystroke bench times a debounced update from it. */
export const timeoutClock = { lastFiredAt: 0 };

window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id = setTimeout(() => {
    timeouts.delete(id);
    timeoutClock.lastFiredAt = performance.now();
    if (typeof handler === 'function') handler(...args);
  }, ms);
  timeouts.add(id);
  return id;
}) as typeof window.setTimeout;
window.clearTimeout = untracking<typeof window.clearTimeout>(timeouts, clearTimeout);
window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id = setInterval(handler, ms, ...args);
  intervals.add(id);
  return id;
}) as typeof window.setInterval;
window.clearInterval = untracking<typeof window.clearInterval>(intervals, clearInterval);
window.requestAnimationFrame = (callback) => {
  const id = requestAnimationFrame((time) => {
    animationFrames.delete(id);
    callback(time);
  });
  animationFrames.add(id);
  return id;
};
window.cancelAnimationFrame = untracking<typeof window.cancelAnimationFrame>(animationFrames, cancelAnimationFrame);

export interface LiveHandles {
  /** Listeners on window, document or an element still in the document. */
  listeners: number;
  /** Listeners on detached elements not yet collected (run after a GC, these are leaks). */
  detachedListeners: number;
  timeouts: number;
  intervals: number;
  animationFrames: number;
}

export function liveHandles(): LiveHandles {
  let attached = 0;
  let detached = 0;
  for (const record of listeners) {
    const target = record.target.deref();
    if (!target || !record.listener.deref()) listeners.delete(record);
    else if (target instanceof Node && !target.isConnected) detached += 1;
    else attached += 1;
  }
  return { listeners: attached, detachedListeners: detached, timeouts: timeouts.size, intervals: intervals.size, animationFrames: animationFrames.size };
}
