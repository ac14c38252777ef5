import React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import { DetailList, type Detail } from '../common/DetailList';
import type { Conversation } from '@polyai-context/model';
import { useLabel, useStrings } from '../../strings';

/** Which conversation-level facts the handoff data already gave the agent (those are not repeated). */
export interface HandoffKnows {
  summary: boolean;
  reason: boolean;
  destination: boolean;
  /** The handoff's id: the conversation's id is shown only when it is another one. */
  id: string | null;
}

/**
 * PolyAI's conversation record fills what the handoff data lacked (summary, handoff reason and destination),
 * labelled as coming from the conversation, with the conversation's id when it is not the handoff's; and says when PolyAI still shows the call as in progress.
 */
export function ConversationFacts({ conversation, known }: { conversation: Conversation; known: HandoffKnows }): JSX.Element | null {
  const t = useStrings();
  const label = useLabel();
  const items: Detail[] = [];
  if (!known.summary && conversation.summary) items.push({ label: t('PolyaiContextSummaryHeading'), value: conversation.summary });
  if (!known.reason && conversation.handoffReason) items.push({ label: t('PolyaiContextReasonLabel'), value: label.code(conversation.handoffReason) });
  if (!known.destination && conversation.handoffDestination) items.push({ label: t('PolyaiContextDestinationLabel'), value: label.code(conversation.handoffDestination) });
  if (conversation.id && conversation.id !== known.id) items.push({ label: t('PolyaiContextConversationIdLabel'), value: conversation.id });
  if (items.length === 0 && conversation.inProgress !== true) return null;
  return (
    <Box display="flex" flexDirection="column" rowGap="space30" marginBottom="space40" data-testid="polyai-conversation-facts">
      {conversation.inProgress === true && (
        <Alert variant="neutral">
          <Text as="p">{t('PolyaiContextInProgress')}</Text>
        </Alert>
      )}
      {items.length > 0 && (
        <Box>
          <Heading as="h4" variant="heading60" marginBottom="space0">
            {t('PolyaiContextFromConversationHeading')}
          </Heading>
          <Text as="p" color="colorTextWeak" fontSize="fontSize20" marginBottom="space30">
            {t('PolyaiContextFromConversationNote')}
          </Text>
          <DetailList items={items} />
        </Box>
      )}
    </Box>
  );
}
