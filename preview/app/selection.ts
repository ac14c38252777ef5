import { Actions } from '../flex';
import { createStore } from '../flex/store';

/** The reservation SID of the task on the canvas; Flex's `SelectTask` action sets it. */
export const selectedTaskSid = createStore<string | null>(null);

Actions.registerAction('SelectTask', (payload) => {
  selectedTaskSid.set(typeof payload.sid === 'string' ? payload.sid : null);
});
