import React, { memo, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { ChatBubble, ChatMessage, ChatMessageMeta, ChatMessageMetaItem } from '@twilio-paste/core/chat-log';
import { areEqual, type ListChildComponentProps } from 'react-window';

import { PartBoundary } from '../common/PartBoundary';
import { splitMatches, type TranscriptMatch } from './searchTranscript';
import { isSensitivePath, MASK, type ConversationTurn } from '../../model';
import { useStrings } from '../../strings';

export interface TurnRowData {
  turns: readonly ConversationTurn[];
  query: string;
  active: TranscriptMatch | null;
  maskPatterns: readonly RegExp[];
  formatTime: (time: number) => string;
  /** Reports a row's measured height so the virtual list can place the rows below it. */
  setSize: (index: number, size: number) => void;
}

/** Space between messages, inside each measured row. */
export const ROW_GAP = 16;

function Highlighted({ text, query, activeStart }: { text: string; query: string; activeStart: number | null }): JSX.Element {
  return (
    <>
      {splitMatches(text, query).map((piece, index) =>
        piece.matchStart === null ? (
          <React.Fragment key={index}>{piece.text}</React.Fragment>
        ) : (
          // Every match is tinted and underlined (the tint alone is faint inside an agent bubble); the current
          // match is outlined rather than recoloured: readable in light and dark themes.
          <Box
            as="mark"
            key={index}
            color="colorText"
            borderRadius="borderRadius10"
            textDecoration="underline"
            backgroundColor="colorBackgroundWarningWeakest"
            boxShadow={piece.matchStart === activeStart ? 'shadowBorderPrimary' : undefined}
            fontWeight={piece.matchStart === activeStart ? 'fontWeightSemibold' : undefined}
            aria-current={piece.matchStart === activeStart ? 'true' : undefined}
          >
            {piece.text}
          </Box>
        ),
      )}
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

/** One turn as a Paste chat message: caller inbound, PolyAI agent outbound, badges under the bubble. */
function TurnRowComponent({ index, style, data }: ListChildComponentProps<TurnRowData>): JSX.Element {
  const t = useStrings();
  const turn = data.turns[index];
  const ref = useRef<HTMLDivElement>(null);
  const { setSize } = data;
  const measure = useCallback(() => {
    const height = ref.current?.getBoundingClientRect().height ?? 0;
    if (height > 0) setSize(index, Math.ceil(height) + ROW_GAP);
  }, [index, setSize]);
  useLayoutEffect(measure);
  // A narrower tab wraps text onto more lines: re-measure when the row's box changes.
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure]);
  const speaker = turn.speaker === 'agent' ? t('PolyaiContextSpeakerAgent') : t('PolyaiContextSpeakerCaller');
  const time = turn.time === null ? null : data.formatTime(turn.time);
  const activeStart = data.active?.turn === index ? data.active.start : null;
  const hasBubble = turn.text !== '' || turn.dtmf !== null;
  const hasBadges = turn.intents.length > 0 || turn.entities.length > 0 || turn.silence || turn.outOfDomain;
  const masked = (name: string) => isSensitivePath([name], data.maskPatterns);
  return (
    <div style={style}>
      <div ref={ref}>
        <PartBoundary part="row" resetKey={turn}>
          <ChatMessage variant={turn.speaker === 'agent' ? 'outbound' : 'inbound'}>
            {hasBubble && (
              <ChatBubble>
                {turn.text !== '' && <Highlighted text={turn.text} query={data.query} activeStart={activeStart} />}
                {turn.dtmf !== null && <Keypad digits={turn.dtmf} />}
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
            </ChatMessageMeta>
            {hasBadges && (
              <Box display="flex" flexWrap="wrap" columnGap="space20" rowGap="space20" marginTop="space20" justifyContent={turn.speaker === 'agent' ? 'flex-end' : 'flex-start'}>
                {turn.silence && (
                  <Badge as="span" variant="neutral">
                    {t('PolyaiContextTurnSilence')}
                  </Badge>
                )}
                {turn.outOfDomain && (
                  <Badge as="span" variant="warning">
                    {t('PolyaiContextTurnOutOfDomain')}
                  </Badge>
                )}
                {turn.intents.map((intent, position) => (
                  <Badge as="span" variant="decorative10" key={`i${position}`}>
                    {intent}
                  </Badge>
                ))}
                {turn.entities.map((entity, position) => (
                  <Badge as="span" variant="neutral" key={`e${position}`}>
                    {`${entity.name}: ${masked(entity.name) ? MASK : entity.values.join(', ')}`}
                  </Badge>
                ))}
              </Box>
            )}
          </ChatMessage>
        </PartBoundary>
      </div>
    </div>
  );
}

export const TurnRow = memo(TurnRowComponent, areEqual);
