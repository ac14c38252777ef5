/** The task canvas tabs component, as Flex names it for `SetComponentState` and in its component state. */
export const TASK_CANVAS_TABS = 'AgentTaskCanvasTabs';
/** The Teams view's task canvas tabs (`Supervisor.TaskCanvasTabs`), as Flex 2.x names them in its component state. */
export const SUPERVISOR_CANVAS_TABS = 'SupervisorCanvasTabs';
