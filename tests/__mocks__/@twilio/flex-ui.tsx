/**
 * The slice of the Flex UI API the plugin uses, for jest. Registrations are recorded so tests can read
 * what the plugin added and evaluate its `if` conditions.
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

export const TaskCanvasTabs = { Content: contentStore() };
export const TaskListItem = { Content: contentStore() };
export const TaskListButtons = { Content: contentStore() };
export const Supervisor = { TaskCanvasTabs: { Content: contentStore() } };

export function Tab({ children }: { uniqueName?: string; label?: string; children?: React.ReactNode }): JSX.Element {
  return <>{children}</>;
}

/** Flex's theme HOC: the light theme, as Flex's default configuration has it. */
export function withTheme<P extends object>(Component: React.ComponentType<P & { theme: { isLight: boolean } }>) {
  return function WithTheme(props: P): JSX.Element {
    return <Component {...props} theme={{ isLight: true }} />;
  };
}

/** Flex's Redux state as the plugin reads it: the PolyAI tab is the selected canvas tab. */
export const mockFlexState = { flex: { view: { selectedTaskSid: 'WR1', componentViewStates: { AgentTaskCanvasTabs: { selectedTabName: 'polyai-context' } } }, worker: { tasks: new Map() } } };
export function useFlexSelector<T>(selector: (state: typeof mockFlexState) => T): T {
  return selector(mockFlexState);
}

export const Actions = { invokeAction: jest.fn(async () => undefined), addListener: jest.fn(), removeListener: jest.fn() };

const TaskContext = React.createContext<{ task?: unknown }>({});
export const TaskContextProvider = TaskContext.Provider;

export function withTaskContext<P extends object>(Component: React.ComponentType<P>) {
  return function WithTaskContext(props: Omit<P, 'task'>): JSX.Element {
    const { task } = React.useContext(TaskContext);
    return <Component {...(props as P)} task={task} />;
  };
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
