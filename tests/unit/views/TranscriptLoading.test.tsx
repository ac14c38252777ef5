/**
 * The transcript's loading placeholder in a tab built before the agent opens it: still (its spinner's and
 * skeletons' animations held) while the tab waits, and through the load's first moments; moving once the load
 * has run a while. Read from the styles the page applies to the animated elements.
 */
import React, { useState } from 'react';
import { act, screen } from '@testing-library/react';

import { TranscriptSection, type TranscriptSource } from '../../../src/views/Transcript/TranscriptSection';
import { PLACEHOLDER_STILL_MS } from '../../../src/views/Transcript/TranscriptLoading';
import type { ConversationCall } from '../../../src/views/Transcript/conversationCall';
import { compileMaskPatterns, DEFAULT_MASK_PATTERNS } from '@polyai-context/model';
import { renderWithPaste } from '../../support/render';

const maskPatterns = compileMaskPatterns(DEFAULT_MASK_PATTERNS);
const LOADING: ConversationCall = { state: { status: 'loading' }, retry: () => undefined, retrying: false, lastTried: null };

function placeholder(): Element {
  const found = screen.getByText('Loading the transcript…').closest('[aria-busy="true"]');
  if (!found) throw new Error('no loading placeholder');
  return found;
}

/** Paste's skeletons, as jsdom reads their styles (it does not read the spinner's `animation` shorthand). */
const skeletons = () => Array.from(placeholder().querySelectorAll('*')).filter((element) => !/^(none)?$/.test(getComputedStyle(element).animationName));
/** Whether each element of the placeholder has its animations held. */
const held = () => Array.from(placeholder().querySelectorAll('*'), (element) => getComputedStyle(element).animationPlayState === 'paused');

/** The section as the container gives it: waiting for the tab to be opened, then loading once it is. */
function renderWaiting(): () => void {
  let open = (): void => undefined;
  function Opened(): JSX.Element {
    const [source, setSource] = useState<TranscriptSource>({ status: 'waiting' });
    open = () => setSource({ status: 'available', call: LOADING });
    return <TranscriptSection source={source} maskPatterns={maskPatterns} />;
  }
  renderWithPaste(<Opened />);
  return () => act(() => open());
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('the transcript loading placeholder', () => {
  it('holds its animations while the tab waits to be opened, however long', () => {
    renderWaiting();
    expect(skeletons()).toHaveLength(2);
    expect(held().length).toBeGreaterThanOrEqual(5);
    expect(held().every(Boolean)).toBe(true);
    act(() => void jest.advanceTimersByTime(60_000));
    expect(held().every(Boolean)).toBe(true);
  });

  it('moves once the load has run a moment after the opening, still until then', () => {
    const open = renderWaiting();
    act(() => void jest.advanceTimersByTime(60_000));
    open();
    act(() => void jest.advanceTimersByTime(PLACEHOLDER_STILL_MS - 1));
    expect(held().every(Boolean)).toBe(true);
    act(() => void jest.advanceTimersByTime(1));
    expect(skeletons()).toHaveLength(2);
    expect(held().some(Boolean)).toBe(false);
  });
});
