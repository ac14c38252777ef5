/**
 * The page: Flex's own agent desktop (task list, task canvas with its header, tabs, Accept/Reject and Info
 * tab), or with `?view=teams` a supervisor's Teams view (teams.tsx), under a preview bar with the switches,
 * and the pasted-attributes panel beside it.
 */
import * as Flex from '@twilio/flex-ui';
import React, { useEffect, useMemo, useState } from 'react';
import ReactDOM from 'react-dom';
import * as ReactRedux from 'react-redux';
import { Route, Router } from 'react-router-dom';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import { Text } from '@twilio-paste/core/text';
import { DarkModeIcon } from '@twilio-paste/icons/esm/DarkModeIcon';
import { ProductFlexIcon } from '@twilio-paste/icons/esm/ProductFlexIcon';

import { AttributesPanel } from './AttributesPanel';
import type { OfflineFlex } from './flexRuntime';
import { AutoSelectSwitch, LanguageSwitch, PolyaiOutageSwitch, ViewSwitch } from './HeaderSwitches';
import { writeLocation, type PreviewLocation } from './location';
import type { ReservationDesk } from './reservations';
import { PASTED_TASK_ID, SAMPLE_TASKS, previewTask } from './tasks';
import { TeamsDesk } from './teams';

const PANEL_ID = 'preview-attributes-panel';
/** Flex's component-state name for the task canvas tab strip (see `SetComponentState`). */
const CANVAS_TABS = 'AgentTaskCanvasTabs';
const DESKTOP_ROUTE = '/agent-desktop';

interface FlexViewState {
  flex: { view: { selectedTaskSid?: string } };
}

/** Flex's agent desktop view, routed as Flex's ViewCollection routes it. */
function AgentDesktop(): JSX.Element {
  return (
    <Route
      path={DESKTOP_ROUTE}
      render={(route) => (
        // Flex's view fills the height its container gives it.
        <div style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
          <Flex.AgentDesktopView {...({ route } as unknown as Flex.AgentDesktopViewProps)} />
        </div>
      )}
    />
  );
}

