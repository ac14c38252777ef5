import React, { useEffect, useRef, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Input } from '@twilio-paste/core/input';
import { Text } from '@twilio-paste/core/text';
import { ChevronDownIcon } from '@twilio-paste/icons/esm/ChevronDownIcon';
import { ChevronUpIcon } from '@twilio-paste/icons/esm/ChevronUpIcon';
import { SearchIcon } from '@twilio-paste/icons/esm/SearchIcon';
import { useUID } from '@twilio-paste/core/uid-library';

import { useStrings } from '../../strings';

/** Typing waits this long before searching: one search per pause, not one per keystroke. */
export const SEARCH_DEBOUNCE_MS = 150;

interface TranscriptSearchProps {
  /** The query to search for, called after typing pauses (or at once on Enter). */
  onSearch: (query: string) => void;
  /** null while nothing is searched. */
  total: number | null;
  /** Said instead of the count while the search waits (for the whole call); null when it does not. */
  pending?: string | null;
  /** Called as letters are typed, before the pause: what the search will need can start loading at once. */
  onTyping?: () => void;
  current: number;
  onNext: () => void;
  onPrevious: () => void;
}

/**
 * The search box. It keeps what is typed to itself, so a keystroke re-renders the box alone; the
 * transcript hears about the query once typing pauses.
 */
export function TranscriptSearch({ onSearch, total, pending = null, onTyping, current, onNext, onPrevious }: TranscriptSearchProps): JSX.Element {
  const t = useStrings();
  const inputId = useUID();
  const [value, setValue] = useState('');
  const submitted = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const submit = (query: string) => {
    clearTimeout(timer.current);
    if (query === submitted.current) return false;
    submitted.current = query;
    onSearch(query);
    return true;
  };
  const onChange = (event: React.ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setValue(next);
    if (next.trim() !== '') onTyping?.();
    clearTimeout(timer.current);
    timer.current = setTimeout(() => submit(next), SEARCH_DEBOUNCE_MS);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    // A pending query is searched first; Enter then moves on from its first match.
    if (submit(value)) return;
    if (event.shiftKey) onPrevious();
    else onNext();
  };
  const count = pending !== null ? pending : total === null ? '' : total === 0 ? t('PolyaiContextNoMatches') : t('PolyaiContextMatchCount', { current, total });
  const noMatches = !total;
  return (
    <Box display="flex" alignItems="center" columnGap="space30" marginBottom="space30">
      <Box flexGrow={1}>
        <Input
          id={inputId}
          type="search"
          aria-label={t('PolyaiContextSearchLabel')}
          placeholder={t('PolyaiContextSearchPlaceholder')}
          value={value}
          onChange={onChange}
          onKeyDown={onKeyDown}
          insertBefore={<SearchIcon decorative />}
        />
      </Box>
      <Text as="span" role="status" aria-live="polite" color="colorTextWeak" fontSize="fontSize20" whiteSpace="nowrap">
        {count}
      </Text>
      <Button variant="secondary_icon" size="icon_small" onClick={onPrevious} disabled={noMatches} aria-label={t('PolyaiContextPreviousMatch')}>
        <ChevronUpIcon decorative />
      </Button>
      <Button variant="secondary_icon" size="icon_small" onClick={onNext} disabled={noMatches} aria-label={t('PolyaiContextNextMatch')}>
        <ChevronDownIcon decorative />
      </Button>
    </Box>
  );
}
