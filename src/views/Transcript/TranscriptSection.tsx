import React, { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Text } from '@twilio-paste/core/text';

import { PART_SEPARATOR, turnParts } from './turnParts';
import { ConversationFacts, type HandoffKnows } from './ConversationFacts';
import { TranscriptList } from './TranscriptList';
import { TranscriptSearch } from './TranscriptSearch';
import { TranscriptLoading } from './TranscriptLoading';
import { findMatches, searchableTexts } from './searchTranscript';
import type { ConversationCall, EarlierTurns } from './conversationCall';
import { Section } from '../common/Section';
import { LoadFailure } from '../common/LoadFailure';
import { ConversationRecordContext } from '../common/conversationRecord';
import { TranscriptCopyContext } from '../common/transcriptCopy';
import { useToggleSet } from '../common/useToggleSet';
import type { ConversationTurn, ConversationTurns } from '@polyai-context/model';
import { useCurrency, useLabel, useLocale, useStrings, type StringKey, type Translate } from '../../strings';
import { presentTurn } from './presentTurn';
import { afterEarlier, lazyMasks, shownTurns, warmInIdleTime } from './shownTurns';

/** Why there is no transcript to load: said as a note, not as an error. */
export type TranscriptUnavailable = 'not-configured' | 'no-id';

/**
 * Where the call's transcript stands (the container runs the call), or why there is none. `waiting`: it can be
 * loaded once the tab is opened (shown as loading, nothing fetched yet).
 */
export type TranscriptSource = { status: 'available'; call: ConversationCall } | { status: 'waiting' } | { status: 'unavailable'; reason: TranscriptUnavailable };

export interface TranscriptSectionProps {
  source: TranscriptSource;
  /** Compiled once, from the config. */
  maskPatterns: readonly RegExp[];
  /** Values the handoff captured as sensitive: masked wherever a turn says them. */
  sensitiveValues?: readonly string[];
  /** What the handoff data already says; the conversation fills the rest. Defaults to nothing. */
  known?: HandoffKnows;
}

interface TurnsProps {
  turns: ConversationTurns;
  /** The rows before `turns` that were left out, when only the latest were loaded; absent: `turns` is the whole call. */
  earlier?: EarlierTurns;
  maskPatterns: readonly RegExp[];
  sensitiveValues: readonly string[];
}

const NO_VALUES: readonly string[] = [];
const KNOWS_NOTHING: HandoffKnows = { summary: false, reason: false, destination: false, id: null };
/** Before the tab is opened: shown as loading, with nothing to retry. */
const WAITING: ConversationCall = { state: { status: 'loading' }, retry: () => undefined, retrying: false, lastTried: null };

const NOTES: Record<TranscriptUnavailable, StringKey> = {
  'not-configured': 'PolyaiContextTranscriptNotConfigured',
  'no-id': 'PolyaiContextTranscriptNoId',
};

/**
 * Turns plus search: the query and the current match live here, the typing in the search box. Turns are
 * searched as shown (masked values stay masked, badges included), so search never finds a hidden value.
 */
