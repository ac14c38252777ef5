import React, { useEffect, useRef, useState } from 'react';

/**
 * Mounts its children the first time they become visible, then keeps them. Flex's tabs keep every tab mounted
 * (hidden) by default, so without this a tab's content would load — and fetch — before anyone opened it.
 * Where IntersectionObserver is missing, the children mount at once.
 */
export function MountWhenVisible({ children }: { children: React.ReactNode }): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (seen || element === null) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return undefined;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  return (
    <div ref={ref} style={{ height: '100%', minHeight: 1 }} data-testid="polyai-mount-when-visible">
      {seen ? children : null}
    </div>
  );
}
