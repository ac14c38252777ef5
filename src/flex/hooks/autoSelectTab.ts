import type * as Flex from '@twilio/flex-ui';

import { CONTEXT_TAB_NAME, hasPolyaiContext } from './contextTab';
import { TASK_CANVAS_TABS } from './taskCanvasTabs';

export { TASK_CANVAS_TABS };

interface AcceptPayload {
  task?: { sid?: string; attributes?: unknown };
}
interface ComponentStatePayload {
  name?: string;
  state?: { selectedTabName?: unknown };
}
interface FlexTasksState {
  flex?: { view?: { selectedTaskSid?: string }; worker?: { tasks?: Map<string, { status?: string }> } };
}

/**
 * When the agent accepts a PolyAI task, opens the PolyAI tab (admin option `auto_select_tab`).
 *
 * Real Flex's task canvas resets the selected tab (`SetComponentState` with an empty name) whenever the
 * selected task's sid or status changes, and the reservation's `accepted` update reaches Flex separately
 * from the AcceptTask action, before or after it. So the accepted task is remembered from `beforeAcceptTask`,
 * and Flex's reset for that task, once accepted, is turned into our tab, exactly once. A tab the agent
 * chooses (a non-empty name that is not ours) cancels it: the agent's choice always wins.
 */
export function registerAutoSelectTab(flex: typeof Flex, manager: Flex.Manager): void {
  let awaiting: string | undefined;
  const selectOurTab = () =>
    // A failure here only means the tab is not pre-selected: never an uncaught rejection.
    Promise.resolve(flex.Actions.invokeAction('SetComponentState', { name: TASK_CANVAS_TABS, state: { selectedTabName: CONTEXT_TAB_NAME } })).catch(() => undefined);

  flex.Actions.addListener('beforeAcceptTask', (payload: AcceptPayload) => {
    awaiting = hasPolyaiContext(payload?.task) ? payload?.task?.sid : undefined;
  });
  flex.Actions.addListener('afterAcceptTask', (payload: AcceptPayload) => {
    if (awaiting !== undefined && awaiting === payload?.task?.sid) selectOurTab();
  });
  flex.Actions.addListener('beforeSetComponentState', (payload: ComponentStatePayload) => {
    if (awaiting === undefined || payload?.name !== TASK_CANVAS_TABS) return;
    const wanted = payload.state?.selectedTabName;
    if (wanted) {
      if (wanted !== CONTEXT_TAB_NAME) awaiting = undefined;
      return;
    }
    // Flex's own reset: ours instead, if it is for the accepted task now that it is accepted.
    const state = (manager.store?.getState() as FlexTasksState | undefined)?.flex;
    const selected = state?.view?.selectedTaskSid;
    if (selected !== awaiting || state?.worker?.tasks?.get(selected)?.status !== 'accepted') return;
    payload.state = { ...payload.state, selectedTabName: CONTEXT_TAB_NAME };
    awaiting = undefined;
  });
}
