import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

import { ScrollAreaContext } from '../../../src/views/common/scrollArea';
import { TAIL_TURNS } from '../../../src/views/Transcript/TranscriptList';
// The transcript with its call, as the tab's container renders it.
import { ConversationTranscript as TranscriptSection, type ConversationLoader } from '../../../src/flex/container/ConversationTranscript';
import { compileMaskPatterns, DEFAULT_MASK_PATTERNS } from '@polyai-context/model';
import { fetchConversation } from '../../../src/functionCalls/conversationClient';
import { LocaleContext, STRING_TABLES, StringsContext } from '../../../src/strings';
import { fixture } from '../../support/fixtures';
import { hangingFetch, jsonResponse, mockFetch } from '../../support/fetch';
import { renderWithPaste } from '../../support/render';
import { localTime } from '../../support/agentTimeZone';
import { searchTranscript } from '../../support/transcriptSearch';
import { wholeCall } from '../../support/transcriptSource';

const maskPatterns = compileMaskPatterns(DEFAULT_MASK_PATTERNS);

function loaderFor(fetchImpl: jest.Mock): ConversationLoader {
  return (signal) => fetchConversation({ functionsBaseUrl: 'https://fn.twil.io', token: 'flex-token', taskSid: 'WT1', conversationId: 'CA1', signal, fetchImpl });
}

/**
 * The tab's scroll area, as the view gives it: jsdom lays nothing out, so this one says it has room to scroll,
 * and scrolling it sets its offset and says so, as a browser would.
 */
function scrollArea(): HTMLElement {
  const element = document.createElement('div');
  let scrollTop = 0;
  Object.defineProperty(element, 'scrollTop', { get: () => scrollTop });
  Object.defineProperty(element, 'scrollHeight', { value: 10_000_000 });
  element.scrollTo = ((options: ScrollToOptions) => {
    scrollTop = options.top ?? 0;
    setTimeout(() => element.dispatchEvent(new Event('scroll')));
  }) as typeof element.scrollTo;
  return element;
}

function renderTranscript(load: ConversationLoader | null, language: 'en-US' | 'es-ES' = 'en-US', area: HTMLElement | null = null) {
  return renderWithPaste(
    <StringsContext.Provider value={STRING_TABLES[language]}>
      <LocaleContext.Provider value={language}>
        <ScrollAreaContext.Provider value={area}>
          <TranscriptSection source={load ? { status: 'available', ...wholeCall(load) } : { status: 'unavailable', reason: 'not-configured' }} maskPatterns={maskPatterns} />
        </ScrollAreaContext.Provider>
      </LocaleContext.Provider>
    </StringsContext.Provider>,
  );
}

const transcript = () => screen.getByTestId('polyai-section-transcript');
const messages = () => within(screen.getByRole('log')).queryAllByRole('listitem');
const search = () => screen.getByRole('searchbox', { name: 'Search the transcript' });

/**
 * How long a step of these tests may take on a busy machine before it counts as stuck. The tests wait for what
 * the agent sees, never for a time: with a CPU hog beside the suite, loading and searching 10,000 turns took
 * longer than Testing Library's default 1 s and jest's default 5 s.
 */
const STUCK_MS = 30_000;

/** Types a query, lets the search run (tests/support/transcriptSearch) and checks its count. */
function searchFor(query: string, count: string) {
  searchTranscript(query);
  expect(within(transcript()).getByRole('status')).toHaveTextContent(count);
}

function longConversation(turns: number) {
  return {
    conversationId: 'CA1',
    accountId: 'ws-acme',
    projectId: 'PROJECT-acme',
    turns: Array.from({ length: turns }, (_, index) => ({
      [index % 2 ? 'user_input_datetime' : 'agent_response_datetime']: new Date(Date.UTC(2026, 10, 20, 9) + index * 1000).toISOString(),
      [index % 2 ? 'user_input' : 'agent_response']: index === 9000 ? `turn ${index} mentions the refund` : `turn ${index} says hello`,
    })),
  };
}

