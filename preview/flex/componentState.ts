import { Actions } from './actions';
import { createStore } from './store';

/** Flex's component state (what `SetComponentState` writes), e.g. `AgentTaskCanvasTabs.selectedTabName`. */
export const componentState = createStore<Record<string, Record<string, unknown>>>({});

Actions.registerAction('SetComponentState', (payload) => {
  const name = String(payload.name);
  const state = (payload.state ?? {}) as Record<string, unknown>;
  const current = componentState.get();
  componentState.set({ ...current, [name]: { ...current[name], ...state } });
});
