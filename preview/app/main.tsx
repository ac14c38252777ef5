/**
 * Preview entry: real Flex (@twilio/flex-ui from node_modules) started offline, the plugin's production
 * bundle loaded through Flex's own plugin manager, then Flex's agent desktop with the preview's switches.
 */
import { CONTEXT_TAB_NAME } from '../../src/flex/hooks/contextTab';
import { mountDesktop } from './Desktop';
import { loadPlugin, PREVIEW_AGENT, startFlex } from './flexRuntime';
import { readLocation } from './location';
import './previewRuntime';
import { reservationDesk } from './reservations';
import { SAMPLE_TASKS } from './tasks';
import { PREVIEW_SUPERVISOR, startTeam } from './teams';

const initial = readLocation(window.location.search);
const appConfig = window.appConfig ?? {};
const customData = (appConfig.custom_data ?? {}) as { polyai_context?: Record<string, unknown> };
const flex = startFlex({
  ...appConfig,
  // Flex's own settings behind the preview's switches: language and light/dark theme.
  ...(initial.language ? { language: initial.language } : {}),
  theme: { isLight: initial.theme !== 'dark' },
  ...(initial.debuggerIntegration ? { debuggerIntegration: { enabled: true } } : {}),
  custom_data: { ...customData, polyai_context: { ...customData.polyai_context, auto_select_tab: initial.autoSelect } },
}, initial.view === 'teams' ? PREVIEW_SUPERVISOR : PREVIEW_AGENT);
// A ringing call's second line on Flex's task list reads its queue (Flex's default: "Incoming call from queue …",
// cut off in the list's width); each sample waits in a queue named after it, so the list tells the samples apart.
flex.manager.strings.TaskLineCallReserved = '{{task.queueName}}';
const desk = reservationDesk(flex.store, initial.accepted);
const root = document.getElementById('root')!;

loadPlugin(flex.manager, { name: 'plugin-polyai-context', version: window.previewSession?.pluginVersion ?? '0.0.0', src: window.previewSession?.pluginUrl ?? '' }).then(
  (state) => {
    if (state === 'Failed') console.error('Flex could not initialise the plugin: see the errors above.');
    // Every sample rings in as a new reservation, as TaskRouter offers it to the agent.
    for (const task of SAMPLE_TASKS) desk.add(task);
    // The Teams view: the team's live calls in Flex's supervisor state, one of them monitored.
    if (initial.view === 'teams') startTeam(flex.store);
    mountDesktop(root, { flex, desk, initial: { ...initial, tab: initial.tab ?? (initial.task ? CONTEXT_TAB_NAME : null) } });
    // For the browser tests and benchmarks: the plugin's state in Flex, and the desk that rings tasks in.
    window.previewRuntime = { pluginState: state, flex, desk };
  },
  (error: unknown) => {
    root.textContent = `The plugin could not be loaded: ${String(error)}`;
  },
);
