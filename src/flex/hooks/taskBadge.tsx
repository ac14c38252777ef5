import React from 'react';
import type * as Flex from '@twilio/flex-ui';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';

import { hasPolyaiContext } from './contextTab';
import { pickStrings } from '../../strings';
import { withPasteTheme } from './pasteProvider';

/** A small marker in the task list so the agent sees, before opening a task, that PolyAI context exists. */
function PolyaiTaskBadge({ label }: { label: string }): JSX.Element {
  return (
    <Box display="inline-flex" alignItems="center" paddingX="space10" data-testid="polyai-task-badge">
      <Badge as="span" variant="decorative10">
        {label}
      </Badge>
    </Box>
  );
}

/**
 * In real Flex, `TaskListItem.Content` fragments render below the item, outside its row, clickable area and
 * focus ring; `TaskListButtons` renders inside the row (beside Accept/Reject), so the badge goes there.
 */
export function registerTaskBadge(flex: typeof Flex, manager: Flex.Manager): void {
  const ThemedBadge = withPasteTheme(flex, PolyaiTaskBadge);
  const label = pickStrings(manager.strings).PolyaiContextTaskBadge;
  flex.TaskListButtons.Content.add(<ThemedBadge key="polyai-task-badge" label={label} />, {
    sortOrder: -1,
    if: ({ task }) => hasPolyaiContext(task),
  });
}
