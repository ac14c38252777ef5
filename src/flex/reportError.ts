import { Manager, Monitor } from '@twilio/flex-ui';

/**
 * Render faults in the tab, reported where a Flex admin looks with Flex's default configuration: the
 * browser console (Flex's own error log), and, when the admin enabled Flex's debugger integration
 * (`debuggerIntegration.enabled` in ui_attributes), Flex's `Monitor.sendDebuggerEvent` too: a FlexError with
 * the custom-plugin code, in the Twilio Debugger and `Monitor.getErrors()`. Without that setting Monitor
 * records nothing (it only logs a warning), so the console line is never skipped, unless Flex already
 * forwards console errors to the Debugger (`console_errors_included`), which would report it twice.
 *
 * A report carries what helps fix our code and nothing a caller said: the error's class name, its message
 * with anything value-like (quoted text, numbers, emails, URLs, phone numbers) replaced, and the names of
 * the components it passed through. Never task attributes, never the error's own properties.
 */
export interface TabErrorReport {
  name: string;
  message: string;
  componentStack: string[];
}

const REPORT_CONTEXT = 'PolyAI Context tab';
const MAX_MESSAGE_CHARS = 200;
const MAX_COMPONENTS = 20;

const ERROR_NAME = /^[A-Za-z]{1,40}$/;
// Order matters: URLs and emails before the quoted-text and digit rules eat their parts.
const VALUE_LIKE: ReadonlyArray<[RegExp, string]> = [
  [/\b[a-z][a-z0-9+.-]*:\/\/\S+|\b(?:javascript|data|vbscript):\S*/gi, '<url>'],
  [/\S+@\S+/g, '<email>'],
  [/(["'`])(?:(?!\1).)*\1/g, '<text>'],
  [/\+?\d[\d\s().-]{2,}\d|\d{3,}/g, '<number>'],
];
// React 17 stacks read `in Name (at file:line)` or `at Name (url)`; only the component names are kept.
const STACK_FRAME = /^\s*(?:in|at)\s+([A-Za-z_$][\w$]*(?:\.[\w$]+)*)/;

export function scrubMessage(message: string): string {
  let scrubbed = message;
  for (const [pattern, replacement] of VALUE_LIKE) scrubbed = scrubbed.replace(pattern, replacement);
  scrubbed = scrubbed.replace(/\s+/g, ' ').trim();
  return scrubbed.length > MAX_MESSAGE_CHARS ? `${scrubbed.slice(0, MAX_MESSAGE_CHARS)}…` : scrubbed;
}

export function componentNames(componentStack: string | null | undefined): string[] {
  if (typeof componentStack !== 'string') return [];
  const names: string[] = [];
  for (const line of componentStack.split('\n')) {
    const match = STACK_FRAME.exec(line);
    if (match) names.push(match[1]);
    if (names.length >= MAX_COMPONENTS) break;
  }
  return names;
}

export function toTabErrorReport(error: unknown, componentStack?: string | null): TabErrorReport {
  const name = error instanceof Error && ERROR_NAME.test(error.name) ? error.name : 'Error';
  const message = error instanceof Error && typeof error.message === 'string' ? scrubMessage(error.message) : '';
  return { name, message, componentStack: componentNames(componentStack) };
}

interface DebuggerIntegration {
  enabled?: unknown;
  console_errors_included?: unknown;
}

function debuggerIntegration(): DebuggerIntegration {
  try {
    const configuration = Manager.getInstance()?.configuration as { debuggerIntegration?: DebuggerIntegration } | undefined;
    return configuration?.debuggerIntegration ?? {};
  } catch {
    return {};
  }
}

/** Reports a render fault; never throws (a failing report must not take the tab's fallback down too). */
export function reportTabError(error: unknown, componentStack?: string | null): TabErrorReport {
  const report = toTabErrorReport(error, componentStack);
  const message = `${REPORT_CONTEXT}: ${report.name}${report.message ? `: ${report.message}` : ''}`;
  const description = `Components: ${report.componentStack.join(' < ') || 'unknown'}`;
  const integration = debuggerIntegration();
  try {
    if (integration.enabled === true) Monitor.sendDebuggerEvent(message, description);
  } catch {
    // Flex's reporting is unavailable (e.g. not initialised): the console line and the tab's Alert remain.
  }
  if (!(integration.enabled === true && integration.console_errors_included === true)) console.error(`[PolyaiContextPlugin] ${message} (${description})`);
  return report;
}
