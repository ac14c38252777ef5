import React, { useEffect, useMemo, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import { Text } from '@twilio-paste/core/text';
import { DarkModeIcon } from '@twilio-paste/icons/esm/DarkModeIcon';
import { ProductFlexIcon } from '@twilio-paste/icons/esm/ProductFlexIcon';

import { Actions } from '../flex';
import { componentState } from '../flex/componentState';
import { providers } from '../flex/providers';
import { useStore } from '../flex/store';
import { AttributesPanel } from './AttributesPanel';
import { agentTasks, selectedTaskSid } from './agentTasks';
import { LanguageSwitch, PolyaiOutageSwitch } from './HeaderSwitches';
import { writeLocation, type PreviewLocation } from './location';
import { CANVAS_TABS_STATE, TaskCanvas, selectTab } from './TaskCanvas';
import { TaskList } from './TaskList';
import { PASTED_TASK_ID, SAMPLE_TASKS, previewTask } from './tasks';

const PANEL_ID = 'preview-attributes-panel';

/** The Flex-like agent desktop: header, task list, task canvas and the attributes panel. */
export function Desktop({ initial }: { initial: PreviewLocation }): JSX.Element {
  const tasks = useStore(agentTasks);
  const [theme, setTheme] = useState(initial.theme);
  const [panelOpen, setPanelOpen] = useState(initial.attributesPanel);
  const selectedSid = useStore(selectedTaskSid);
  const { PasteThemeProvider = CustomizationProvider } = useStore(providers);
  const selected = tasks.find((task) => task.sid === selectedSid) ?? null;
  const selectedTab = useStore(componentState)[CANVAS_TABS_STATE]?.selectedTabName;
  const tab = typeof selectedTab === 'string' ? selectedTab : initial.tab;

  useEffect(() => {
    const first = SAMPLE_TASKS.find((task) => task.id === initial.task) ?? SAMPLE_TASKS[0];
    selectTab(initial.tab);
    Actions.invokeAction('SelectTask', { sid: first.sid });
  }, [initial]);
  // Pasted attributes live only in this page: a reload shows the first sample.
  const taskInUrl = selected && selected.id !== PASTED_TASK_ID ? selected.id : null;
  const location = useMemo<PreviewLocation>(
    () => ({ task: taskInUrl, tab, theme, attributesPanel: panelOpen, language: initial.language }),
    [taskInUrl, tab, theme, panelOpen, initial.language],
  );
  useEffect(() => writeLocation(location), [location]);

  // Pasted attributes become one more task at the top of the list, selected like any other.
  const showPasted = (attributes: Record<string, unknown>) => {
    const pasted = previewTask(PASTED_TASK_ID, 'Pasted attributes', attributes, SAMPLE_TASKS.length);
    agentTasks.set([pasted, ...agentTasks.get().filter((task) => task.id !== PASTED_TASK_ID)]);
    Actions.invokeAction('SelectTask', { sid: pasted.sid });
  };

  return (
    <PasteThemeProvider baseTheme={theme === 'dark' ? 'dark' : 'default'}>
      <Box display="flex" flexDirection="column" height="100vh" backgroundColor="colorBackgroundBody" color="colorText" fontFamily="fontFamilyText">
        <Box
          as="header"
          display="flex"
          alignItems="center"
          columnGap="space50"
          paddingX="space60"
          paddingY="space30"
          backgroundColor="colorBackgroundBodyInverse"
          color="colorTextInverse"
          borderBottomStyle="solid"
          borderBottomWidth="borderWidth10"
          borderBottomColor="colorBorderInverseWeaker"
        >
          <ProductFlexIcon decorative color="colorTextInverse" size="sizeIcon40" />
          <Text as="h1" fontSize="fontSize40" fontWeight="fontWeightSemibold" color="colorTextInverse" margin="space0">
            Flex agent desktop
          </Text>
          <Text as="span" color="colorTextInverseWeak" fontSize="fontSize20">
            offline preview
          </Text>
          <Box marginLeft="auto" display="flex" alignItems="center" columnGap="space40">
            <PolyaiOutageSwitch />
            <LanguageSwitch location={location} />
            <Button variant={theme === 'dark' ? 'primary' : 'inverse'} size="small" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
              <DarkModeIcon decorative />
              Dark theme
            </Button>
            <Button variant="inverse" size="small" aria-expanded={panelOpen} aria-controls={PANEL_ID} onClick={() => setPanelOpen(!panelOpen)}>
              Task attributes JSON
            </Button>
          </Box>
        </Box>
        <Box display="flex" flexGrow={1} minHeight="0">
          <Box as="nav" aria-label="Tasks" width="size30" flexShrink={0} overflowY="auto" borderRightStyle="solid" borderRightWidth="borderWidth10" borderRightColor="colorBorderWeak" backgroundColor="colorBackgroundWeak">
            <TaskList tasks={tasks} selectedSid={selected?.sid ?? null} />
          </Box>
          <Box as="main" flexGrow={1} minWidth="0">
            {selected ? (
              <TaskCanvas task={selected} />
            ) : (
              <Text as="p" padding="space60" color="colorTextWeak">
                Choose a task.
              </Text>
            )}
          </Box>
          {panelOpen && (
            <Box as="aside" id={PANEL_ID} aria-label="Task attributes" width="size50" flexShrink={0} overflowY="auto" borderLeftStyle="solid" borderLeftWidth="borderWidth10" borderLeftColor="colorBorderWeak">
              <AttributesPanel onShow={showPasted} />
            </Box>
          )}
        </Box>
      </Box>
    </PasteThemeProvider>
  );
}
