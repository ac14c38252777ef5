import React, { useEffect, useRef, useState } from 'react';
import type * as Flex from '@twilio/flex-ui';

import { TabOpenedContext } from '../../views/common/tabOpened';

interface CanvasTabsState {
  flex?: { view?: { componentViewStates?: Record<string, { selectedTabName?: unknown } | undefined> } };
}

type PreparedProps = { children: React.ReactNode };

/**
 * Real Flex mounts every tab's content, selected or not, in both task canvases (the agent's and the Teams
 * view's), so opening one of its own tabs only shows it. The returned wrapper does the same for a tab whose
 * content needs no network to show: it renders the content (hidden by Flex) right after the canvas first
 * shows, a frame later so the canvas itself is not delayed, and at once when the tab is already selected.
 * What the content may fetch waits for `TabOpenedContext`: true once that tab is selected in the canvas's
 * Flex component state (`canvasTabs`), then kept for the task, so scroll, search and reveals survive tab
 * switches. Per task: the canvas stays mounted when another task is selected, and that task starts unopened.
 */
export function preparedIn(flex: typeof Flex, canvasTabs: string, tabName: string): React.ComponentType<PreparedProps> {
  function Prepared({ task, children }: PreparedProps & { task?: Flex.ITask }): JSX.Element | null {
    const selected = flex.useFlexSelector((state: CanvasTabsState) => state.flex?.view?.componentViewStates?.[canvasTabs]?.selectedTabName === tabName);
    const taskSid = task?.sid;
    const openedFor = useRef<string | undefined>(undefined);
    if (selected) openedFor.current = taskSid;
    const opened = selected || openedFor.current === taskSid;
    const [canvasShown, setCanvasShown] = useState(false);
    useEffect(() => setCanvasShown(true), []);
    if (!opened && !canvasShown) return null;
    return <TabOpenedContext.Provider value={opened}>{children}</TabOpenedContext.Provider>;
  }
  return flex.withTaskContext(Prepared) as unknown as React.ComponentType<PreparedProps>;
}
