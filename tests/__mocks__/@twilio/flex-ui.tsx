/**
 * The slice of the Flex UI API the plugin uses, for jest, behaving as Flex 2.x does so tests assert what an
 * agent or supervisor would see rather than what was registered:
 * - `TaskCanvasTabs`, `Supervisor.TaskCanvasTabs`, `TaskListItem` and `TaskListButtons` render Flex's own
 *   children and the plugins' fragments whose `if` holds, in `sortOrder` order (Flex's DynamicContentStore);
 *   a canvas mounts every visible tab's content and shows the selected one (its component state, else the first);
 * - `SetComponentState` updates Flex's component view states (`useFlexSelector`, `manager.store`);
 * - `invokeAction(name)` runs `before<name>` listeners (which may change the payload), the action, then
 *   `after<name>`; accepting a task makes its reservation `accepted`, and as Flex's agent canvas does when the
 *   selected task's sid or status changes, resets the selected tab (`SetComponentState` with an empty name);
 * - `withTheme` passes Flex's theme from its configuration (`flex.config.theme`).
 * `resetFlex()` forgets every registration, listener and state (each test file calls it before each test).
 */
import React from 'react';

type Condition = (props: { task: unknown }) => boolean;
export interface RecordedFragment {
  element: React.ReactElement;
  options: { sortOrder?: number; if?: Condition };
}

function contentStore() {
  const fragments: RecordedFragment[] = [];
  return {
    fragments,
    add: jest.fn((element: React.ReactElement, options: RecordedFragment['options'] = {}) => {
      fragments.push({ element, options });
    }),
    remove: jest.fn(),
    replace: jest.fn(),
  };
}
type ContentStore = ReturnType<typeof contentStore>;

/** What Flex renders for these props: its own children (ordered by position), then fragments by `sortOrder`. */
function visibleContent(own: React.ReactElement[], store: ContentStore, props: { task: unknown }): React.ReactElement[] {
  const added = store.fragments.filter((fragment) => fragment.options.if?.(props) ?? true).map((fragment) => ({ element: fragment.element, order: fragment.options.sortOrder ?? 0 }));
  return [...own.map((element, order) => ({ element, order })), ...added].sort((a, b) => a.order - b.order).map(({ element }) => element);
}

// --- Flex's Redux state ---------------------------------------------------------------------------

type ViewStates = Record<string, { selectedTabName?: unknown } | undefined>;
interface FlexState {
  flex: {
    config: { theme: { isLight: boolean } };
    view: { selectedTaskSid: string | undefined; componentViewStates: ViewStates };
    worker: { tasks: Map<string, { sid: string; status: string }> };
  };
}

/** Flex's Redux state as the plugin reads it: theme, selected task, component view states, the worker's reservations. */
export const mockFlexState: FlexState = {
  flex: { config: { theme: { isLight: true } }, view: { selectedTaskSid: undefined, componentViewStates: {} }, worker: { tasks: new Map() } },
};
const stateSubscribers = new Set<() => void>();
const notifyState = () => stateSubscribers.forEach((notify) => notify());

export function useFlexSelector<T>(selector: (state: FlexState) => T): T {
  const [, rerender] = React.useReducer((count: number) => count + 1, 0);
  React.useEffect(() => {
    stateSubscribers.add(rerender);
    return () => {
      stateSubscribers.delete(rerender);
    };
  }, []);
  return selector(mockFlexState);
}

// --- actions --------------------------------------------------------------------------------------

const AGENT_CANVAS_TABS = 'AgentTaskCanvasTabs';
const SUPERVISOR_CANVAS_TABS = 'SupervisorCanvasTabs';

let listeners = new Map<string, Array<(payload: unknown) => unknown>>();
/** When the reservation's `accepted` update reaches Flex: during the AcceptTask action, or later (both happen). */
let acceptedUpdate: 'during-accept' | 'manual' = 'during-accept';

/** The agent's canvas follows the selected task: a new sid or status resets its tab, as real Flex does. */
async function resetAgentCanvasTab(): Promise<void> {
  await Actions.invokeAction('SetComponentState', { name: AGENT_CANVAS_TABS, state: { selectedTabName: '' } });
}

/** A reservation's status update from TaskRouter. */
async function reservationUpdate(sid: string, status: string): Promise<void> {
  const { tasks } = mockFlexState.flex.worker;
  if (tasks.get(sid)?.status === status) return;
  tasks.set(sid, { sid, status });
  notifyState();
  if (mockFlexState.flex.view.selectedTaskSid === sid) await resetAgentCanvasTab();
}

export const Actions = {
  invokeAction: jest.fn(async (name: string, payload?: unknown) => {
    for (const listener of listeners.get(`before${name}`) ?? []) await listener(payload);
    if (name === 'SetComponentState') {
      const { name: component, state } = payload as { name: string; state: Record<string, unknown> };
      const { componentViewStates } = mockFlexState.flex.view;
      componentViewStates[component] = { ...componentViewStates[component], ...state };
      notifyState();
    }
    const sid = (payload as { sid?: string; task?: { sid?: string } } | undefined)?.task?.sid ?? (payload as { sid?: string } | undefined)?.sid;
    if (name === 'SelectTask' && sid !== mockFlexState.flex.view.selectedTaskSid) {
      mockFlexState.flex.view.selectedTaskSid = sid;
      notifyState();
      await resetAgentCanvasTab();
    }
    if (name === 'AcceptTask' && acceptedUpdate === 'during-accept' && sid !== undefined) await reservationUpdate(sid, 'accepted');
    for (const listener of listeners.get(`after${name}`) ?? []) await listener(payload);
  }),
  addListener: jest.fn((event: string, listener: (payload: unknown) => unknown) => {
    listeners.set(event, [...(listeners.get(event) ?? []), listener]);
  }),
  removeListener: jest.fn(),
};

