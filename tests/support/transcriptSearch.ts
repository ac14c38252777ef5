import { act, fireEvent, screen } from '@testing-library/react';

import { SEARCH_DEBOUNCE_MS } from '../../src/views/Transcript/TranscriptSearch';

/**
 * Types a query into the transcript's search and lets the search's pause pass on jest's clock, so the search has
 * run when this returns: no real timer, and no wait that a busy machine can outlast.
 */
export function searchTranscript(query: string): void {
  jest.useFakeTimers();
  try {
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search the transcript' }), { target: { value: query } });
    act(() => {
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
  } finally {
    jest.useRealTimers();
  }
}
