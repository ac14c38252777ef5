import React, { useRef } from 'react';
import type * as Flex from '@twilio/flex-ui';

import { PolyaiContextTab } from '../container/PolyaiContextTab';
import type { PolyaiContextConfig } from '../../config';
import { pickStrings, type SupportedLanguage } from '../../strings';
import { handoffContextOf } from '../taskContext';
import { withPasteTheme } from './pasteProvider';
import { TASK_CANVAS_TABS } from './taskCanvasTabs';

export const CONTEXT_TAB_NAME = 'polyai-context';

/** True when the task's attributes carry PolyAI data (even if it could not be fetched). */
export function hasPolyaiContext(task: { attributes?: unknown } | undefined): boolean {
  return handoffContextOf(task?.attributes).status !== 'absent';
}

/** True when the tab belongs on this task's canvas. */
export function shouldShowContextTab(task: { attributes?: unknown } | undefined, config: PolyaiContextConfig): boolean {
  return config.alwaysShow || hasPolyaiContext(task);
}

interface CanvasTabsState {
  flex?: { view?: { componentViewStates?: Record<string, { selectedTabName?: unknown } | undefined> } };
}

/**
 * Real Flex mounts every tab's content, selected or not: the tab's content (and its transcript request)
 * waits until the agent opens the tab, then stays mounted so scroll, search and reveals survive tab switches.
 */
function OpenedOnly({ flex, taskSid, children }: { flex: typeof Flex; taskSid?: string; children: React.ReactNode }): JSX.Element | null {
  const selected = flex.useFlexSelector((state: CanvasTabsState) => state.flex?.view?.componentViewStates?.[TASK_CANVAS_TABS]?.selectedTabName === CONTEXT_TAB_NAME);
  // Per task: the canvas stays mounted when the agent switches tasks, the next task starts unopened.
  const openedFor = useRef<string | undefined>(undefined);
  if (selected) openedFor.current = taskSid;
  return selected || openedFor.current === taskSid ? <>{children}</> : null;
}

export function registerContextTab(flex: typeof Flex, manager: Flex.Manager, config: PolyaiContextConfig, language: SupportedLanguage, locale: string = language): void {
  const OpenedOnlyForTask = flex.withTaskContext(({ task, ...props }: { task?: Flex.ITask; flex: typeof Flex; children: React.ReactNode }) => (
    <OpenedOnly {...props} taskSid={task?.sid} />
  ));
  const ThemedTab = withPasteTheme(flex, PolyaiContextTab);
  const label = pickStrings(manager.strings).PolyaiContextTabLabel;
  flex.TaskCanvasTabs.Content.add(
    <flex.Tab key="polyai-context-tab" uniqueName={CONTEXT_TAB_NAME} label={label}>
      <OpenedOnlyForTask flex={flex}>
        <ThemedTab config={config} language={language} locale={locale} />
      </OpenedOnlyForTask>
    </flex.Tab>,
    { sortOrder: config.tabSortOrder, if: ({ task }) => shouldShowContextTab(task, config) },
  );
}
