import React, { useRef } from 'react';
import type * as Flex from '@twilio/flex-ui';

interface CanvasTabsState {
  flex?: { view?: { componentViewStates?: Record<string, { selectedTabName?: unknown } | undefined> } };
}

type OpenedOnlyProps = { children: React.ReactNode };

/**
 * Real Flex mounts every tab's content, selected or not, in both task canvases (the agent's and the Teams
 * view's). The returned wrapper renders a tab's content (and so its requests) only once that tab is selected in
 * the canvas's Flex component state (`canvasTabs`), then keeps it mounted so scroll, search and reveals survive
 * tab switches. Per task: the canvas stays mounted when another task is selected, and that task starts unopened.
 */
export function openedOnlyIn(flex: typeof Flex, canvasTabs: string, tabName: string): React.ComponentType<OpenedOnlyProps> {
  function OpenedOnly({ task, children }: OpenedOnlyProps & { task?: Flex.ITask }): JSX.Element | null {
    const selected = flex.useFlexSelector((state: CanvasTabsState) => state.flex?.view?.componentViewStates?.[canvasTabs]?.selectedTabName === tabName);
    const taskSid = task?.sid;
    const openedFor = useRef<string | undefined>(undefined);
    if (selected) openedFor.current = taskSid;
    return selected || openedFor.current === taskSid ? <>{children}</> : null;
  }
  return flex.withTaskContext(OpenedOnly) as unknown as React.ComponentType<OpenedOnlyProps>;
}
