import React from 'react';
import type * as Flex from '@twilio/flex-ui';
import { Box } from '@twilio-paste/core/box';

import { hasPolyaiContext } from './contextTab';
import { pickStrings } from '../../strings';
import { withPasteTheme } from './pasteProvider';

/**
 * A small marker in the task list so the agent sees, before opening a task, that PolyAI context exists. Not
 * Paste's Badge: its weak tints are the colours Flex gives unselected rows, so it vanished into them. The
 * text takes the token of Flex's own task titles and the chip a body-coloured fill with a primary outline,
 * readable on selected and unselected rows in both themes (measured in tests/e2e/languagesAndThemes).
 */
function PolyaiTaskBadge({ label }: { label: string }): JSX.Element {
  return (
    <Box display="inline-flex" alignItems="center" paddingX="space10" data-testid="polyai-task-badge">
      <Box
        as="span"
        data-testid="polyai-task-badge-chip"
        color="colorText"
        backgroundColor="colorBackgroundBody"
        borderStyle="solid"
        borderWidth="borderWidth10"
        borderColor="colorBorderPrimary"
        borderRadius="borderRadius20"
        paddingX="space20"
        fontSize="fontSize20"
        fontWeight="fontWeightSemibold"
        lineHeight="lineHeight20"
        whiteSpace="nowrap"
      >
        {label}
      </Box>
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
