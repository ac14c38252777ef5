/**
 * The slice of the Flex UI API the plugin uses, for jest. Registrations are recorded so tests can read
 * what the plugin added, and `TaskCanvasTabs`, `TaskListItem`, `Actions`, `setProviders` and Flex's Redux
 * state behave as in Flex, so tests can assert what an agent would see: Flex renders a content fragment
 * only when its `if` holds for the component's props, in `sortOrder` order (Flex's DynamicContentStore);
 * `SetComponentState` sets the selected canvas tab in Flex's state (`useFlexSelector`, `manager.store`);
 * `invokeAction(name)` runs `before<name>` listeners (which may change the payload), the action, then
 * `after<name>` listeners; accepting a task makes it `accepted` and, as Flex's task canvas does when the
 * selected task's status changes, resets the selected tab (`SetComponentState` with an empty name).
 * `resetFlex()` forgets everything between tests.
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

/** The fragments Flex would render for these props: `if` filters, `sortOrder` orders (stable). */
function visibleFragments(fragments: RecordedFragment[], props: { task: unknown }): React.ReactElement[] {
  return fragments
    .filter((fragment) => fragment.options.if?.(props) ?? true)
    .map((fragment, index) => ({ fragment, order: fragment.options.sortOrder ?? index }))
    .sort((a, b) => a.order - b.order)
    .map(({ fragment }) => fragment.element);
}

// --- Flex's Redux state ---------------------------------------------------------------------------

const CANVAS_TABS = 'AgentTaskCanvasTabs';
type ViewStates = Record<string, Record<string, unknown> | undefined>;

/** Flex's Redux state as the plugin reads it: the selected task, component view states, the worker's tasks. */
export const mockFlexState = {
  flex: {
    view: { selectedTaskSid: undefined as string | undefined, componentViewStates: {} as ViewStates },
    worker: { tasks: new Map<string, { sid: string; status: string }>() },
  },
};
const stateSubscribers = new Set<() => void>();
const notifyState = () => stateSubscribers.forEach((notify) => notify());