// --- task context, theme and the components plugins add to ----------------------------------------

const TaskContext = React.createContext<{ task?: unknown }>({});
export const TaskContextProvider = TaskContext.Provider;

export function withTaskContext<P extends object>(Component: React.ComponentType<P>) {
  return function WithTaskContext(props: Omit<P, 'task'>): JSX.Element {
    const { task } = React.useContext(TaskContext);
    return <Component {...(props as P)} task={task} />;
  };
}

/** Flex's theme HOC: the theme of Flex's configuration (light unless a test sets `flex.config.theme`). */
export function withTheme<P extends object>(Component: React.ComponentType<P & { theme: { isLight: boolean } }>) {
  return function WithTheme(props: P): JSX.Element {
    const theme = useFlexSelector((state) => state.flex.config.theme);
    return <Component {...props} theme={theme} />;
  };
}

export function Tab({ children }: { uniqueName?: string; label?: string; children?: React.ReactNode }): JSX.Element {
  return <>{children}</>;
}

type TabElement = React.ReactElement<{ uniqueName: string; label: string; children?: React.ReactNode }>;

/** A task canvas: Flex's own Info tab and the plugins' tabs, every one mounted, the selected one shown. */
function canvasTabs(component: string, label: string) {
  const Content = contentStore();
  function CanvasTabs({ task }: { task: unknown }): JSX.Element {
    const selectedName = useFlexSelector((state) => state.flex.view.componentViewStates[component]?.selectedTabName);
    const own = [<Tab key="info" uniqueName="info" label="Info" />];
    const tabs = visibleContent(own, Content, { task }) as TabElement[];
    const selected = tabs.find((tab) => tab.props.uniqueName === selectedName) ?? tabs[0];
    return (
      <TaskContextProvider value={{ task }}>
        <div role="tablist" aria-label={label}>
          {tabs.map((tab) => (
            <button
              key={tab.props.uniqueName}
              role="tab"
              aria-selected={tab === selected}
              onClick={() => void Actions.invokeAction('SetComponentState', { name: component, state: { selectedTabName: tab.props.uniqueName } })}
            >
              {tab.props.label}
            </button>
          ))}
        </div>
        {tabs.map((tab) => (
          <div key={tab.props.uniqueName} role="tabpanel" aria-label={tab.props.label} hidden={tab !== selected} data-testid={`flex-tab-panel-${tab.props.uniqueName}`}>
            {tab}
          </div>
        ))}
      </TaskContextProvider>
    );
  }
  return Object.assign(CanvasTabs, { Content });
}

export const TaskCanvasTabs = canvasTabs(AGENT_CANVAS_TABS, 'Task canvas');
export const Supervisor = { TaskCanvasTabs: canvasTabs(SUPERVISOR_CANVAS_TABS, 'Teams view task canvas') };

/** The buttons in a task list item's row: Flex's own Accept and Reject, and what plugins add there. */
function TaskListButtonsView({ task }: { task: unknown }): JSX.Element {
  const own = [<button key="accept">Accept</button>, <button key="reject">Reject</button>];
  return <div data-testid="flex-task-list-buttons">{visibleContent(own, TaskListButtons.Content, { task })}</div>;
}
export const TaskListButtons = Object.assign(TaskListButtonsView, { Content: contentStore() });

/** One task in the agent's task list: its row (with the buttons), then `TaskListItem.Content` below the row. */
function TaskListItemView({ task }: { task: unknown }): JSX.Element {
  return (
    <TaskContextProvider value={{ task }}>
      <div data-testid="flex-task-list-item">
        <div data-testid="flex-task-list-item-row">
          <TaskListButtonsView task={task} />
        </div>
        {visibleContent([], TaskListItem.Content, { task })}
      </div>
    </TaskContextProvider>
  );
}
export const TaskListItem = Object.assign(TaskListItemView, { Content: contentStore() });

/**
 * Forgets every registration, listener and state. `acceptedUpdate: 'manual'` holds the reservation's
 * `accepted` update back until the test sends it (`reservationUpdate`), as happens when TaskRouter is slower.
 */
export function resetFlex(options: { acceptedUpdate?: 'during-accept' | 'manual' } = {}): { reservationUpdate: typeof reservationUpdate } {
  for (const store of [TaskCanvasTabs.Content, Supervisor.TaskCanvasTabs.Content, TaskListItem.Content, TaskListButtons.Content]) store.fragments.length = 0;
  listeners = new Map();
  const { flex } = mockFlexState;
  flex.config.theme = { isLight: true };
  flex.view.selectedTaskSid = undefined;
  for (const component of Object.keys(flex.view.componentViewStates)) delete flex.view.componentViewStates[component];
  flex.worker.tasks.clear();
  acceptedUpdate = options.acceptedUpdate ?? 'during-accept';
  managerInstance.strings = {};
  managerInstance.configuration = {};
  managerInstance.user = { token: 'flex-token-for-tests' };
  return { reservationUpdate };
}

const managerInstance = {
  strings: {} as Record<string, string>,
  configuration: {} as Record<string, unknown>,
  serviceConfiguration: { ui_attributes: {} },
  user: { token: 'flex-token-for-tests' },
  store: { getState: () => mockFlexState },
};
export const Manager = { getInstance: () => managerInstance };

export type ITask = { sid: string; taskSid: string; status?: string; attributes: unknown };

/** Flex's public error reporting: `sendDebuggerEvent(message, description)` records a custom FlexError. */
export const Monitor = { sendDebuggerEvent: jest.fn(), getErrors: jest.fn(() => ({ errors: [] })), getLogs: jest.fn(() => ({ logs: '' })) };
