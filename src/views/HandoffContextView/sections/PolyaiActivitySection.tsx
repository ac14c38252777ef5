import React, { useMemo } from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { ListItem, OrderedList } from '@twilio-paste/core/list';
import { Text } from '@twilio-paste/core/text';

import { DetailList, type Detail } from '../../common/DetailList';
import { Section } from '../../common/Section';
import { SensitiveText } from '../fields/SensitiveText';
import { formatClockTime, formatValue } from '../formatValue';
import { humanizeCode, isSensitiveValue, labelForPath, MASK, type Conversation, type FunctionEvent, type FunctionOutcome } from '@polyai-context/model';
import { useCurrency, useLabel, useLocale, useStrings, type Label, type Translate } from '../../../strings';

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

/**
 * A tag as a chip reads: the admin's label, else the code humanised and capitalised, so a one-word tag
 * ("billing") reads like its neighbours ("Duplicate charge") rather than as a raw code.
 */
export function tagText(tag: string, label: Label): string {
  const shown = label.code(tag);
  return shown === humanizeCode(tag) ? capitalised(shown) : shown;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const BADGE_VARIANT = { succeeded: 'success', failed: 'error', other: 'neutral' } as const;

/** One detail of a function event as the agent reads it, here and in "Copy all". */
export interface EventDetail {
  /** The reveal key, unique across the record's events (and apart from captured fields' paths). */
  key: string;
  label: string;
  text: string;
  sensitive: boolean;
}

/** What an event carries besides its name, outcome and time: labelled, formatted and judged sensitive once for both uses. */
export function eventDetails(event: FunctionEvent, index: number, format: ValueFormat): EventDetail[] {
  return event.details.map((detail) => ({
    key: `${ACTIVITY_KEY}${index}\u0000${detail.path}`,
    label: labelForPath(detail.segments, format.label.labels),
    text: formatValue(detail, format.t, format.locale, format.currency),
    sensitive: isSensitiveValue(detail.segments, detail.value, format.maskPatterns),
  }));
}

/** What turning PolyAI's values into the agent's text needs: the strings, labels, locale, currency and mask rules. */
export interface ValueFormat {
  t: Translate;
  label: Label;
  locale: string;
  currency: string | null;
  maskPatterns: readonly RegExp[];
}

/** Reveal keys of the events' details start with this (captured fields' paths never start with a NUL). */
const ACTIVITY_KEY = '\u0000activity:';

interface EventProps {
  event: FunctionEvent;
  index: number;
  format: ValueFormat;
  revealed: ReadonlySet<string>;
  onToggle: (key: string) => void;
}

function EventItem({ event, index, format, revealed, onToggle }: EventProps): JSX.Element {
  const { t, label, locale } = format;
  const outcome = event.outcome === null ? '' : outcomeText(event.outcome, t);
  const details: Detail[] = eventDetails(event, index, format).map((detail) => ({
    label: detail.label,
    value: <SensitiveText text={detail.text} label={detail.label} sensitive={detail.sensitive} revealed={revealed.has(detail.key)} onToggle={() => onToggle(detail.key)} />,
  }));
  return (
    <ListItem>
      <Box display="flex" flexWrap="wrap" alignItems="center" columnGap="space30" rowGap="space20" data-testid="polyai-function-event">
        <Text as="span" fontWeight="fontWeightSemibold" wordBreak="break-word">
          {functionName(event, t, label)}
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

function functionName(event: FunctionEvent, t: Translate, label: Label): string {
  return event.name === null ? t('PolyaiContextFunctionUnnamed') : label.key(event.name);
}

/** PolyScore as a number in the agent's locale, through the one value formatter. */
function polyScoreText(score: number, t: Translate, locale: string): string {
  return formatValue({ path: '', segments: [], label: '', value: score, kind: 'number' }, t, locale);
}

/** The record's fields this section could not read. */
function unreadFields(conversation: Conversation): string[] {
  return conversation.unread.filter((field) => ACTIVITY_FIELDS.has(field));
}

/**
 * The section as plain text for "Copy all", as shown: each function with its outcome and time, its details
 * (sensitive ones masked unless revealed), then tags, note and PolyScore. Empty when the section is not shown.
 */
export function activityAsText(conversation: Conversation, format: ValueFormat, revealed: ReadonlySet<string>): string[] {
  if (!hasActivity(conversation)) return [];
  const { t, label, locale } = format;
  const lines = ['', t('PolyaiContextActivityHeading')];
  if (conversation.functionEvents.length === 0) lines.push(t('PolyaiContextNoFunctions'));
  conversation.functionEvents.forEach((event, index) => {
    const outcome = event.outcome === null ? '' : outcomeText(event.outcome, t);
    const head = [functionName(event, t, label), outcome, event.time === null ? '' : formatClockTime(event.time, locale)].filter((part) => part !== '');
    lines.push(`${index + 1}. ${head.join(' · ')}`);
    for (const detail of eventDetails(event, index, format)) lines.push(`   ${detail.label}: ${detail.sensitive && !revealed.has(detail.key) ? MASK : detail.text}`);
  });
  if (conversation.tags.length > 0) lines.push(`${t('PolyaiContextTagsLabel')}: ${conversation.tags.map((tag) => tagText(tag, label)).join(', ')}`);
  if (conversation.note !== null) lines.push(`${t('PolyaiContextNoteLabel')}: ${conversation.note}`);
  if (conversation.polyScore !== null) lines.push(`${t('PolyaiContextPolyScoreLabel')}: ${polyScoreText(conversation.polyScore, t, locale)}`);
  const unread = unreadFields(conversation);
  if (unread.length > 0) lines.push(t('PolyaiContextRecordUnread', { fields: unread.join(', ') }));
  return lines;
}

interface PolyaiActivitySectionProps {
  conversation: Conversation;
  /** Compiled once, from the config: a function's arguments can carry card numbers or dates of birth. */
  maskPatterns: readonly RegExp[];
  /** Revealed details (see `eventDetails`' keys): kept by the view, so "Copy all" copies what is revealed. */
  revealed: ReadonlySet<string>;
  onToggle: (key: string) => void;
}

/**
 * What the assistant already did before the handoff, from PolyAI's conversation record: the functions it ran
 * (look-ups, payments, bookings) in order with how each ended, then PolyAI's tags, note and PolyScore, and
 * which of those fields the record had but could not be read.
 */
export function PolyaiActivitySection({ conversation, maskPatterns, revealed, onToggle }: PolyaiActivitySectionProps): JSX.Element {
  const t = useStrings();
  const label = useLabel();
  const locale = useLocale();
  const currency = useCurrency();
  const format = useMemo<ValueFormat>(() => ({ t, label, locale, currency, maskPatterns }), [t, label, locale, currency, maskPatterns]);
  const facts: Detail[] = [];
  if (conversation.tags.length > 0) {
    facts.push({
      label: t('PolyaiContextTagsLabel'),
      value: (
        <Box as="span" display="inline-flex" flexWrap="wrap" columnGap="space20" rowGap="space20">
          {conversation.tags.map((tag, index) => (
            <Badge as="span" variant="neutral" key={`${index}:${tag}`}>
              {tagText(tag, label)}
            </Badge>
          ))}
        </Box>
      ),
    });
  }
  if (conversation.note !== null) facts.push({ label: t('PolyaiContextNoteLabel'), value: conversation.note });
  if (conversation.polyScore !== null) facts.push({ label: t('PolyaiContextPolyScoreLabel'), value: polyScoreText(conversation.polyScore, t, locale) });
  const unread = unreadFields(conversation);
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
            <EventItem key={index} event={event} index={index} format={format} revealed={revealed} onToggle={onToggle} />
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
