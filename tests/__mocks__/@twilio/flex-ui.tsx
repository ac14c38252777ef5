/**
 * The slice of the Flex UI API the plugin uses, for jest. Registrations are recorded so tests can read
 * what the plugin added, and `TaskCanvasTabs`, `TaskListItem`, `Actions` and `setProviders` behave as in
 * Flex, so tests can assert what an agent would see: Flex renders a content fragment only when its `if`
 * holds for the component's props, in `sortOrder` order (Flex's DynamicContentStore); `SetComponentState`
 * sets the selected canvas tab; `invokeAction(name)` runs `before<name>` listeners, the action, then
 * `after<name>` listeners. `resetFlex()` forgets everything between tests.
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

// --- component view state and actions -------------------------------------------------------------

const CANVAS_TABS = 'AgentTaskCanvasTabs';
let componentViewStates: Record<string, Record<string, unknown>> = {};
const viewStateSubscribers = new Set<() => void>();
let listeners = new Map<string, Array<(payload: unknown) => unknown>>();

function useComponentViewState(name: string): Record<string, unknown> {
  const [, rerender] = React.useReducer((count: number) => count + 1, 0);
  React.useEffect(() => {
    viewStateSubscribers.add(rerender);
    return () => {
      viewStateSubscribers.delete(rerender);
    };
  }, []);
  return componentViewStates[name] ?? {};
}

export const Actions = {
  invokeAction: jest.fn(async (name: string, payload?: unknown) => {
    for (const listener of listeners.get(`before${name}`) ?? []) await listener(payload);
    if (name === 'SetComponentState') {
      const { name: component, state } = payload as { name: string; state: Record<string, unknown> };
      componentViewStates = { ...componentViewStates, [component]: { ...componentViewStates[component], ...state } };
      viewStateSubscribers.forEach((notify) => notify());
    }
    // Accepting changes the task's status, and Flex then resets the canvas to its first tab.
    if (name === 'AcceptTask') {
      componentViewStates = { ...componentViewStates, [CANVAS_TABS]: {} };
      viewStateSubscribers.forEach((notify) => notify());
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

/** The task canvas tabs: a tab list of the visible tabs and the selected tab's content. */
function TaskCanvasTabsView({ task }: { task: unknown }): JSX.Element {
  const selectedName = useComponentViewState(CANVAS_TABS).selectedTabName;
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
      {selected && <div role="tabpanel">{selected}</div>}
    </TaskContextProvider>
  );
}
export const TaskCanvasTabs = Object.assign(TaskCanvasTabsView, { Content: contentStore() });

/** One task in the agent's task list, with whatever plugins added to it. */
function TaskListItemView({ task }: { task: unknown }): JSX.Element {
  return (
    <TaskContextProvider value={{ task }}>
      <div data-testid="flex-task-list-item">{visibleFragments(TaskListItem.Content.fragments, { task })}</div>
    </TaskContextProvider>
  );
}
export const TaskListItem = Object.assign(TaskListItemView, { Content: contentStore() });

/** Forgets every registration, listener, provider and view state (call before each test's init). */
export function resetFlex(): void {
  TaskCanvasTabs.Content.fragments.length = 0;
  TaskListItem.Content.fragments.length = 0;
  listeners = new Map();
  providers = {};
  componentViewStates = {};
}

const managerInstance = {
  strings: {} as Record<string, string>,
  configuration: {} as Record<string, unknown>,
  serviceConfiguration: { ui_attributes: {} },
  user: { token: 'flex-token-for-tests' },
};
export const Manager = { getInstance: () => managerInstance };

export type ITask = { sid: string; taskSid: string; attributes: unknown };

/** Flex's public error reporting: `sendDebuggerEvent(message, description)` records a custom FlexError. */
export const Monitor = { sendDebuggerEvent: jest.fn(), getErrors: jest.fn(() => ({ errors: [] })), getLogs: jest.fn(() => ({ logs: '' })) };
