import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';
import { ProductVoiceIcon } from '@twilio-paste/icons/esm/ProductVoiceIcon';

import { Actions, TaskListItem } from '../flex';
import { useStore } from '../flex/store';
import { bareButton } from './bareButton';
import { callerOf, type PreviewTask } from './tasks';

/**
 * Flex's task list: one row a task; choosing a row invokes `SelectTask`, as in Flex. Under each row, the
 * `TaskListItem.Content` fragments whose `if` holds for that task, given the task as Flex gives it.
 */
export function TaskList({ tasks, selectedSid }: { tasks: PreviewTask[]; selectedSid: string | null }): JSX.Element {
  useStore(TaskListItem.Content.fragments);
  return (
    <Box padding="space30">
      <Box paddingX="space30" paddingY="space20">
        <Heading as="h2" variant="heading50" marginBottom="space0">
          Tasks
        </Heading>
      </Box>
      <Box as="ul" margin="space0" padding="space0" listStyleType="none">
        {tasks.map((task) => {
          const selected = task.sid === selectedSid;
          return (
            // The row is the list item: Flex draws plugin content (TaskListItem) inside it, under the task.
            <Box
              as="li"
              key={task.sid}
              marginBottom="space10"
              borderLeftStyle="solid"
              borderLeftWidth="borderWidth30"
              borderLeftColor={selected ? 'colorBorderPrimary' : 'transparent'}
              borderRadius="borderRadius20"
              backgroundColor={selected ? 'colorBackgroundPrimaryWeakest' : 'transparent'}
              _hover={{ backgroundColor: 'colorBackgroundStrong' }}
            >
              <Box
                {...bareButton}
                data-task={task.id}
                aria-current={selected ? 'true' : undefined}
                onClick={() => Actions.invokeAction('SelectTask', { sid: task.sid })}
                display="flex"
                alignItems="center"
                columnGap="space30"
                width="100%"
                padding="space30"
                textAlign="left"
                borderRadius="borderRadius20"
                backgroundColor="transparent"
                color="colorText"
              >
                <ProductVoiceIcon decorative color="colorTextIcon" />
                <Box as="span" display="block" minWidth="0" flexGrow={1}>
                  <Box as="span" display="flex" justifyContent="space-between" columnGap="space20">
                    <Text as="span" fontWeight="fontWeightSemibold">
                      {callerOf(task)}
                    </Text>
                    <Text as="span" fontSize="fontSize20" color={task.status === 'pending' ? 'colorTextPrimary' : 'colorTextWeak'}>
                      {task.status === 'pending' ? 'Incoming' : 'Accepted'}
                    </Text>
                  </Box>
                  <Text as="span" display="block" fontSize="fontSize20" color="colorTextWeak">
                    {task.description}
                  </Text>
                </Box>
              </Box>
              <Box paddingLeft="space70">
                {TaskListItem.Content.visible({ task }).map((fragment, index) => (
                  <React.Fragment key={fragment.element.key ?? index}>{React.cloneElement(fragment.element, { task })}</React.Fragment>
                ))}
              </Box>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
