import { Manager, Monitor } from '@twilio/flex-ui';

import { toTabErrorReport, type TabErrorReport } from '../views/common/faultReport';

const REPORT_CONTEXT = 'PolyAI Context tab';

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

/**
 * Render faults in the tab, reported where a Flex admin looks with Flex's default configuration: the
 * browser console (Flex's own error log), and, when the admin enabled Flex's debugger integration
 * (`debuggerIntegration.enabled` in ui_attributes), Flex's `Monitor.sendDebuggerEvent` too: a FlexError with
 * the custom-plugin code, in the Twilio Debugger and `Monitor.getErrors()`. Without that setting Monitor
 * records nothing (it only logs a warning), so the console line is never skipped, unless Flex already
 * forwards console errors to the Debugger (`console_errors_included`), which would report it twice.
 * What a report carries (nothing a caller said) is views/common/faultReport's. Never throws: a failing report
 * must not take the tab's fallback down too. The container hands it to the views' fault boundaries.
 */
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
