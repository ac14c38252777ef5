/**
 * The preview's `@twilio/flex-ui`: a faithful local implementation of the parts of the Flex UI API the
 * plugin uses. The preview bundle aliases `@twilio/flex-ui` here, so `src/` runs unchanged.
 */
import React from 'react';

import { Actions } from './actions';
import './componentState';
import { createContent } from './dynamicContent';
import { Manager } from './manager';
import { Monitor } from './monitor';
import { createPlugins } from './plugins';
import { setProviders } from './providers';
import { Tab, type ITask } from './task';
import { TaskInfoPanel } from './TaskInfoPanel';
import * as flexModule from './index';

export { Actions, Manager, Monitor, setProviders };
export { Tab, TaskContext, withTaskContext, type ITask, type TabProps } from './task';

/** Props Flex passes to TaskCanvasTabs' `if` conditions. */
export interface TaskCanvasTabsProps {
  task: ITask;
}

export const TaskCanvasTabs = { Content: createContent<TaskCanvasTabsProps>() };

/** Props Flex passes to TaskListItem's `if` conditions (and to the fragments it renders). */
export interface TaskListItemProps {
  task: ITask;
}

/** Fragments Flex renders inside each task list row, under the caller and the queue. */
export const TaskListItem = { Content: createContent<TaskListItemProps>() };

// Flex's built-in tab, present before any plugin adds its own.
TaskCanvasTabs.Content.add(
  <Tab key="info" uniqueName="info" label="Info">
    <TaskInfoPanel />
  </Tab>,
  { sortOrder: 0 },
);

export const Plugins = createPlugins(() => flexModule, Manager.getInstance);
