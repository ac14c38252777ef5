import React from 'react';
import type * as Flex from '@twilio/flex-ui';

import { PolyaiContextTab } from '../components/PolyaiContextTab/PolyaiContextTab';
import type { PolyaiContextConfig } from '../config';
import { pickStrings } from '../strings';
import { handoffContextOf } from '../utils/handoffContextCache';

export const CONTEXT_TAB_NAME = 'polyai-context';

/** True when the tab belongs on this task's canvas. */
export function shouldShowContextTab(task: { attributes?: unknown } | undefined, config: PolyaiContextConfig): boolean {
  if (config.alwaysShow) return true;
  return handoffContextOf(task?.attributes).status !== 'absent';
}

export function registerContextTab(flex: typeof Flex, manager: Flex.Manager, config: PolyaiContextConfig): void {
  const label = pickStrings(manager.strings).PolyaiContextTabLabel;
  flex.TaskCanvasTabs.Content.add(
    <flex.Tab key="polyai-context-tab" uniqueName={CONTEXT_TAB_NAME} label={label}>
      <PolyaiContextTab />
    </flex.Tab>,
    { sortOrder: config.tabSortOrder, if: ({ task }) => shouldShowContextTab(task, config) },
  );
}
