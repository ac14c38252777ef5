import React, { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Spinner } from '@twilio-paste/core/spinner';
import { Text } from '@twilio-paste/core/text';

import { ROW_GAP, TurnRow, type TurnReveal, type TurnRowData } from './TurnRow';
import type { TranscriptMatch } from './searchTranscript';
import type { ShownTurns } from './shownTurns';
import type { EarlierTurns } from './conversationCall';
import { LoadFailure } from '../common/LoadFailure';
import { ScrollAreaContext } from '../common/scrollArea';
import { useRowWindow } from '../common/useRowWindow';
import type { ConversationTurn, ConversationTurns } from '@polyai-context/model';
import { pluralKey, useLocale, useStrings } from '../../strings';

/** Turns shown first: those that led to the handoff, in reading order, right under the search box. */
export const TAIL_TURNS = 10;
const CHARS_PER_LINE = 44;
const LINE_HEIGHT = 20;

/** First guess of a row's height, until it is measured: near enough that scrolling rarely jumps. */
function estimateHeight(turn: ConversationTurn | undefined): number {
  if (turn === undefined) return 0;
  const lines = Math.max(1, Math.ceil(turn.text.length / CHARS_PER_LINE)) + (turn.dtmf === null ? 0 : 1) + Math.ceil((turn.translation?.length ?? 0) / CHARS_PER_LINE);
  const badges = turn.intents.length + turn.entities.length > 0 || turn.outOfDomain ? 28 : 0;
  return 24 + lines * LINE_HEIGHT + 24 + badges + ROW_GAP;
}

interface TranscriptListProps {
  /**
   * The turns as loaded, in their places in the whole call: their count, and their heights estimated before they
   * are shown (never masked for that). Those before `earlier.count` are not loaded.
   */
  turns: ConversationTurns;
  /** The rows left out before the loaded ones, when only the latest were loaded; absent: the whole call is here. */
  earlier?: EarlierTurns;
  /** The same turns as shown, masked and presented as their rows render. */
  shown: ShownTurns;
  query: string;
  active: TranscriptMatch | null;
  /** Which turns the agent revealed. */
  reveal: TurnReveal;
}

/**
 * Where the list starts inside the tab's scroll area, kept up to date as what is above it changes height
 * (rows still arriving, a section expanded): the virtualiser places rows against the area's scroll offset.
 */
function useOffsetIn(scrollArea: HTMLElement | null, list: React.RefObject<HTMLElement>): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const element = list.current;
    if (!scrollArea || !element) return undefined;
    const measure = () => {
      const next = Math.round(element.getBoundingClientRect().top - scrollArea.getBoundingClientRect().top + scrollArea.scrollTop);
      setOffset((current) => (current === next ? current : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined' || !scrollArea.firstElementChild) return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(scrollArea.firstElementChild);
    return () => observer.disconnect();
  }, [scrollArea, list]);
  return offset;
}

/**
 * The transcript in the tab's one scroll area (no box of its own to trap the wheel): first the last
 * TAIL_TURNS turns, which led to the handoff, with a button back to the start of the call; the whole call
 * virtualised against the tab's scrolling, so only the rows in view (plus a few) are in the DOM and a
 * 10,000-turn call costs what a short one does. Rows are measured once shown; until then their height is
 * estimated. A search match in an earlier turn shows the whole call. When only the latest turns are loaded,
 * the button asks for the whole call first (saying it loads, or why it failed with "Try again"), then shows it.
 */
export function TranscriptList({ turns, earlier, shown, query, active, reveal }: TranscriptListProps): JSX.Element {
  const t = useStrings();
  const locale = useLocale();
  const scrollArea = useContext(ScrollAreaContext);
  const list = useRef<HTMLDivElement>(null);
  const [fromStart, setFromStart] = useState(false);
  // The call's start is shown once it is loaded: asking for it fetches the whole call first.
  const loadedFrom = earlier?.count ?? 0;
  const first = fromStart && loadedFrom === 0 ? 0 : Math.max(loadedFrom, turns.length - TAIL_TURNS);
  const offset = useOffsetIn(scrollArea, list);
  const estimate = useCallback((index: number) => estimateHeight(turns.at(first + index)), [turns, first]);
  const keyOf = useCallback((index: number) => first + index, [first]);
  const { rows, height, measure, scrollToIndex } = useRowWindow({ count: turns.length - first, scrollArea, offset, estimate, keyOf, overscan: TAIL_TURNS });
  const formatTime = useMemo(() => {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' });
    }
    // A time outside what Date can hold (e.g. 1e16) would make Intl throw: such a turn shows no time.
    return (time: number) => {
      const date = new Date(time);
      return Number.isNaN(date.getTime()) ? '' : format.format(date);
    };
  }, [locale]);
  const itemData = useMemo<TurnRowData>(() => ({ turns: shown, query, active, formatTime, reveal }), [shown, query, active, formatTime, reveal]);
  // The turn to bring into view once it is in the list: the current match, or the first turn asked for.
  const wanted = useRef<{ turn: number; align: 'auto' | 'start' } | null>(null);
  useEffect(() => {
    if (active) wanted.current = { turn: active.turn, align: 'auto' };
  }, [active]);
  useEffect(() => {
    const target = wanted.current;
    if (!target) return;
    if (target.turn < first) {
      setFromStart(true);
      return;
    }
    wanted.current = null;
    scrollToIndex(target.turn - first, target.align);
  }, [active, first, scrollToIndex]);
  const showFromStart = () => {
    wanted.current = { turn: 0, align: 'start' };
    setFromStart(true);
    if (earlier?.status === 'left-out') earlier.load();
    // The button goes away: keyboard focus moves to the transcript it opened.
    list.current?.focus();
  };
  return (
    <>
      {earlier?.status === 'failed' ? (
        <Box marginBottom="space30">
          <LoadFailure
            title={t('PolyaiContextTranscriptEarlierFailed')}
            code={earlier.httpStatus}
            message={earlier.message}
            onRetry={earlier.retry}
            retrying={earlier.retrying}
            lastTried={earlier.lastTried}
            testId="polyai-transcript-earlier"
          />
        </Box>
      ) : earlier?.status === 'loading' ? (
        <Box display="flex" alignItems="center" columnGap="space30" marginBottom="space30" aria-busy="true">
          <Spinner decorative size="sizeIcon20" />
          <Text as="span" role="status" color="colorTextWeak">
            {t('PolyaiContextTranscriptWholeLoading')}
          </Text>
        </Box>
      ) : (
        first > 0 && (
          <Box marginBottom="space30">
            <Button variant="link" size="small" onClick={showFromStart}>
              {t(pluralKey('PolyaiContextTranscriptEarlier', first, locale), { count: first })}
            </Button>
          </Box>
        )
      )}
      <div ref={list} role="log" tabIndex={-1} aria-label={t('PolyaiContextTranscriptHeading')}>
        <div role="list" style={{ position: 'relative', height }}>
          {rows.map((item) => (
            <TurnRow key={first + item.index} index={first + item.index} row={item.index} top={item.top} measure={measure} data={itemData} />
          ))}
        </div>
      </div>
    </>
  );
}