export function useFlexSelector<T>(selector: (state: typeof mockFlexState) => T): T {
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

let listeners = new Map<string, Array<(payload: unknown) => unknown>>();
/** When the reservation's `accepted` update reaches Flex: during the AcceptTask action, or later (both happen). */
let acceptedUpdate: 'during-accept' | 'manual' = 'during-accept';

/** The reservation's status update from TaskRouter; a change to the selected task resets its canvas tab. */
async function reservationUpdate(sid: string, status: string): Promise<void> {
  const { tasks } = mockFlexState.flex.worker;
  if (tasks.get(sid)?.status === status) return;
  tasks.set(sid, { sid, status });
  notifyState();
  if (mockFlexState.flex.view.selectedTaskSid === sid) await Actions.invokeAction('SetComponentState', { name: CANVAS_TABS, state: { selectedTabName: '' } });
}

export const Actions = {
  invokeAction: jest.fn(async (name: string, payload?: unknown) => {
    for (const listener of listeners.get(`before${name}`) ?? []) await listener(payload);
    if (name === 'SetComponentState') {
      const { name: component, state } = payload as { name: string; state: Record<string, unknown> };
      const { componentViewStates } = mockFlexState.flex.view;
      mockFlexState.flex.view.componentViewStates = { ...componentViewStates, [component]: { ...componentViewStates[component], ...state } };
      notifyState();
    }
    if (name === 'AcceptTask' && acceptedUpdate === 'during-accept') {
      const sid = (payload as { task?: { sid?: string } } | undefined)?.task?.sid;
      if (sid !== undefined) await reservationUpdate(sid, 'accepted');
    }
    for (const listener of listeners.get(`after${name}`) ?? []) await listener(payload);
  }),
  addListener: jest.fn((event: string, listener: (payload: unknown) => unknown) => {
    listeners.set(event, [...(listeners.get(event) ?? []), listener]);
  }),
  removeListener: jest.fn(),
};

// --- providers ------------------------------------------------------------------------------------

let providers: Record<string, React.ComponentType<{ children?: React.ReactNode }>> = {};
export const setProviders = jest.fn((added: typeof providers) => {
  providers = { ...providers, ...added };
});

/** Flex's root: the desktop inside every provider a plugin set (Paste's with Flex's default theme). */
export function RootContainer({ children }: { children?: React.ReactNode }): JSX.Element {
  return Object.values(providers).reduceRight<JSX.Element>(
    (inner, Provider) => React.createElement(Provider as React.ComponentType<{ baseTheme: string; children?: React.ReactNode }>, { baseTheme: 'default' }, inner),
    <>{children}</>,
  );
}

// --- task context and the components plugins add to -----------------------------------------------

const TaskContext = React.createContext<{ task?: unknown }>({});
export const TaskContextProvider = TaskContext.Provider;

export function withTaskContext<P extends object>(Component: React.ComponentType<P>) {
  return function WithTaskContext(props: Omit<P, 'task'>): JSX.Element {
    const { task } = React.useContext(TaskContext);
    return <Component {...(props as P)} task={task} />;
  };
}

export function Tab({ children }: { uniqueName?: string; label?: string; children?: React.ReactNode }): JSX.Element {
  return <>{children}</>;
}

/** The task canvas tabs: a tab list of the visible tabs and their content, the selected one shown (the first by default). */
function TaskCanvasTabsView({ task }: { task: unknown }): JSX.Element {
  const selectedName = useFlexSelector((state) => state.flex.view.componentViewStates[CANVAS_TABS]?.selectedTabName);
  const tabs = visibleFragments(TaskCanvasTabs.Content.fragments, { task }) as Array<React.ReactElement<{ uniqueName: string; label: string; children?: React.ReactNode }>>;
  const selected = tabs.find((tab) => tab.props.uniqueName === selectedName) ?? tabs[0];
  return (
    <TaskContextProvider value={{ task }}>
      <div role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.props.uniqueName}
            role="tab"
            aria-selected={tab === selected}
            onClick={() => void Actions.invokeAction('SetComponentState', { name: CANVAS_TABS, state: { selectedTabName: tab.props.uniqueName } })}
          >
            {tab.props.label}
          </button>
        ))}
      </div>
      {/* Like Flex, every visible tab's content is mounted; only the selected one is shown. */}
      {tabs.map((tab) => (
        <div key={tab.props.uniqueName} role="tabpanel" hidden={tab !== selected}>
          {tab}
        </div>
      ))}
    </TaskContextProvider>
  );
}
export const TaskCanvasTabs = Object.assign(TaskCanvasTabsView, { Content: contentStore() });

/** The buttons inside a task list item's row (beside Accept/Reject), with whatever plugins added there. */
function TaskListButtonsView({ task }: { task: unknown }): JSX.Element {
  return <div data-testid="flex-task-list-buttons">{visibleFragments(TaskListButtons.Content.fragments, { task })}</div>;
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
        {visibleFragments(TaskListItem.Content.fragments, { task })}
      </div>
    </TaskContextProvider>
  );
}
export const TaskListItem = Object.assign(TaskListItemView, { Content: contentStore() });

/**
 * Forgets every registration, listener, provider and state (call before each test's init). `acceptedUpdate:
 * 'manual'` holds the reservation's `accepted` update back until the test sends it (`reservationUpdate`).
 */
export function resetFlex(options: { acceptedUpdate?: 'during-accept' | 'manual' } = {}): { reservationUpdate: typeof reservationUpdate } {
  TaskCanvasTabs.Content.fragments.length = 0;
  TaskListItem.Content.fragments.length = 0;
  TaskListButtons.Content.fragments.length = 0;
  listeners = new Map();
  providers = {};
  mockFlexState.flex.view = { selectedTaskSid: undefined, componentViewStates: {} };
  mockFlexState.flex.worker.tasks.clear();
  acceptedUpdate = options.acceptedUpdate ?? 'during-accept';
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

export type ITask = { sid: string; taskSid: string; attributes: unknown };

/** Flex's public error reporting: `sendDebuggerEvent(message, description)` records a custom FlexError. */
export const Monitor = { sendDebuggerEvent: jest.fn(), getErrors: jest.fn(() => ({ errors: [] })), getLogs: jest.fn(() => ({ logs: '' })) };
