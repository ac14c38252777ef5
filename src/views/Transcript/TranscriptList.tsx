import React, { forwardRef, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { VariableSizeList } from 'react-window';

import { ROW_GAP, TurnRow, type TurnReveal, type TurnRowData } from './TurnRow';
import type { TranscriptMatch } from './searchTranscript';
import type { ConversationTurn } from '@polyai-context/model';
import { useLocale, useStrings } from '../../strings';

const MAX_HEIGHT = 480;
const CHARS_PER_LINE = 44;
const LINE_HEIGHT = 20;

/** First guess of a row's height, until it is measured: near enough that scrolling rarely jumps. */
function estimateHeight(turn: ConversationTurn): number {
  const lines = Math.max(1, Math.ceil(turn.text.length / CHARS_PER_LINE)) + (turn.dtmf === null ? 0 : 1) + Math.ceil((turn.translation?.length ?? 0) / CHARS_PER_LINE);
  const badges = turn.intents.length + turn.entities.length > 0 || turn.silence || turn.outOfDomain ? 28 : 0;
  return 24 + lines * LINE_HEIGHT + 24 + badges + ROW_GAP;
}

// The log and list roles of Paste's ChatLog, on react-window's own scroll container and row holder.
const LogElement = forwardRef<HTMLDivElement, React.HTMLAttributes<HTMLDivElement>>(function LogElement(props, ref) {
  return <div {...props} ref={ref} role="log" tabIndex={0} />;
});
const ListElement = forwardRef<HTMLDivElement, React.HTMLAttributes<HTMLDivElement>>(function ListElement(props, ref) {
  return <div {...props} ref={ref} role="list" />;
});

interface TranscriptListProps {
  turns: readonly ConversationTurn[];
  query: string;
  active: TranscriptMatch | null;
  /** Turns with masked values, and which of them the agent revealed. */
  reveal?: TurnReveal;
}

const NO_REVEAL: TurnReveal = { masked: [], revealed: new Set(), onToggle: () => undefined };

/**
 * The transcript, virtualised: only the rows in view (plus a few) are in the DOM, so a 10,000-turn
 * call costs what a short one does. Rows are measured once shown; until then their height is estimated.
 */
export function TranscriptList({ turns, query, active, reveal = NO_REVEAL }: TranscriptListProps): JSX.Element {
  const t = useStrings();
  const locale = useLocale();
  const list = useRef<VariableSizeList>(null);
  const sizes = useRef(new Map<number, number>());
  // Rows measure themselves in layout effects, which on first mount run before the list's ref is set:
  // those first sizes are applied by this component's own layout effect, right after.
  const pending = useRef<number | null>(null);
  const setSize = useCallback((index: number, size: number) => {
    if (sizes.current.get(index) === size) return;
    sizes.current.set(index, size);
    if (list.current) list.current.resetAfterIndex(index);
    else pending.current = Math.min(pending.current ?? index, index);
  }, []);
  useLayoutEffect(() => {
    if (pending.current === null) return;
    list.current?.resetAfterIndex(pending.current);
    pending.current = null;
  });
  const itemSize = useCallback((index: number) => sizes.current.get(index) ?? estimateHeight(turns[index]), [turns]);
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
  const itemData = useMemo<TurnRowData>(
    () => ({ turns, query, active, formatTime, setSize, reveal }),
    [turns, query, active, formatTime, setSize, reveal],
  );
  useEffect(() => {
    if (active) list.current?.scrollToItem(active.turn, 'smart');
  }, [active]);
  const height = useMemo(() => {
    let total = 0;
    for (let index = 0; index < turns.length && total < MAX_HEIGHT; index += 1) total += estimateHeight(turns[index]);
    return Math.min(total, MAX_HEIGHT);
  }, [turns]);
  return (
    <VariableSizeList
      ref={list}
      height={height}
      width="100%"
      itemCount={turns.length}
      itemSize={itemSize}
      estimatedItemSize={estimateHeight(turns[0])}
      itemData={itemData}
      itemKey={(index) => index}
      outerElementType={LogElement}
      innerElementType={ListElement}
      overscanCount={4}
      aria-label={t('PolyaiContextTranscriptHeading')}
    >
      {TurnRow}
    </VariableSizeList>
  );
}
