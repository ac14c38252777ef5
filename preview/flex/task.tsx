import React, { createContext, useContext } from 'react';

/** The slice of Flex's `ITask` the preview gives plugins. */
export interface ITask {
  /** Reservation SID (Flex's `task.sid`). */
  sid: string;
  /** Task SID. */
  taskSid: string;
  attributes: unknown;
  taskChannelUniqueName: string;
  queueName: string;
  /** Reservation status: `pending` until the agent accepts, then `accepted`. */
  status: string;
  /** Task status: `reserved` until accepted, then `assigned`. */
  taskStatus: string;
  dateCreated: Date;
}

export const TaskContext = createContext<{ task?: ITask }>({});

/** Flex's HOC: the wrapped component receives the task of the canvas it renders in. */
export function withTaskContext<P extends { task?: ITask }>(Component: React.ComponentType<P>) {
  function WithTaskContext(props: Omit<P, 'task'>): JSX.Element {
    const { task } = useContext(TaskContext);
    return <Component {...(props as P)} task={task} />;
  }
  WithTaskContext.displayName = `withTaskContext(${Component.displayName ?? Component.name})`;
  return WithTaskContext;
}

export interface TabProps {
  uniqueName: string;
  label: string;
  children?: React.ReactNode;
}

/** Flex's `Tab`: the canvas reads `uniqueName` and `label` for the tab strip and renders the children. */
export function Tab({ children }: TabProps): JSX.Element {
  return <>{children}</>;
}
