import React from 'react';
import type * as Flex from '@twilio/flex-ui';

import { CONTEXT_TAB_NAME, shouldShowContextTab } from './contextTab';
import { MountWhenVisible } from '../components/common/MountWhenVisible';
import { PolyaiContextTab } from '../components/PolyaiContextTab/PolyaiContextTab';
import type { PolyaiContextConfig } from '../config';
import { pickStrings, type SupportedLanguage } from '../strings';

/**
 * The same PolyAI Context tab in the Teams view's task canvas (`Supervisor.TaskCanvasTabs`), for a supervisor
 * monitoring the call: the agent's verdict is read-only. Flex keeps every tab mounted, so the content mounts
 * (and fetches the transcript) only once the supervisor opens the tab.
 */
export function registerSupervisorContextTab(flex: typeof Flex, manager: Flex.Manager, config: PolyaiContextConfig, language: SupportedLanguage): void {
  const label = pickStrings(manager.strings).PolyaiContextTabLabel;
  flex.Supervisor.TaskCanvasTabs.Content.add(
    <flex.Tab key="polyai-context-supervisor-tab" uniqueName={CONTEXT_TAB_NAME} label={label}>
      <MountWhenVisible>
        <PolyaiContextTab config={config} language={language} audience="supervisor" />
      </MountWhenVisible>
    </flex.Tab>,
    { sortOrder: config.tabSortOrder, if: ({ task }) => shouldShowContextTab(task, config) },
  );
}
