/**
 * How late this process's event loop has run in all since the monitor started. On a busy test machine every timer
 * and callback runs late by up to that much, a Function's own deadline included: timing checks allow for it, so a
 * starved machine does not fail code that kept time.
 */
export function startLagMonitor(tickMs = 20): { total(): number; stop(): void } {
  let total = 0;
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    total += Math.max(0, now - last - tickMs);
    last = now;
  }, tickMs);
  return { total: () => total, stop: () => clearInterval(timer) };
}
