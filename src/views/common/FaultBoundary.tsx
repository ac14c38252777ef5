import React from 'react';

import { FaultReportContext, type ReportFault, type TabErrorReport } from './faultReport';

interface FaultBoundaryProps {
  children: React.ReactNode;
  /** What shows instead of the children after a render fault; `retry` renders them again. */
  fallback: (retry: () => void) => React.ReactNode;
  /** A new value (new task attributes, a new transcript) clears the fault: fresh data gets a fresh try. */
  resetKey?: unknown;
  /** Told about a render fault, after Flex: the scrubbed report only, never task data. */
  onError?: (report: TabErrorReport) => void;
}

interface FaultBoundaryState {
  failed: boolean;
}

/**
 * Keeps a render fault inside the part that failed: the tab, one section or one row. Every fault is reported
 * whatever the part, by the reporter the container provides (FaultReportContext: through Flex in the plugin).
 */
export class FaultBoundary extends React.Component<FaultBoundaryProps, FaultBoundaryState> {
  static contextType = FaultReportContext;
  state: FaultBoundaryState = { failed: false };

  static getDerivedStateFromError(): FaultBoundaryState {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: React.ErrorInfo): void {
    // Report first and unconditionally: `onError?.(report())` would skip the report without a listener.
    const report = (this.context as ReportFault)(error, info.componentStack);
    this.props.onError?.(report);
  }

  componentDidUpdate(previous: FaultBoundaryProps): void {
    if (this.state.failed && !Object.is(previous.resetKey, this.props.resetKey)) this.retry();
  }

  private readonly retry = () => this.setState({ failed: false });

  render(): React.ReactNode {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children;
  }
}
