import React from 'react';
import type * as Flex from '@twilio/flex-ui';

import { CONTEXT_TAB_NAME, shouldShowContextTab } from './contextTab';
import { preparedIn } from './preparedTab';
import { withPasteTheme } from './pasteProvider';
import { SUPERVISOR_CANVAS_TABS } from './taskCanvasTabs';
import { PolyaiContextTab } from '../container/PolyaiContextTab';
import type { PolyaiContextConfig } from '../../config';
import { pickStrings, type SupportedLanguage } from '../../strings';

/**
 * The same PolyAI Context tab in the Teams view's task canvas (`Supervisor.TaskCanvasTabs`), for a supervisor
 * monitoring the call: the agent's verdict is read-only. As on the agent's canvas, the content is built
 * with the canvas and fetches the transcript only once the supervisor opens the tab (Flex's
 * `SupervisorCanvasTabs` state).
 */
export function registerSupervisorContextTab(flex: typeof Flex, manager: Flex.Manager, config: PolyaiContextConfig, language: SupportedLanguage, locale: string = language): void {
  // A Flex build without the Teams view's canvas (or an imitation of Flex) must not stop the agent's tab.
  const supervisorTabs = (flex as { Supervisor?: Partial<typeof flex.Supervisor> }).Supervisor?.TaskCanvasTabs;
  if (!supervisorTabs) return;
  const Prepared = preparedIn(flex, SUPERVISOR_CANVAS_TABS, CONTEXT_TAB_NAME);
  const ThemedTab = withPasteTheme(flex, PolyaiContextTab);
  const label = pickStrings(manager.strings).PolyaiContextTabLabel;
  supervisorTabs.Content.add(
    <flex.Tab key="polyai-context-supervisor-tab" uniqueName={CONTEXT_TAB_NAME} label={label}>
      <Prepared>
        <ThemedTab config={config} language={language} locale={locale} audience="supervisor" />
      </Prepared>
    </flex.Tab>,
    { sortOrder: config.tabSortOrder, if: ({ task }) => shouldShowContextTab(task, config) },
  );
}
