import React from 'react';

import { reportTabError, type TabErrorReport } from '../../flex/reportError';

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
 * through Flex (flex/reportError) whatever the part.
 */
export class FaultBoundary extends React.Component<FaultBoundaryProps, FaultBoundaryState> {
  state: FaultBoundaryState = { failed: false };

  static getDerivedStateFromError(): FaultBoundaryState {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: React.ErrorInfo): void {
    // Report first and unconditionally: `onError?.(report())` would skip the report without a listener.
    const report = reportTabError(error, info.componentStack);
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
