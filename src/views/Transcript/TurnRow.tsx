import React, { memo } from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { ChatBubble, ChatMessage, ChatMessageMeta, ChatMessageMetaItem } from '@twilio-paste/core/chat-log';
import { HideIcon } from '@twilio-paste/icons/esm/HideIcon';
import { ShowIcon } from '@twilio-paste/icons/esm/ShowIcon';

import { partOffsets, turnParts } from './turnParts';
import { PartBoundary } from '../common/PartBoundary';
import { splitMatches, type TranscriptMatch } from './searchTranscript';
import type { ShownTurns } from './shownTurns';
import { useStrings } from '../../strings';

/** Which turns the agent revealed (a turn with nothing masked offers no reveal). */
export interface TurnReveal {
  revealed: ReadonlySet<number>;
  onToggle: (index: number) => void;
}

export interface TurnRowData {
  /** Each turn masked and presented when its row first renders. */
  turns: ShownTurns;
  query: string;
  active: TranscriptMatch | null;
  formatTime: (time: number) => string;
  reveal: TurnReveal;
}

interface TurnRowProps {
  /** The turn's index in the call. */
  index: number;
  /** The row's index in the virtual list (what it reports its measured height under). */
  row: number;
  /** Where the row sits in the list, px. */
  top: number;
  /** The virtual list's measuring ref: it watches the row's height to place the rows below it. */
  measure: (element: HTMLDivElement | null) => void;
  data: TurnRowData;
}

/** Space between messages, inside each measured row. */
export const ROW_GAP = 16;

/** `offset`: where this piece of the turn starts in its searched text (the text, then each badge). */
function Highlighted({ text, query, activeStart, offset = 0 }: { text: string; query: string; activeStart: number | null; offset?: number }): JSX.Element {
  return (
    <>
      {splitMatches(text, query).map((piece, index) => {
        if (piece.matchStart === null) return <React.Fragment key={index}>{piece.text}</React.Fragment>;
        const current = piece.matchStart + offset === activeStart;
        // Every match is filled with the primary colour (≥ 3:1 against both bubbles in light and dark themes,
        // inverse text ≥ 4.5:1 on it); the current one also gets the focus ring and a heavier weight.
        return (
          <Box
            as="mark"
            key={index}
            color="colorTextInverse"
            backgroundColor="colorBackgroundPrimary"
            borderRadius="borderRadius10"
            boxShadow={current ? 'shadowFocus' : undefined}
            fontWeight={current ? 'fontWeightBold' : undefined}
            aria-current={current ? 'true' : undefined}
          >
            {piece.text}
          </Box>
        );
      })}
    </>
  );
}

/** The caller's keypad input, one key per cap, read out as "Keys pressed: 1 2 3 4". */
function Keypad({ digits }: { digits: string }): JSX.Element {
  const t = useStrings();
  const label = t('PolyaiContextTurnKeypad');
  return (
    <Box as="span" display="flex" flexWrap="wrap" alignItems="center" columnGap="space20" rowGap="space20" aria-label={`${label}: ${digits.split('').join(' ')}`} role="group">
      <Box as="span" aria-hidden="true">{`${label}:`}</Box>
      {digits.split('').map((digit, position) => (
        <Box
          as="kbd"
          aria-hidden="true"
          key={position}
          fontFamily="fontFamilyCode"
          fontWeight="fontWeightSemibold"
          borderStyle="solid"
          borderWidth="borderWidth10"
          borderColor="colorBorderWeak"
          borderRadius="borderRadius20"
          paddingX="space20"
          minWidth="sizeIcon20"
          textAlign="center"
        >
          {digit}
        </Box>
      ))}
    </Box>
  );
}

/**
 * One turn as a Paste chat message: caller inbound, PolyAI agent outbound, what was said (or the silence, or
 * the keys pressed) in the bubble and who said it and when under it, badges last.
 */
function TurnRowComponent({ index, row, top, measure, data }: TurnRowProps): JSX.Element | null {
  const t = useStrings();
  const turn = data.turns.at(index);
  // Rows are only placed for the transcript's own turns: nothing to show for any other index.
  if (turn === undefined) return null;
  const speaker = turn.speaker === 'agent' ? t('PolyaiContextSpeakerAgent') : t('PolyaiContextSpeakerCaller');
  const time = turn.time === null ? null : data.formatTime(turn.time);
  const activeStart = data.active?.turn === index ? data.active.start : null;
  const hasBubble = turn.text !== '' || turn.dtmf !== null || turn.silence;
  const hasBadges = turn.intents.length > 0 || turn.entities.length > 0 || turn.outOfDomain;
  const [text, ...badges] = turnParts(turn);
  const offsets = partOffsets([text, ...badges]);
  const revealable = data.turns.masked(index) !== null;
  const revealed = data.reveal.revealed.has(index);
  return (
    <div ref={measure} data-index={row} style={{ position: 'absolute', top, left: 0, width: '100%', paddingBottom: ROW_GAP }}>
      <PartBoundary part="row" resetKey={turn}>
        <ChatMessage variant={turn.speaker === 'agent' ? 'outbound' : 'inbound'}>
          {hasBubble && (
            <ChatBubble>
              {text !== '' && <Highlighted text={text} query={data.query} activeStart={activeStart} />}
              {turn.dtmf !== null && <Keypad digits={turn.dtmf} />}
              {/* A silence is a turn like any other: its marker where the words would be. */}
              {turn.silence && (
                <Box as="span" display="block" fontStyle="italic">
                  {t('PolyaiContextTurnSilence')}
                </Box>
              )}
              {/* The caller's words as said, then PolyAI's translation into the agent's working language. */}
              {turn.translation !== null && (
                <Box as="span" display="block" fontStyle="italic" marginTop="space20">
                  {t('PolyaiContextTurnTranslation', { text: turn.translation })}
                </Box>
              )}
            </ChatBubble>
          )}
          <ChatMessageMeta aria-label={time ? t('PolyaiContextTurnMeta', { speaker, time }) : speaker}>
            <ChatMessageMetaItem>{time ? `${speaker} · ${time}` : speaker}</ChatMessageMetaItem>
            {revealable && (
              <Button
                variant="secondary_icon"
                size="icon_small"
                pressed={revealed}
                onClick={() => data.reveal.onToggle(index)}
                aria-label={revealed ? t('PolyaiContextHideTurn') : t('PolyaiContextRevealTurn')}
              >
                {revealed ? <HideIcon decorative /> : <ShowIcon decorative />}
              </Button>
            )}
          </ChatMessageMeta>
          {hasBadges && (
            <Box display="flex" flexWrap="wrap" columnGap="space20" rowGap="space20" marginTop="space20" justifyContent={turn.speaker === 'agent' ? 'flex-end' : 'flex-start'}>
              {turn.outOfDomain && (
                <Badge as="span" variant="warning">
                  {t('PolyaiContextTurnOutOfDomain')}
                </Badge>
              )}
              {/* Intents first, then entities, as `turnParts` lists them (masked upstream where sensitive). */}
              {badges.map((badge, position) => (
                <Badge as="span" variant={position < turn.intents.length ? 'decorative10' : 'neutral'} key={position}>
                  <Highlighted text={badge} query={data.query} activeStart={activeStart} offset={offsets[position + 1]} />
                </Badge>
              ))}
            </Box>
          )}
        </ChatMessage>
      </PartBoundary>
    </div>
  );
}

export const TurnRow = memo(TurnRowComponent);
