import { useCallback, useState } from 'react';

/** A set of keys the agent switched on (revealed values, revealed messages), with a stable toggle. */
export function useToggleSet<T>(): [ReadonlySet<T>, (key: T) => void] {
  const [keys, setKeys] = useState<ReadonlySet<T>>(() => new Set());
  const toggle = useCallback(
    (key: T) =>
      setKeys((current) => {
        const next = new Set(current);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  return [keys, toggle];
}
