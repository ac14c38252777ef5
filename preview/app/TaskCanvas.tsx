import React, { useRef } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import { Actions, TaskCanvasTabs, TaskContext, type TabProps } from '../flex';
import { componentState } from '../flex/componentState';
import { useStore } from '../flex/store';
import { bareButton } from './bareButton';
import { callerOf, type PreviewTask } from './tasks';

/** Flex's component-state name for the task canvas tab strip (see `SetComponentState`). */
export const CANVAS_TABS_STATE = 'AgentTaskCanvasTabs';

export function selectTab(selectedTabName: string): Promise<void> {
  return Actions.invokeAction('SetComponentState', { name: CANVAS_TABS_STATE, state: { selectedTabName } });
}

/**
 * Flex's task canvas: the task header and the tabs whose `if` holds for this task, in sortOrder. The
 * selected tab comes from component state, so a plugin selecting its tab through Actions works here too.
 */
export function TaskCanvas({ task }: { task: PreviewTask }): JSX.Element {
  useStore(TaskCanvasTabs.Content.fragments);
  const state = useStore(componentState);
  const tabs = TaskCanvasTabs.Content.visible({ task }).map((fragment) => ({ element: fragment.element, props: fragment.element.props as TabProps }));
  const wanted = state[CANVAS_TABS_STATE]?.selectedTabName;
  const selected = tabs.find((tab) => tab.props.uniqueName === wanted) ?? tabs[0];
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  // Arrow keys move between tabs and select them (WAI-ARIA tabs, automatic activation).
  const onKeyDown = (event: React.KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length].props.uniqueName;
    selectTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <Box display="flex" flexDirection="column" height="100%">
      <Box paddingX="space60" paddingTop="space50" paddingBottom="space30" display="flex" alignItems="center" columnGap="space50">
        <Box>
          <Heading as="h2" variant="heading30" marginBottom="space0">
            {callerOf(task)}
          </Heading>
          <Text as="p" color="colorTextWeak" fontSize="fontSize20" marginTop="space10">
            Voice · {task.queueName} · {task.status === 'pending' ? 'incoming, not accepted' : 'accepted'}
          </Text>
        </Box>
        {task.status === 'pending' && (
          // Flex's Accept button: the action runs the plugin's before/afterAcceptTask listeners.
          <Button variant="primary" size="small" onClick={() => Actions.invokeAction('AcceptTask', { sid: task.sid })}>
            Accept
          </Button>
        )}
      </Box>
      <Box role="tablist" aria-label="Task canvas" display="flex" columnGap="space20" paddingX="space60" borderBottomStyle="solid" borderBottomWidth="borderWidth10" borderBottomColor="colorBorderWeak">
        {tabs.map((tab, index) => {
          const isSelected = tab === selected;
          const name = tab.props.uniqueName;
          return (
            <Box
              {...bareButton}
              role="tab"
              key={name}
              id={`canvas-tab-${name}`}
              aria-controls={`canvas-panel-${name}`}
              aria-selected={isSelected}
              tabIndex={isSelected ? 0 : -1}
              ref={(node: HTMLButtonElement | null) => {
                tabRefs.current[name] = node;
              }}
              onClick={() => selectTab(name)}
              onKeyDown={(event: React.KeyboardEvent) => onKeyDown(event, index)}
              paddingX="space40"
              paddingY="space30"
              fontFamily="fontFamilyText"
              fontSize="fontSize30"
              fontWeight={isSelected ? 'fontWeightSemibold' : 'fontWeightMedium'}
              color={isSelected ? 'colorTextPrimary' : 'colorTextWeak'}
              backgroundColor="transparent"
              borderBottomWidth="borderWidth20"
              borderBottomColor={isSelected ? 'colorBorderPrimary' : 'transparent'}
              _hover={{ color: 'colorTextPrimary' }}
            >
              {tab.props.label}
            </Box>
          );
        })}
      </Box>
      {selected && (
        <Box role="tabpanel" id={`canvas-panel-${selected.props.uniqueName}`} aria-labelledby={`canvas-tab-${selected.props.uniqueName}`} flexGrow={1} minHeight="0" overflowY="auto">
          <TaskContext.Provider value={{ task }}>{selected.element}</TaskContext.Provider>
        </Box>
      )}
    </Box>
  );
}
