import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import { withTaskContext, type ITask } from './task';

/** Flex's own "Info" tab, reduced to what helps debugging: the task's SIDs and its raw attributes. */
function TaskInfo({ task }: { task?: ITask }): JSX.Element | null {
  if (!task) return null;
  return (
    <Box padding="space40">
      <Text as="p" color="colorTextWeak" marginBottom="space40">
        Task {task.taskSid} · reservation {task.sid} · {task.taskChannelUniqueName} · {task.queueName}
      </Text>
      <Heading as="h3" variant="heading40">
        Task attributes
      </Heading>
      <Box
        as="pre"
        margin="space0"
        padding="space30"
        borderRadius="borderRadius20"
        backgroundColor="colorBackground"
        fontFamily="fontFamilyCode"
        fontSize="fontSize20"
        color="colorText"
        whiteSpace="pre-wrap"
        wordBreak="break-word"
      >
        {JSON.stringify(task.attributes, null, 2)}
      </Box>
    </Box>
  );
}

export const TaskInfoPanel = withTaskContext(TaskInfo);
