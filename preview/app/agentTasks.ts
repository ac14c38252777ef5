/**
 * The agent's tasks and the one on the canvas, with the Flex actions that change them: `SelectTask` and
 * `AcceptTask` (which, as in Flex, gives its listeners the task in `payload.task`).
 */
import { Actions } from '../flex';
import { createStore } from '../flex/store';
import { SAMPLE_TASKS, type PreviewTask } from './tasks';

export const agentTasks = createStore<PreviewTask[]>(SAMPLE_TASKS);

/** The reservation SID of the task on the canvas; Flex's `SelectTask` action sets it. */
export const selectedTaskSid = createStore<string | null>(null);

const findTask = (sid: unknown) => agentTasks.get().find((task) => task.sid === sid);

Actions.registerAction('SelectTask', (payload) => {
  selectedTaskSid.set(typeof payload.sid === 'string' ? payload.sid : null);
});

// Flex resolves `sid` to the task before any listener runs, so `before`/`afterAcceptTask` read `payload.task`.
Actions.registerAction(
  'AcceptTask',
  (payload) => {
    const accepted: PreviewTask = { ...(payload.task as PreviewTask), status: 'accepted', taskStatus: 'assigned' };
    agentTasks.set(agentTasks.get().map((task) => (task.sid === accepted.sid ? accepted : task)));
    payload.task = accepted;
  },
  (payload) => {
    const task = findTask(payload.sid ?? (payload.task as PreviewTask | undefined)?.sid);
    if (!task || task.status !== 'pending') throw new Error('Flex preview: AcceptTask needs a pending reservation.');
    payload.sid = task.sid;
    payload.task = task;
  },
);
