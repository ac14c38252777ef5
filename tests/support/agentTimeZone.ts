/**
 * An agent's time zone inside one test. The process's zone is set per jest project (tests/support/timeZone); a test
 * cannot move it, since jest's environment copies `process.env`. What the tab shows in an agent's zone comes
 * from `Intl.DateTimeFormat` without a `timeZone` option: `asAgentIn(zone)` makes such formatters use `zone`,
 * and leaves the ones that name their zone alone.
 */

/** West of UTC, a half-hour offset, a 45-minute offset (a day ahead at times), and UTC itself. */
export const AGENT_ZONES = ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'] as const;

export function asAgentIn(zone: string): () => void {
  const Real = Intl.DateTimeFormat;
  function InZone(this: unknown, locales?: string | string[], options: Intl.DateTimeFormatOptions = {}) {
    return new Real(locales, options.timeZone === undefined ? { ...options, timeZone: zone } : options);
  }
  Object.defineProperty(InZone, 'name', { value: Real.name });
  InZone.prototype = Real.prototype;
  InZone.supportedLocalesOf = Real.supportedLocalesOf;
  Intl.DateTimeFormat = InZone as unknown as typeof Intl.DateTimeFormat;
  return () => {
    Intl.DateTimeFormat = Real;
  };
}

/** The time `iso` shows at, with seconds, in this process's zone (as the transcript shows turn times). */
export function localTime(iso: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(iso));
}