function SearchableTranscript({ turns: loaded, earlier, maskPatterns, sensitiveValues }: TurnsProps): JSX.Element {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  // Rows keep their place in the whole call, so reveals, measured heights and the search stay put when it arrives.
  const leftOut = earlier?.count ?? 0;
  const placed = useMemo(() => afterEarlier(loaded, leftOut), [loaded, leftOut]);
  // Each turn is masked when first shown, searched or copied, not the whole call as it loads.
  const masked = useMemo(() => lazyMasks(placed, maskPatterns, sensitiveValues), [placed, maskPatterns, sensitiveValues]);
  const [revealed, onToggleReveal] = useToggleSet<number>();
  const label = useLabel();
  const locale = useLocale();
  const currency = useCurrency();
  // Badges read as the rest of the tab shows the same words and values.
  const turns = useMemo(() => shownTurns(placed, masked, revealed, (turn) => presentTurn(turn, label, locale, currency)), [placed, masked, revealed, label, locale, currency]);
  const reveal = useMemo(() => ({ revealed, onToggle: onToggleReveal }), [revealed, onToggleReveal]);
  useEffect(() => warmInIdleTime(turns), [turns]);
  const whole = earlier === undefined;
  const failed = earlier?.status === 'failed';
  const loadEarlier = earlier?.status === 'left-out' ? earlier.load : null;
  // "Copy all" copies the transcript as shown, the whole call (fetched first when only the latest turns are
  // here, never the latest alone): masked values stay masked unless this message was revealed.
  const t = useStrings();
  const copyRef = useContext(TranscriptCopyContext);
  const waiting = useRef<Array<(lines: string[] | null) => void>>([]);
  const lines = useCallback(() => turns.all().map((turn) => `${turn.speaker === 'agent' ? t('PolyaiContextSpeakerAgent') : t('PolyaiContextSpeakerCaller')}: ${turnAsText(turn, t)}`), [turns, t]);
  useEffect(() => {
    if (!copyRef) return undefined;
    copyRef.current = () => {
      if (whole) return Promise.resolve(lines());
      if (failed) return Promise.resolve(null);
      loadEarlier?.();
      return new Promise((resolve) => waiting.current.push(resolve));
    };
    return () => {
      copyRef.current = null;
    };
  }, [copyRef, whole, failed, loadEarlier, lines]);
  useEffect(() => {
    if (!whole && !failed) return;
    const copies = waiting.current.splice(0);
    for (const copy of copies) copy(whole ? lines() : null);
  }, [whole, failed, lines]);
  // A copy still waiting when the transcript goes (another task) copies no transcript it cannot show.
  useEffect(() => {
    const copies = waiting.current;
    return () => copies.splice(0).forEach((copy) => copy(null));
  }, []);
  // The whole call is searched: a search typed while only the latest turns are here fetches it (`onTyping`, from
  // the first letter, so it loads while the agent types) and waits.
  const searching = query.trim() !== '';
  // Searchable texts are made once a search starts, not with the transcript: a long call opens at once.
  const texts = useMemo(() => (searching && whole ? searchableTexts(turns.all().map((turn) => turnParts(turn).join(PART_SEPARATOR))) : null), [turns, searching, whole]);
  const matches = useMemo(() => (texts === null ? [] : findMatches(texts, query)), [texts, query]);
  const onSearch = useCallback((next: string) => {
    setQuery(next);
    setCurrent(0);
  }, []);
  const step = (by: number) => setCurrent((index) => (matches.length === 0 ? 0 : (index + by + matches.length) % matches.length));
  const active = matches.length > 0 ? matches[Math.min(current, matches.length - 1)] : null;
  const pending = searching && !whole ? t(failed ? 'PolyaiContextSearchWholeCallFailed' : 'PolyaiContextSearchWholeCall') : null;
  return (
    <>
      <TranscriptSearch
        onSearch={onSearch}
        total={!searching || pending !== null ? null : matches.length}
        pending={pending}
        onTyping={loadEarlier ?? undefined}
        current={Math.min(current, matches.length - 1) + 1}
        onNext={() => step(1)}
        onPrevious={() => step(-1)}
      />
      {/* Nothing is marked until the whole call is searched: a mark with no count would say less than it seems. */}
      <TranscriptList turns={placed} shown={turns} earlier={earlier} query={whole ? query : ''} active={active} reveal={reveal} />
    </>
  );
}

/**
 * A turn's words as "Copy all" writes them, as the bubble shows them: a keypad answer and a silence are turns
 * like any other, never a blank after the speaker's name.
 */
function turnAsText(turn: ConversationTurn, t: Translate): string {
  const parts = [turn.text];
  if (turn.dtmf !== null) parts.push(`${t('PolyaiContextTurnKeypad')}: ${turn.dtmf}`);
  if (turn.silence) parts.push(t('PolyaiContextTurnSilence'));
  return parts.filter((part) => part !== '').join(' ');
}

/** The transcript call as the agent sees it: loading, the turns once loaded, or why it failed with a retry. */
function LoadedTranscript({ call, maskPatterns, sensitiveValues, known }: Omit<TurnsProps, 'turns'> & { call: ConversationCall; known: HandoffKnows }): JSX.Element {
  const t = useStrings();
  const { state, retry, retrying, lastTried } = call;
  const shareRecord = useContext(ConversationRecordContext);
  const loaded = state.status === 'loaded' ? state.conversation : null;
  useEffect(() => {
    if (loaded !== null) shareRecord?.(loaded);
  }, [shareRecord, loaded]);
  switch (state.status) {
    case 'loading':
      return <TranscriptLoading waiting={call === WAITING} />;
    case 'failed':
      return (
        <LoadFailure
          title={t('PolyaiContextTranscriptFailed')}
          code={state.httpStatus}
          message={state.message}
          onRetry={retry}
          retrying={retrying}
          lastTried={lastTried}
          testId="polyai-transcript"
        />
      );
    case 'missing':
      return (
        <Text as="p" color="colorTextWeak">
          {t('PolyaiContextTranscriptMissing')}
        </Text>
      );
    default:
      return (
        <>
          <ConversationFacts conversation={state.conversation} known={known} />
          {state.conversation.turns.length === 0 ? (
            <Text as="p" color="colorTextWeak">
              {t('PolyaiContextTranscriptEmpty')}
            </Text>
          ) : (
            <SearchableTranscript turns={state.conversation.turns} earlier={state.earlier} maskPatterns={maskPatterns} sensitiveValues={sensitiveValues} />
          )}
        </>
      );
  }
}

/** The call's transcript as its call stands (fetched by the container once the tab is opened, never before). */
export function TranscriptSection({ source, maskPatterns, sensitiveValues = NO_VALUES, known = KNOWS_NOTHING }: TranscriptSectionProps): JSX.Element {
  const t = useStrings();
  return (
    <Section id="transcript" title={t('PolyaiContextTranscriptHeading')}>
      {source.status !== 'unavailable' ? (
        <LoadedTranscript call={source.status === 'available' ? source.call : WAITING} maskPatterns={maskPatterns} sensitiveValues={sensitiveValues} known={known} />
      ) : (
        <Text as="p" color="colorTextWeak">
          {t(NOTES[source.reason])}
        </Text>
      )}
    </Section>
  );
}
