import React from 'react';
import type * as Flex from '@twilio/flex-ui';

import { PolyaiContextTab } from '../container/PolyaiContextTab';
import type { PolyaiContextConfig } from '../../config';
import { pickStrings, type SupportedLanguage } from '../../strings';
import { handoffContextOf } from '../taskContext';
import { preparedIn } from './preparedTab';
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

export function registerContextTab(flex: typeof Flex, manager: Flex.Manager, config: PolyaiContextConfig, language: SupportedLanguage, locale: string = language): void {
  const Prepared = preparedIn(flex, TASK_CANVAS_TABS, CONTEXT_TAB_NAME);
  const ThemedTab = withPasteTheme(flex, PolyaiContextTab);
  const label = pickStrings(manager.strings).PolyaiContextTabLabel;
  flex.TaskCanvasTabs.Content.add(
    <flex.Tab key="polyai-context-tab" uniqueName={CONTEXT_TAB_NAME} label={label}>
      <Prepared>
        <ThemedTab config={config} language={language} locale={locale} />
      </Prepared>
    </flex.Tab>,
    { sortOrder: config.tabSortOrder, if: ({ task }) => shouldShowContextTab(task, config) },
  );
}
