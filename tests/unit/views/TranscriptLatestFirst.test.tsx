/**
 * A long call's transcript, latest turns first: the tab asks the Function for the latest turns when it opens (one
 * request), and for the whole call only when the agent needs what was left out ("show earlier", a search, "Copy
 * all"), once. The Function's side is served here as the Function serves it (the model's `conversationAnswer`);
 * an older Function, which answers every request whole, is read as the whole call.
 */
import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

import { ConversationTranscript, type TranscriptAccess } from '../../../src/flex/container/ConversationTranscript';
import { HandoffContextView } from '../../../src/views/HandoffContextView/HandoffContextView';
import { TAIL_TURNS } from '../../../src/views/Transcript/TranscriptList';
import { fetchConversation } from '../../../src/functionCalls/conversationClient';
import { compileMaskPatterns, conversationAnswer, DEFAULT_MASK_PATTERNS, parseConversation, parseHandoffContext } from '@polyai-context/model';
import { jsonResponse } from '../../support/fetch';
import { fakeClipboard, renderWithPaste } from '../../support/render';
import { searchTranscript } from '../../support/transcriptSearch';

const maskPatterns = compileMaskPatterns(DEFAULT_MASK_PATTERNS);
const clipboard = fakeClipboard();
/** Said by the last caller's turn, and masked wherever a turn says it. */
const SECRET = '4111111111111111';

/** A call of `count` PolyAI turns, a caller's and an agent's row each: 2 × count rows. */
function call(count: number) {
  return {
    conversationId: 'CA1',
    turns: Array.from({ length: count }, (_, index) => ({
      user_input: index === count - 1 ? `my card is ${SECRET}` : index === 3 ? 'turn 3 mentions the refund' : `caller ${index}`,
      agent_response: `agent ${index}`,
    })),
  };
}

type Answer = { status: number; body: unknown } | 'hang';

/**
 * The Function as the tab reaches it: each request answered as `polyai-conversation` answers it (or as `answers`
 * says, in turn), held until released when told to. Returns the requests sent and a way to release them.
 */
function functionFor(body: unknown, { older = false, answers = [] as Answer[] } = {}) {
  const sent: Array<Record<string, unknown>> = [];
  const held: Array<() => void> = [];
  let holding = false;
  const fetchImpl = jest.fn(async (_url: string, init: RequestInit) => {
    const request = JSON.parse(init.body as string) as Record<string, unknown>;
    sent.push(request);
    const scripted = answers.shift();
    if (holding) await new Promise<void>((resolve) => held.push(resolve));
    if (scripted && scripted !== 'hang') return jsonResponse(scripted.status, scripted.body);
    // An older Function knows no `turns`: it answers every request whole.
    return jsonResponse(200, conversationAnswer(body, !older && request.turns === 'latest'));
  });
  const loaders = (latest: boolean) => (signal: AbortSignal) =>
    fetchConversation({ functionsBaseUrl: 'https://fn.twil.io', token: 't', taskSid: 'WT1', conversationId: 'CA1', signal, latest, fetchImpl: fetchImpl as unknown as typeof fetch });
  const source: TranscriptAccess = { status: 'available', load: loaders(true), loadWhole: loaders(false) };
  return {
    source,
    sent,
    hold: () => (holding = true),
    release: () => {
      holding = false;
      held.splice(0).forEach((resolve) => resolve());
    },
  };
}

const transcript = (source: TranscriptAccess) => <ConversationTranscript source={source} maskPatterns={maskPatterns} sensitiveValues={[SECRET]} />;
const rows = () => within(screen.getByRole('log')).queryAllByRole('listitem');
const searchStatus = () => within(screen.getByTestId('polyai-section-transcript')).getAllByRole('status')[0];
/**
 * Presses "Copy all" inside `act`: the copy waits for the whole call, which arrives through the tab's effects;
 * outside `act`, after an earlier test's fake timers, jsdom's React left those effects unflushed.
 */
const copyAll = () => act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Copy all' })));
const wholeAsked = (sent: Array<Record<string, unknown>>) => sent.filter((request) => request.turns === undefined);

/** Lets pending promise callbacks run (the fetch starts a few awaits after the state that asks for it). */
const flushPromises = async () => {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
};

const TURNS = 1_000;
const ROWS = 2 * TURNS;

