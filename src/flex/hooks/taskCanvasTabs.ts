/** The task canvas tabs component, as Flex names it for `SetComponentState` and in its component state. */
export const TASK_CANVAS_TABS = 'AgentTaskCanvasTabs';
