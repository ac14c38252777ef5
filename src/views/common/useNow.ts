import { useEffect, useState } from 'react';

/**
 * The current time, moving on every `intervalMs` while `live`: one timer for whoever shows a running clock,
 * so only that component renders again each tick.
 */
export function useNow(intervalMs: number, live: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, live]);
  return now;
}
