import type * as Flex from '@twilio/flex-ui';

import { CONTEXT_TAB_NAME, hasPolyaiContext } from './contextTab';

/** The task canvas tabs component, as Flex names it for `SetComponentState`. */
export const TASK_CANVAS_TABS = 'AgentTaskCanvasTabs';

/** When the agent accepts a PolyAI task, opens the PolyAI tab (admin option `auto_select_tab`). */
export function registerAutoSelectTab(flex: typeof Flex): void {
  flex.Actions.addListener('afterAcceptTask', (payload: { task?: { attributes?: unknown } }) => {
    if (!hasPolyaiContext(payload?.task)) return;
    // A failure here only means the tab is not pre-selected: never an uncaught rejection.
    Promise.resolve(
      flex.Actions.invokeAction('SetComponentState', { name: TASK_CANVAS_TABS, state: { selectedTabName: CONTEXT_TAB_NAME } }),
    ).catch(() => undefined);
  });
}
