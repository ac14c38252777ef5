import React, { useCallback, useMemo, useState } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { SkeletonLoader } from '@twilio-paste/core/skeleton-loader';
import { Spinner } from '@twilio-paste/core/spinner';
import { Text } from '@twilio-paste/core/text';

import { ConversationFacts, type HandoffKnows } from './ConversationFacts';
import { TranscriptList } from './TranscriptList';
import { TranscriptSearch } from './TranscriptSearch';
import { findMatches, searchableTexts } from './searchTranscript';
import { useConversation, type ConversationLoader } from './useConversation';
import { Section } from '../common/Section';
import type { ConversationTurn } from '../../model';
import { useStrings, type StringKey } from '../../strings';

/** Why there is no transcript to load: said as a note, not as an error. */
export type TranscriptUnavailable = 'not-configured' | 'no-id';

interface TranscriptSectionProps {
  /** null when the transcript cannot be loaded; `unavailable` says why. */
  load: ConversationLoader | null;
  unavailable: TranscriptUnavailable | null;
  maskPatterns: readonly RegExp[];
  /** What the handoff data already says; the conversation fills the rest. Defaults to nothing. */
  known?: HandoffKnows;
}

const KNOWS_NOTHING: HandoffKnows = { summary: false, reason: false, destination: false, id: null };

const NOTES: Record<TranscriptUnavailable, StringKey> = {
  'not-configured': 'PolyaiContextTranscriptNotConfigured',
  'no-id': 'PolyaiContextTranscriptNoId',
};

/** Turns plus search: the query and the current match live here, the typing in the search box. */
function SearchableTranscript({ turns, maskPatterns }: { turns: readonly ConversationTurn[]; maskPatterns: readonly RegExp[] }): JSX.Element {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const texts = useMemo(() => searchableTexts(turns.map((turn) => turn.text)), [turns]);
  const matches = useMemo(() => findMatches(texts, query), [texts, query]);
  const onSearch = useCallback((next: string) => {
    setQuery(next);
    setCurrent(0);
  }, []);
  const step = (by: number) => setCurrent((index) => (matches.length === 0 ? 0 : (index + by + matches.length) % matches.length));
  const active = matches.length > 0 ? matches[Math.min(current, matches.length - 1)] : null;
  return (
    <>
      <TranscriptSearch
        onSearch={onSearch}
        total={query.trim() === '' ? null : matches.length}
        current={Math.min(current, matches.length - 1) + 1}
        onNext={() => step(1)}
        onPrevious={() => step(-1)}
      />
      <TranscriptList turns={turns} query={query} active={active} maskPatterns={maskPatterns} />
    </>
  );
}

function LoadedTranscript({ load, maskPatterns, known }: { load: ConversationLoader; maskPatterns: readonly RegExp[]; known: HandoffKnows }): JSX.Element {
  const t = useStrings();
  const { state, retry } = useConversation(load);
  switch (state.status) {
    case 'loading':
      return (
        <Box display="flex" flexDirection="column" rowGap="space30" aria-busy="true">
          <Box display="flex" alignItems="center" columnGap="space30">
            <Spinner decorative size="sizeIcon20" />
            <Text as="span" color="colorTextWeak">
              {t('PolyaiContextTranscriptLoading')}
            </Text>
          </Box>
          <SkeletonLoader height="sizeIcon70" />
          <SkeletonLoader height="sizeIcon70" />
        </Box>
      );
    case 'failed':
      return (
        <Alert variant="error">
          <Text as="p" fontWeight="fontWeightSemibold">
            {t('PolyaiContextTranscriptFailed')}
          </Text>
          <Text as="p" color="colorTextWeak" marginBottom="space30">
            {t('PolyaiContextUnavailableReason', { message: state.message })}
          </Text>
          <Button variant="secondary" size="small" onClick={retry}>
            {t('PolyaiContextRetry')}
          </Button>
        </Alert>
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
            <SearchableTranscript turns={state.conversation.turns} maskPatterns={maskPatterns} />
          )}
        </>
      );
  }
}

/** The call's transcript, fetched when this section first mounts (the tab is opened), never before. */
export function TranscriptSection({ load, unavailable, maskPatterns, known = KNOWS_NOTHING }: TranscriptSectionProps): JSX.Element {
  const t = useStrings();
  return (
    <Section id="transcript" title={t('PolyaiContextTranscriptHeading')}>
      {load ? (
        <LoadedTranscript load={load} maskPatterns={maskPatterns} known={known} />
      ) : (
        <Text as="p" color="colorTextWeak">
          {t(NOTES[unavailable ?? 'not-configured'])}
        </Text>
      )}
    </Section>
  );
}