function Desktop({ flex, desk, initial, FlexDesktop }: { flex: OfflineFlex; desk: ReservationDesk; initial: PreviewLocation; FlexDesktop: React.ComponentType }): JSX.Element {
  const [theme, setTheme] = useState(initial.theme);
  const [panelOpen, setPanelOpen] = useState(initial.attributesPanel);
  const [pasted, setPasted] = useState(0);
  const selectedSid = ReactRedux.useSelector((state: FlexViewState) => state.flex.view.selectedTaskSid);
  const selectedSample = SAMPLE_TASKS.find((task) => task.sid === selectedSid)?.id ?? null;

  useEffect(() => {
    const first = SAMPLE_TASKS.find((task) => task.id === initial.task);
    if (!first || initial.view === 'teams') return;
    Flex.Actions.invokeAction('SelectTask', { sid: first.sid }).then(() => {
      if (initial.tab) return Flex.Actions.invokeAction('SetComponentState', { name: CANVAS_TABS, state: { selectedTabName: initial.tab } });
    });
  }, [initial]);

  // Light or dark through Flex's own theme setting: Flex re-themes its desktop and the plugin's providers.
  useEffect(() => flex.manager.updateConfig({ theme: { isLight: theme !== 'dark' } } as Flex.Config), [flex, theme]);

  // The Teams view keeps its monitored call in the URL; the agent desktop follows Flex's selected task.
  const task = initial.view === 'teams' ? initial.task : selectedSample;
  const location = useMemo<PreviewLocation>(() => ({ ...initial, task, tab: null, theme, attributesPanel: panelOpen }), [initial, task, theme, panelOpen]);
  useEffect(() => writeLocation(location), [location]);

  // Pasted attributes ring in as one more reservation, selected like any other, once the preview's backend
  // holds the task for the agent as it holds the samples (so its transcript and verdict pass the access check).
  const showPasted = (attributes: Record<string, unknown>) => {
    const task = previewTask(PASTED_TASK_ID, 'Pasted attributes', attributes, SAMPLE_TASKS.length + pasted);
    setPasted(pasted + 1);
    const hold = fetch('/__preview/tasks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ taskSid: task.taskSid, attributes }) });
    // Shown whatever the backend said: without it, the tab says the Functions refused the task (403).
    void hold
      .catch(() => undefined)
      .then(() => {
        desk.add({ ...task, dateCreated: new Date() });
        return Flex.Actions.invokeAction('SelectTask', { sid: task.sid });
      });
  };

  return (
    <Box display="flex" flexDirection="column" height="100vh">
      <CustomizationProvider baseTheme={theme === 'dark' ? 'dark' : 'default'}>
        <Box
          as="header"
          display="flex"
          alignItems="center"
          columnGap="space50"
          paddingX="space60"
          paddingY="space20"
          backgroundColor="colorBackgroundBodyInverse"
          color="colorTextInverse"
          fontFamily="fontFamilyText"
        >
          <ProductFlexIcon decorative color="colorTextInverse" size="sizeIcon40" />
          <Text as="h1" fontSize="fontSize30" fontWeight="fontWeightSemibold" color="colorTextInverse" margin="space0">
            Flex {Flex.VERSION} · offline preview
          </Text>
          <Box marginLeft="auto" display="flex" alignItems="center" columnGap="space40" flexWrap="wrap">
            <ViewSwitch location={location} />
            <PolyaiOutageSwitch />
            <LanguageSwitch location={location} />
            <AutoSelectSwitch location={location} />
            <Button variant={theme === 'dark' ? 'primary' : 'inverse'} size="small" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
              <DarkModeIcon decorative />
              Dark theme
            </Button>
            <Button variant="inverse" size="small" aria-expanded={panelOpen} aria-controls={PANEL_ID} onClick={() => setPanelOpen(!panelOpen)}>
              Task attributes JSON
            </Button>
          </Box>
        </Box>
      </CustomizationProvider>
      <Box display="flex" flexGrow={1} minHeight="0">
        <Box as="main" flexGrow={1} minWidth="0" position="relative">
          {/* Flex's desktop fills its container, as it fills the window in Flex. */}
          <Box position="absolute" top="0" right="0" bottom="0" left="0">
            <FlexDesktop />
          </Box>
        </Box>
        {panelOpen && (
          <CustomizationProvider baseTheme={theme === 'dark' ? 'dark' : 'default'}>
            <Box as="aside" id={PANEL_ID} aria-label="Task attributes" width="size50" flexShrink={0} overflowY="auto" backgroundColor="colorBackgroundBody" color="colorText" borderLeftStyle="solid" borderLeftWidth="borderWidth10" borderLeftColor="colorBorderWeak">
              <AttributesPanel onShow={showPasted} />
            </Box>
          </CustomizationProvider>
        )}
      </Box>
    </Box>
  );
}

/**
 * TaskRouter's side of wrap-up and completion: offline there is no TaskRouter to move the reservation,
 * so the preview sends Flex the updates TaskRouter would once Flex's actions ran.
 */
function followTaskLifecycle(desk: ReservationDesk): void {
  Flex.Actions.addListener('afterWrapupTask', (payload: { task?: { sid: string } }) => payload.task && desk.update(payload.task.sid, 'wrapping'));
  Flex.Actions.addListener('afterCompleteTask', (payload: { task?: { sid: string } }) => {
    if (!payload.task) return;
    const { sid } = payload.task;
    desk.update(sid, 'completed');
    setTimeout(() => desk.remove(sid), 0);
  });
}

/**
 * An invisible marker in each of Flex's task list items, added as any plugin adds content there: the
 * browser tests find a task's item by its reservation SID (Flex sorts the list by status and age).
 */
function markTaskListItems(): void {
  const Marker = ({ task }: { task?: { sid?: string } }) => <span hidden data-preview-sid={task?.sid} />;
  Flex.TaskListButtons.Content.add(<Marker key="preview-task-marker" />, { sortOrder: 1000 });
}

export function mountDesktop(root: HTMLElement, { flex, desk, initial }: { flex: OfflineFlex; desk: ReservationDesk; initial: PreviewLocation }): void {
  const View = initial.view === 'teams' ? () => <TeamsDesk initialTask={initial.task} theme={initial.theme} /> : AgentDesktop;
  followTaskLifecycle(desk);
  markTaskListItems();
  // As Flex renders its RootContainer: the wrappers plugins add (`setProviders` adds one) around the
  // desktop, given Flex's theme by `withTheme`.
  const wrappers = (Flex.RootContainer as unknown as { Content: { getAllWrappers(): Array<(component: React.ComponentType) => React.ComponentType> } }).Content.getAllWrappers();
  const FlexDesktop = Flex.withTheme(wrappers.reduce<React.ComponentType>((component, wrap) => wrap(component), View) as React.ComponentType<never>) as unknown as React.ComponentType;
  ReactDOM.render(
    <ReactRedux.Provider store={flex.store}>
      <Flex.ContextProvider manager={flex.manager}>
        <Router history={flex.history}>
          <Desktop flex={flex} desk={desk} initial={initial} FlexDesktop={FlexDesktop} />
        </Router>
      </Flex.ContextProvider>
    </ReactRedux.Provider>,
    root,
  );
}