/** A published ConversationTurn with PolyAI's empty values, overridden by `turn`. */
function publishedTurn(turn: Record<string, unknown>) {
  return {
    user_input: '',
    user_input_dtmf: '',
    user_input_datetime: '2026-11-20T09:14:02Z',
    agent_response: '',
    agent_response_datetime: '2026-11-20T09:14:03Z',
    translated_user_input: '',
    english_agent_response: '',
    intents: [],
    entities: [],
    is_ood: false,
    is_silence: false,
    ...turn,
  };
}

function renderWithKnown(body: unknown, known: { summary: boolean; reason: boolean; destination: boolean; id: string | null }) {
  return renderWithPaste(
    <TranscriptSection source={{ status: 'available', ...wholeCall(loaderFor(mockFetch(jsonResponse(200, { conversation: body })))) }} maskPatterns={maskPatterns} known={known} />,
  );
}

describe('transcript', () => {
  it('says plainly when the transcript is not configured, without fetching', () => {
    renderTranscript(null);
    expect(transcript()).toHaveTextContent('The transcript is not configured: an admin can set functions_base_url to show it here.');
    expect(within(transcript()).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('loads when it mounts and shows turns with speaker, time and badges', async () => {
    const fetchImpl = mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') }));
    renderTranscript(loaderFor(fetchImpl));
    expect(screen.getByText('Loading the transcript…')).toBeInTheDocument();
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(messages().length).toBeGreaterThan(0));
    const [greeting, caller] = messages();
    expect(greeting).toHaveTextContent('Thanks for calling Acme. How can I help today?');
    // In the agent's zone, whatever its offset (tests/unit/rules/timeZones.rules.test.tsx pins named zones).
    expect(greeting).toHaveTextContent(`PolyAI agent · ${localTime('2026-11-20T09:14:03Z')}`);
    expect(caller).toHaveTextContent(`Caller · ${localTime('2026-11-20T09:14:09Z')}`);
    // Intents labelled as the Handoff section labels them.
    expect(within(caller).getByText('Dispute charge')).toBeInTheDocument();
    expect(caller).not.toHaveTextContent('dispute_charge');
    // Entities matching a masking pattern (dob) are masked; others are shown.
    const identity = messages()[3];
    expect(within(identity).getByText('DOB: ••••••••')).toBeInTheDocument();
    expect(within(identity).getByText('Postcode: SW1A 1AA')).toBeInTheDocument();
    expect(identity).not.toHaveTextContent('1988');
  });

  it('shows every published turn time, entity lists, and marks the silence instead of a blank bubble', async () => {
    const rect = jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ height: 10 } as DOMRect);
    try {
      renderTranscript(loaderFor(mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') }))));
      await waitFor(() => expect(messages()).toHaveLength(9));
    } finally {
      rect.mockRestore();
    }
    const times = ['09:14:03', '09:14:09', '09:14:12', '09:14:25', '09:14:31', '09:14:38', '09:14:39', '09:14:44', '09:14:50'].map((time) => Date.parse(`2026-11-20T${time}Z`));
    const shown = times.map((time) => new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' }).format(new Date(time)));
    messages().forEach((message, index) => expect(message).toHaveTextContent(shown[index]));
    const silence = messages()[5];
    // A silence shows like any other turn: its marker in the bubble, then who and when, not a label left alone.
    expect(silence.querySelector('[data-paste-element="CHAT_BUBBLE"]')).toHaveTextContent(/^No reply \(silence\)$/);
    expect(silence).toHaveTextContent(new RegExp(`^No reply \\(silence\\)Caller · ${shown[5]}$`));
    expect(messages()[6].querySelector('[data-paste-element="CHAT_BUBBLE"]')).toHaveTextContent('Are you still there?');
    // Badges label and format as the captured fields do: the key's label, the date in the agent's locale.
    expect(within(messages()[7]).getByText('Merchant: Streamly, Streamly Premium')).toBeInTheDocument();
    expect(within(messages()[7]).getByText('Charge Amount: 42.50')).toBeInTheDocument();
    expect(within(messages()[7]).getByText('Charge Date: Nov 14, 2026')).toBeInTheDocument();
  });

  it('shows DTMF as keypad digits, translations with the original, and out-of-domain turns', async () => {
    renderTranscript(
      loaderFor(
        mockFetch(
          jsonResponse(200, {
            conversation: {
              conversationId: 'CA1',
              accountId: 'ws-a',
              projectId: 'PROJECT-a',
              turns: [
                publishedTurn({ user_input_dtmf: '4921#' }),
                publishedTurn({ user_input: 'quiero un reembolso', translated_user_input: 'I want a refund', agent_response: 'Claro', english_agent_response: 'Of course' }),
                publishedTurn({ user_input: 'what is the weather', is_ood: true }),
              ],
            },
          }),
        ),
      ),
    );
    await waitFor(() => expect(messages()).toHaveLength(4));
    const [keys, spanish, agent, offTopic] = messages();
    const keypad = within(keys).getByRole('group', { name: 'Keys pressed: 4 9 2 1 #' });
    expect(Array.from(keypad.querySelectorAll('kbd')).map((key) => key.textContent)).toEqual(['4', '9', '2', '1', '#']);
    expect(spanish).toHaveTextContent('quiero un reembolso');
    expect(spanish).toHaveTextContent('Translation: I want a refund');
    expect(agent).toHaveTextContent('Claro');
    expect(agent).toHaveTextContent('Translation: Of course');
    expect(within(offTopic).getByText('Outside what PolyAI handles')).toBeInTheDocument();
    expect(offTopic).toHaveTextContent('what is the weather');
  });

  it('fills what the handoff data lacks from the conversation, labelled as such, and says when it is in progress', async () => {
    const body = { ...(fixture('conversation.json') as object), inProgress: true };
    renderWithKnown(body, { summary: false, reason: true, destination: false, id: null });
    const facts = await screen.findByTestId('polyai-conversation-facts');
    expect(facts).toHaveTextContent('From the PolyAI conversation');
    expect(facts).toHaveTextContent("Not in the handoff data: taken from PolyAI's conversation record.");
    expect(facts).toHaveTextContent('SummaryDuplicate subscription charge, wants refund');
    expect(facts).toHaveTextContent('Destinationbilling');
    // The handoff data named no id (e.g. flat attributes): the conversation's is shown.
    expect(facts).toHaveTextContent('Conversation IDCA5f1d2c3b4a5968778695a4b3c2d1e0f9');
    // The handoff data has a reason: the conversation's is not repeated.
    expect(facts).not.toHaveTextContent('Reason');
    expect(facts).toHaveTextContent('PolyAI still shows this conversation as in progress');
  });

  it('adds nothing when the handoff data already has it all', async () => {
    renderWithKnown(fixture('conversation.json'), { summary: true, reason: true, destination: true, id: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' });
    await waitFor(() => expect(messages().length).toBeGreaterThan(0));
    expect(screen.queryByTestId('polyai-conversation-facts')).not.toBeInTheDocument();
  });

  it('shows the empty state', async () => {
    renderTranscript(loaderFor(mockFetch(jsonResponse(200, { conversation: { turns: [] } }))));
    expect(await screen.findByText('The transcript has no turns.')).toBeInTheDocument();
  });

  it('says PolyAI has no transcript for an unknown conversation, without offering a retry', async () => {
    renderTranscript(loaderFor(mockFetch(jsonResponse(404, { error: { status: 404, message: 'No conversation found' } }))));
    expect(await screen.findByText('PolyAI has no transcript for this call.')).toBeInTheDocument();
    expect(screen.queryByText('The transcript could not be loaded.')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('shows a failure with the reason and retries', async () => {
    const fetchImpl = mockFetch(jsonResponse(502, { error: { status: 502, message: 'PolyAI did not answer' } }), jsonResponse(200, { conversation: fixture('conversation.json') }));
    renderTranscript(loaderFor(fetchImpl));
    expect(await screen.findByText('The transcript could not be loaded.')).toBeInTheDocument();
    expect(transcript()).toHaveTextContent('Reason: PolyAI had a problem answering.');
    expect(transcript()).toHaveTextContent('HTTP 502: PolyAI did not answer');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(messages().length).toBeGreaterThan(0));
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('aborts the request when the tab unmounts, with no state update or uncaught promise', async () => {
    const fetchImpl = hangingFetch();
    const consoleError = jest.spyOn(console, 'error');
    const { unmount } = renderTranscript(loaderFor(fetchImpl));
    const signal = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].signal!;
    expect(signal.aborted).toBe(false);
    unmount();
    expect(signal.aborted).toBe(true);
    await act(async () => undefined);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('places each row by its measured height once shown', async () => {
    const measured = { height: 50, width: 300, top: 0, left: 0, right: 300, bottom: 50, x: 0, y: 0, toJSON: () => ({}) } as DOMRect;
    const rect = jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(measured);
    try {
      renderTranscript(loaderFor(mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') }))));
      await waitFor(() => expect(messages().length).toBeGreaterThan(2));
      const rows = Array.from(screen.getByRole('list').children) as HTMLElement[];
      // 50 px measured (the gap between messages is inside each row), instead of the text-length estimate.
      expect(rows.slice(0, 3).map((row) => row.style.top)).toEqual(['0px', '50px', '100px']);
    } finally {
      rect.mockRestore();
    }
  });

  it('speaks the agent language', async () => {
    renderTranscript(loaderFor(mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') }))), 'es-ES');
    await waitFor(() => expect(messages().length).toBeGreaterThan(0));
    expect(screen.getByRole('heading', { name: 'Transcripción' })).toBeInTheDocument();
    expect(messages()[0]).toHaveTextContent(/Agente de PolyAI · /);
    expect(screen.getByRole('searchbox', { name: 'Buscar en la transcripción' })).toBeInTheDocument();
  });
});

describe('transcript search', () => {
  async function renderLoaded(body: unknown) {
    renderTranscript(loaderFor(mockFetch(jsonResponse(200, { conversation: body }))));
    await waitFor(() => expect(messages().length).toBeGreaterThan(0), { timeout: STUCK_MS });
  }

  const marks = () => Array.from(screen.getByRole('log').querySelectorAll('mark'));
  const activeMark = () => screen.getByRole('log').querySelector('mark[aria-current="true"]');

  it('highlights matches as text, counts them and steps with Enter, Shift+Enter and the buttons', async () => {
    await renderLoaded(fixture('conversation.json'));
    searchFor('twice', '1 of 2');
    expect(marks().map((mark) => mark.textContent)).toEqual(['twice', 'twice']);
    expect(activeMark()?.closest('[role="listitem"]')).toHaveTextContent('I was charged twice');

    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(within(transcript()).getByRole('status')).toHaveTextContent('2 of 2');
    expect(activeMark()?.closest('[role="listitem"]')).toHaveTextContent("it's there twice");
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(within(transcript()).getByRole('status')).toHaveTextContent('1 of 2');
    fireEvent.keyDown(search(), { key: 'Enter', shiftKey: true });
    expect(within(transcript()).getByRole('status')).toHaveTextContent('2 of 2');
    fireEvent.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(within(transcript()).getByRole('status')).toHaveTextContent('1 of 2');
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(within(transcript()).getByRole('status')).toHaveTextContent('2 of 2');
  }, 2 * STUCK_MS);

  it('says when nothing matches and treats markup in the query as text', async () => {
    await renderLoaded({ turns: [{ user_input: 'a <b>bold</b> claim' }] });
    searchFor('<b>', '1 of 1');
    expect(marks()[0].textContent).toBe('<b>');
    expect(screen.getByRole('log').querySelector('b')).toBeNull();
    searchFor('zebra', 'No matches');
    expect(screen.getByRole('button', { name: 'Next match' })).toBeDisabled();
  }, 2 * STUCK_MS);

  it('opens a 10,000-turn call at its last turns, renders a window of it and scrolls to a far match', async () => {
    renderTranscript(loaderFor(mockFetch(jsonResponse(200, { conversation: longConversation(10_000) }))), 'en-US', scrollArea());
    await waitFor(() => expect(messages().length).toBeGreaterThan(0), { timeout: STUCK_MS });
    // The turns that led to the handoff, in reading order, and a way back to the start.
    expect(messages()).toHaveLength(TAIL_TURNS);
    expect(messages()[0]).toHaveTextContent('turn 9990 says hello');
    expect(messages()[TAIL_TURNS - 1]).toHaveTextContent('turn 9999 says hello');
    expect(screen.getByRole('button', { name: 'Show the 9990 earlier turns, from the start of the call' })).toBeInTheDocument();
    // A match in an earlier turn shows the whole call, a window of it around the match.
    searchFor('refund', '1 of 1');
    await waitFor(() => expect(activeMark()?.closest('[role="listitem"]')).toHaveTextContent('turn 9000 mentions the refund'), { timeout: STUCK_MS });
    expect(messages().length).toBeLessThan(40);
    expect(screen.queryByRole('button', { name: /earlier turns/ })).not.toBeInTheDocument();
  }, 3 * STUCK_MS);

  it('goes back to the start of the call in the same scroll area, keyboard focus on the transcript', async () => {
    const area = scrollArea();
    renderTranscript(loaderFor(mockFetch(jsonResponse(200, { conversation: longConversation(TAIL_TURNS + 1) }))), 'en-US', area);
    await waitFor(() => expect(messages()).toHaveLength(TAIL_TURNS), { timeout: STUCK_MS });
    expect(messages()[0]).toHaveTextContent('turn 1 says hello');
    // No box of its own: the transcript scrolls with the tab.
    expect(screen.getByRole('log')).not.toHaveStyle({ overflow: 'auto' });
    expect(screen.getByRole('log').style.height).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 earlier turn, from the start of the call' }));
    expect(messages()).toHaveLength(TAIL_TURNS + 1);
    expect(messages()[0]).toHaveTextContent('turn 0 says hello');
    expect(screen.getByRole('log')).toHaveFocus();
    expect(area.scrollTop).toBe(0);
    expect(screen.queryByRole('button', { name: /earlier turn/ })).not.toBeInTheDocument();
  }, 2 * STUCK_MS);

  it('renders the rows in view as the tab scrolls, and only those', async () => {
    const area = scrollArea();
    renderTranscript(loaderFor(mockFetch(jsonResponse(200, { conversation: longConversation(1000) }))), 'en-US', area);
    await waitFor(() => expect(messages()).toHaveLength(TAIL_TURNS), { timeout: STUCK_MS });
    fireEvent.click(screen.getByRole('button', { name: 'Show the 990 earlier turns, from the start of the call' }));
    expect(messages()[0]).toHaveTextContent('turn 0 says hello');
    // Halfway down the call: rows are placed by their estimated height (jsdom measures none).
    const halfway = screen.getByRole('list').style.height;
    act(() => area.scrollTo({ top: parseInt(halfway, 10) / 2 }));
    await waitFor(() => expect(messages()[0]).not.toHaveTextContent('turn 0 says hello'), { timeout: STUCK_MS });
    const shown = messages().map((message) => Number(/turn (\d+)/.exec(message.textContent ?? '')?.[1]));
    expect(shown.length).toBeLessThan(40);
    expect(Math.min(...shown)).toBeGreaterThan(400);
    expect(Math.max(...shown)).toBeLessThan(600);
    expect(shown).toContain(500);
  }, 2 * STUCK_MS);

  it('shows a call of up to TAIL_TURNS turns whole, with no button', async () => {
    renderTranscript(loaderFor(mockFetch(jsonResponse(200, { conversation: longConversation(TAIL_TURNS) }))), 'en-US', scrollArea());
    await waitFor(() => expect(messages()).toHaveLength(TAIL_TURNS), { timeout: STUCK_MS });
    expect(messages()[0]).toHaveTextContent('turn 0 says hello');
    expect(screen.queryByRole('button', { name: /earlier turn/ })).not.toBeInTheDocument();
  }, 2 * STUCK_MS);

  it('searches once typing pauses, not on every keystroke', async () => {
    await renderLoaded(fixture('conversation.json'));
    jest.useFakeTimers();
    try {
      for (const partial of ['t', 'tw', 'twi', 'twic']) fireEvent.change(search(), { target: { value: partial } });
      expect(marks()).toHaveLength(0);
      act(() => {
        jest.advanceTimersByTime(200);
      });
      expect(marks().map((mark) => mark.textContent)).toEqual(['twic', 'twic']);
    } finally {
      jest.useRealTimers();
    }
  }, 2 * STUCK_MS);
});