describe('a long call\'s transcript, latest turns first', () => {
  it('asks for the latest turns once when opened, and shows the last rows with the count of every earlier one', async () => {
    const fn = functionFor(call(TURNS));
    renderWithPaste(transcript(fn.source));
    await waitFor(() => expect(rows().length).toBe(TAIL_TURNS));
    expect(fn.sent).toEqual([{ Token: 't', taskSid: 'WT1', conversationId: 'CA1', turns: 'latest' }]);
    expect(rows()[TAIL_TURNS - 1]).toHaveTextContent(`agent ${TURNS - 1}`);
    // Counted from the whole call, not from the latest turns the tab holds.
    expect(screen.getByRole('button', { name: `Show the ${ROWS - TAIL_TURNS} earlier turns, from the start of the call` })).toBeInTheDocument();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(fn.sent).toHaveLength(1);
  });

  it('"show earlier" fetches the whole call once, says it is loading, then shows it from the start', async () => {
    const fn = functionFor(call(TURNS));
    renderWithPaste(transcript(fn.source));
    const earlier = await screen.findByRole('button', { name: /earlier turns/ });
    fn.hold();
    fireEvent.click(earlier);
    expect(await screen.findByText('Loading the whole call…')).toBeInTheDocument();
    expect(wholeAsked(fn.sent)).toEqual([{ Token: 't', taskSid: 'WT1', conversationId: 'CA1' }]);
    fn.release();
    await waitFor(() => expect(rows()[0]).toHaveTextContent('caller 0'));
    expect(screen.queryByText('Loading the whole call…')).not.toBeInTheDocument();
    // Searching the whole call asks nothing more.
    searchTranscript('refund');
    expect(searchStatus()).toHaveTextContent('1 of 1');
    expect(fn.sent).toHaveLength(2);
  });

  it('a search waits for the whole call, saying so, and finds what only the earlier turns say; the query stays', async () => {
    const fn = functionFor(call(TURNS));
    renderWithPaste(transcript(fn.source));
    await waitFor(() => expect(rows().length).toBe(TAIL_TURNS));
    fn.hold();
    // Said by rows on screen too (every caller's row but two): none is marked, nor counted, until the whole call is searched.
    searchTranscript('caller');
    expect(searchStatus()).toHaveTextContent('Loading the whole call to search it…');
    expect(document.querySelector('mark')).toBeNull();
    await waitFor(() => expect(wholeAsked(fn.sent)).toHaveLength(1));
    fn.release();
    await waitFor(() => expect(searchStatus()).toHaveTextContent(`1 of ${TURNS - 2}`));
    expect(screen.getByRole('searchbox', { name: 'Search the transcript' })).toHaveValue('caller');
    // Typing more searches the call already here: what only an early turn says is found.
    searchTranscript('refund');
    expect(searchStatus()).toHaveTextContent('1 of 1');
    expect(document.querySelector('mark')?.textContent).toBe('refund');
    expect(wholeAsked(fn.sent)).toHaveLength(1);
  });

  it('starts fetching the whole call at the first letter typed, before the search\'s pause has passed', async () => {
    const fn = functionFor(call(TURNS));
    renderWithPaste(transcript(fn.source));
    await waitFor(() => expect(rows().length).toBe(TAIL_TURNS));
    const box = screen.getByRole('searchbox', { name: 'Search the transcript' });
    // jest's clock holds the search's pause: only the letters themselves can have asked.
    jest.useFakeTimers();
    try {
      // Spaces search nothing, so they fetch nothing.
      fireEvent.change(box, { target: { value: '  ' } });
      await act(flushPromises);
      expect(wholeAsked(fn.sent)).toHaveLength(0);
      fireEvent.change(box, { target: { value: 'r' } });
      await act(flushPromises);
      expect(wholeAsked(fn.sent)).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
    fireEvent.change(box, { target: { value: 're' } });
    searchTranscript('refund');
    await waitFor(() => expect(searchStatus()).toHaveTextContent('1 of 1'));
    expect(wholeAsked(fn.sent)).toHaveLength(1);
  });

  it('a message revealed among the latest turns stays revealed when the whole call arrives', async () => {
    const fn = functionFor(call(TURNS));
    renderWithPaste(transcript(fn.source));
    await waitFor(() => expect(rows().length).toBe(TAIL_TURNS));
    const last = () => rows()[TAIL_TURNS - 2];
    expect(last()).toHaveTextContent('my card is ••••••••');
    fireEvent.click(within(last()).getByRole('button', { name: 'Show the hidden values in this message' }));
    expect(last()).toHaveTextContent(`my card is ${SECRET}`);
    // A search brings the whole call; the row keeps its place in it, and stays revealed.
    searchTranscript(`agent ${TURNS - 1}`);
    await waitFor(() => expect(searchStatus()).toHaveTextContent('1 of 1'));
    expect(wholeAsked(fn.sent)).toHaveLength(1);
    searchTranscript('');
    expect(last()).toHaveTextContent(`my card is ${SECRET}`);
    expect(within(last()).getByRole('button', { name: 'Hide the sensitive values in this message' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('a whole call that fails to load says so with "Try again", and the retry fetches it', async () => {
    const fn = functionFor(call(TURNS), { answers: [{ status: 200, body: conversationAnswer(call(TURNS), true) }, { status: 502, body: { error: { status: 502, message: 'PolyAI had a problem answering.' } } }] });
    renderWithPaste(transcript(fn.source));
    fireEvent.click(await screen.findByRole('button', { name: /earlier turns/ }));
    const failure = await screen.findByTestId('polyai-transcript-earlier');
    expect(failure).toHaveTextContent('The earlier turns could not be loaded.');
    // The latest turns stay on screen.
    expect(rows().length).toBe(TAIL_TURNS);
    searchTranscript('refund');
    expect(searchStatus()).toHaveTextContent('The whole call could not be loaded to search it');
    fireEvent.click(within(failure).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('caller 0'), { timeout: 5_000 });
    expect(wholeAsked(fn.sent)).toHaveLength(2);
    await waitFor(() => expect(searchStatus()).toHaveTextContent('1 of 1'));
  });

  it('an older Function that answers the whole call: read as complete, nothing more is asked', async () => {
    const fn = functionFor(call(TURNS), { older: true });
    renderWithPaste(transcript(fn.source));
    fireEvent.click(await screen.findByRole('button', { name: `Show the ${ROWS - TAIL_TURNS} earlier turns, from the start of the call` }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('caller 0'));
    searchTranscript('refund');
    expect(searchStatus()).toHaveTextContent('1 of 1');
    expect(fn.sent).toHaveLength(1);
    expect(screen.queryByText('Loading the whole call…')).not.toBeInTheDocument();
  });
});

describe('"Copy all" with only the latest turns loaded', () => {
  const context = parseHandoffContext({ polyai: { data: { summary: 'Charged twice' } } });
  const tab = (source: TranscriptAccess) => renderWithPaste(<HandoffContextView context={context} transcript={transcript(source)} />);
  const transcriptLines = (text: string) => text.split('\n').filter((line) => /^(Caller|PolyAI agent): /.test(line));

  it('copies the whole call, fetched once, never the latest turns alone', async () => {
    const fn = functionFor(call(TURNS));
    tab(fn.source);
    await waitFor(() => expect(rows().length).toBe(TAIL_TURNS));
    await copyAll();
    await waitFor(() => expect(clipboard).toHaveLength(1));
    const lines = transcriptLines(clipboard[0]);
    expect(lines).toHaveLength(ROWS);
    expect(lines[0]).toBe('Caller: caller 0');
    // Masked as shown.
    expect(lines[ROWS - 2]).toBe('Caller: my card is ••••••••');
    expect(wholeAsked(fn.sent)).toHaveLength(1);
    await copyAll();
    await waitFor(() => expect(clipboard).toHaveLength(2));
    expect(fn.sent).toHaveLength(2);
  });

  it('copies nothing, and says why, when the whole call cannot be loaded', async () => {
    const fn = functionFor(call(TURNS), { answers: [{ status: 200, body: conversationAnswer(call(TURNS), true) }, { status: 502, body: { error: { status: 502, message: 'PolyAI had a problem answering.' } } }] });
    tab(fn.source);
    await waitFor(() => expect(rows().length).toBe(TAIL_TURNS));
    await copyAll();
    expect(await screen.findByText('Not copied: the whole transcript could not be loaded')).toBeInTheDocument();
    expect(clipboard).toEqual([]);
    expect(screen.getByTestId('polyai-transcript-earlier')).toHaveTextContent('The earlier turns could not be loaded.');
  });

  it('copies at once, asking nothing, when the first answer was the whole call', async () => {
    const fn = functionFor(call(20));
    tab(fn.source);
    await waitFor(() => expect(rows().length).toBe(TAIL_TURNS));
    await copyAll();
    await waitFor(() => expect(clipboard).toHaveLength(1));
    expect(transcriptLines(clipboard[0])).toHaveLength(40);
    expect(fn.sent).toHaveLength(1);
    expect(parseConversation(call(20)).turns.length).toBe(40);
  });
});
