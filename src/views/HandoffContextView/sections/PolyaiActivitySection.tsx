import React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { ListItem, OrderedList } from '@twilio-paste/core/list';
import { Text } from '@twilio-paste/core/text';

import { DetailList, type Detail } from '../../common/DetailList';
import { Section } from '../../common/Section';
import { useToggleSet } from '../../common/useToggleSet';
import { SensitiveText } from '../fields/SensitiveText';
import { formatClockTime, formatValue } from '../formatValue';
import { humanizeCode, isSensitiveValue, labelForPath, type Conversation, type FunctionEvent, type FunctionOutcome } from '@polyai-context/model';
import { useCurrency, useLabel, useLocale, useStrings, type Translate } from '../../../strings';

/** Words that only restate the outcome's kind: the badge says it already. */
const KIND_WORDS = /^(ok|okay|success|successful|succeeded|fail|failed|failure|error|true|false|done|complete|completed)$/i;

/** Whether PolyAI's record says anything this section shows. */
export function hasActivity(conversation: Conversation): boolean {
  return (
    conversation.functionEvents.length > 0 ||
    conversation.tags.length > 0 ||
    conversation.note !== null ||
    conversation.polyScore !== null ||
    conversation.unread.some((field) => ACTIVITY_FIELDS.has(field))
  );
}

/** The record's fields this section reads, by PolyAI's names. */
const ACTIVITY_FIELDS = new Set(['functionEvents', 'tags', 'note', 'polyScore']);

/** How a function ended, as the badge shows it: the kind, with the record's own words when they add something. */
export function outcomeText(outcome: FunctionOutcome, t: Translate): string {
  const words = outcome.text === null || KIND_WORDS.test(outcome.text) ? null : capitalised(humanizeCode(outcome.text));
  if (outcome.kind === 'other') return words ?? '';
  const kind = outcome.kind === 'succeeded' ? t('PolyaiContextOutcomeSucceeded') : t('PolyaiContextOutcomeFailed');
  return words === null ? kind : `${kind}: ${words}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const BADGE_VARIANT = { succeeded: 'success', failed: 'error', other: 'neutral' } as const;

interface EventProps {
  event: FunctionEvent;
  index: number;
  maskPatterns: readonly RegExp[];
  revealed: ReadonlySet<string>;
  onToggle: (key: string) => void;
}

function EventItem({ event, index, maskPatterns, revealed, onToggle }: EventProps): JSX.Element {
  const t = useStrings();
  const label = useLabel();
  const locale = useLocale();
  const currency = useCurrency();
  const outcome = event.outcome === null ? '' : outcomeText(event.outcome, t);
  const details: Detail[] = event.details.map((detail) => {
    const key = `${index}\u0000${detail.path}`;
    const name = labelForPath(detail.segments, label.labels);
    return {
      label: name,
      value: (
        <SensitiveText
          text={formatValue(detail, t, locale, currency)}
          label={name}
          sensitive={isSensitiveValue(detail.segments, detail.value, maskPatterns)}
          revealed={revealed.has(key)}
          onToggle={() => onToggle(key)}
        />
      ),
    };
  });
  return (
    <ListItem>
      <Box display="flex" flexWrap="wrap" alignItems="center" columnGap="space30" rowGap="space20" data-testid="polyai-function-event">
        <Text as="span" fontWeight="fontWeightSemibold" wordBreak="break-word">
          {event.name === null ? t('PolyaiContextFunctionUnnamed') : label.key(event.name)}
        </Text>
        {event.outcome !== null && outcome !== '' && (
          <Badge as="span" variant={BADGE_VARIANT[event.outcome.kind]}>
            {outcome}
          </Badge>
        )}
        {event.time !== null && (
          <Text as="span" color="colorTextWeak" fontSize="fontSize20">
            {formatClockTime(event.time, locale)}
          </Text>
        )}
      </Box>
      {details.length > 0 && (
        <Box marginTop="space20">
          <DetailList items={details} />
        </Box>
      )}
    </ListItem>
  );
}

interface PolyaiActivitySectionProps {
  conversation: Conversation;
  /** Compiled once, from the config: a function's arguments can carry card numbers or dates of birth. */
  maskPatterns: readonly RegExp[];
}

/**
 * What the assistant already did before the handoff, from PolyAI's conversation record: the functions it ran
 * (look-ups, payments, bookings) in order with how each ended, then PolyAI's tags, note and PolyScore, and
 * which of those fields the record had but could not be read.
 */
export function PolyaiActivitySection({ conversation, maskPatterns }: PolyaiActivitySectionProps): JSX.Element {
  const t = useStrings();
  const label = useLabel();
  const locale = useLocale();
  const [revealed, toggle] = useToggleSet<string>();
  const facts: Detail[] = [];
  if (conversation.tags.length > 0) {
    facts.push({
      label: t('PolyaiContextTagsLabel'),
      value: (
        <Box as="span" display="inline-flex" flexWrap="wrap" columnGap="space20" rowGap="space20">
          {conversation.tags.map((tag, index) => (
            <Badge as="span" variant="neutral" key={`${index}:${tag}`}>
              {label.code(tag)}
            </Badge>
          ))}
        </Box>
      ),
    });
  }
  if (conversation.note !== null) facts.push({ label: t('PolyaiContextNoteLabel'), value: conversation.note });
  if (conversation.polyScore !== null) {
    facts.push({ label: t('PolyaiContextPolyScoreLabel'), value: formatValue({ path: '', segments: [], label: '', value: conversation.polyScore, kind: 'number' }, t, locale) });
  }
  const unread = conversation.unread.filter((field) => ACTIVITY_FIELDS.has(field));
  return (
    <Section id="activity" title={t('PolyaiContextActivityHeading')}>
      <Text as="p" color="colorTextWeak" fontSize="fontSize20" marginBottom="space30">
        {t('PolyaiContextActivityNote')}
      </Text>
      {conversation.functionEvents.length === 0 ? (
        <Text as="p" marginBottom="space30">
          {t('PolyaiContextNoFunctions')}
        </Text>
      ) : (
        <OrderedList aria-label={t('PolyaiContextFunctionsLabel')}>
          {conversation.functionEvents.map((event, index) => (
            // The record's order is the events' identity: it never changes for a loaded conversation.
            <EventItem key={index} event={event} index={index} maskPatterns={maskPatterns} revealed={revealed} onToggle={toggle} />
          ))}
        </OrderedList>
      )}
      {facts.length > 0 && <DetailList items={facts} />}
      {unread.length > 0 && (
        <Text as="p" color="colorTextWeak" fontSize="fontSize20" marginTop="space30" data-testid="polyai-activity-unread">
          {t('PolyaiContextRecordUnread', { fields: unread.join(', ') })}
        </Text>
      )}
    </Section>
  );
}
