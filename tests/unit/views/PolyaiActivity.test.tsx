/**
 * What PolyAI already did (the functions the assistant ran, tags, note, PolyScore) and the call's times at a
 * glance: from PolyAI's conversation record, loaded once by the transcript, and from Flex's task.
 */
import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as Flex from '@twilio/flex-ui';

import { PolyaiContextTab } from '../../../src/flex/container/PolyaiContextTab';
import { DEFAULT_CONFIG } from '../../../src/config';
import { CallTimes, TICK_MS } from '../../../src/views/HandoffContextView/CallTimes';
import { PolyaiActivitySection, tagText } from '../../../src/views/HandoffContextView/sections/PolyaiActivitySection';
import { useToggleSet } from '../../../src/views/common/useToggleSet';
import { HandoffContextView } from '../../../src/views/HandoffContextView/HandoffContextView';
import { ConversationTranscript as TranscriptSection, type ConversationLoader } from '../../../src/flex/container/ConversationTranscript';
import { compileMaskPatterns, DEFAULT_MASK_PATTERNS, NO_LABELS, parseConversation, parseHandoffContext, type Conversation } from '@polyai-context/model';
import { labelsOf, SUPPORTED_LANGUAGES, STRING_TABLES, type SupportedLanguage } from '../../../src/strings';
import { asTaskAttributes, fixture } from '../../support/fixtures';
import { installFetch, jsonResponse } from '../../support/fetch';
import { fakeClipboard, renderInLanguage, renderWithPaste } from '../../support/render';
import { wholeCall } from '../../support/transcriptSource';

const TaskContextProvider = (Flex as unknown as { TaskContextProvider: React.Provider<{ task?: unknown }> }).TaskContextProvider;
const FUNCTIONS = 'https://polyai-1234.twil.io';
const maskPatterns = compileMaskPatterns(DEFAULT_MASK_PATTERNS);
const sample = fixture('conversation.json') as Record<string, unknown>;
const REQUIRED = { conversationId: 'CA1', accountId: 'ws-acme', projectId: 'PROJECT-acme' };

function record(fields: Record<string, unknown>): Conversation {
  return parseConversation({ ...REQUIRED, ...fields });
}

/** The section as the view holds it: the reveal state kept outside, as HandoffContextView keeps it for "Copy all". */
function Activity({ conversation }: { conversation: Conversation }): JSX.Element {
  const [revealed, toggle] = useToggleSet<string>();
  return <PolyaiActivitySection conversation={conversation} maskPatterns={maskPatterns} revealed={revealed} onToggle={toggle} />;
}

function events(): HTMLElement[] {
  return screen.getAllByTestId('polyai-function-event');
}

describe('What PolyAI did', () => {
  it('lists the functions in order with their outcome, then tags, note and PolyScore', () => {
    renderInLanguage(<Activity conversation={parseConversation(sample)} />);
    const list = screen.getByRole('list', { name: 'Functions PolyAI ran' });
    expect(list.tagName).toBe('OL');
    // Times in the agent's clock (the test machine's time zone), as the transcript shows them.
    const at = (time: string) => new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' }).format(new Date(`2026-11-20T${time}Z`));
    expect(events().map((event) => event.textContent)).toEqual([
      `Verify IdentitySucceeded${at('09:14:27')}`,
      `Lookup ChargesSucceeded${at('09:14:33')}`,
      `Issue RefundFailed${at('09:14:47')}`,
    ]);
    const refund = events()[2].closest('li') as HTMLElement;
    expect(within(refund).getByText('refund_needs_agent_approval')).toBeInTheDocument();
    expect(within(refund).getByText('Arguments › Charge Amount')).toBeInTheDocument();
    expect(within(refund).getByText('42.50')).toBeInTheDocument();
    const section = screen.getByTestId('polyai-section-activity');
    expect(within(section).getByText('Duplicate charge')).toBeInTheDocument();
    expect(within(section).getByText('Caller asked for the refund to go back to the same card.')).toBeInTheDocument();
    expect(within(section).getByText('0.82')).toBeInTheDocument();
    expect(screen.queryByTestId('polyai-activity-unread')).not.toBeInTheDocument();
  });

  it('keeps the record order when an event has no time, and names only what the record names', () => {
    const conversation = record({ functionEvents: { calls: [{ function_name: 'book_slot', time: '2026-11-20T09:15:00Z' }, { arguments: { slot: 'am' } }] } });
    renderInLanguage(<Activity conversation={conversation} />);
    expect(events().map((event) => event.textContent)).toEqual([expect.stringMatching(/^Book Slot/), 'Calls']);
    // No name in the event: the record called the list "calls"; with no list name either, nothing is invented.
    renderInLanguage(<Activity conversation={record({ functionEvents: [{ arguments: { slot: 'am' } }] })} />);
    expect(screen.getByText('Function (no name given)')).toBeInTheDocument();
  });

  it('shows the record\'s own words with the outcome, not words that only repeat it', () => {
    renderInLanguage(
      <Activity conversation={record({ functionEvents: { pay: { status: 'card_declined' }, look_up: { status: 'OK' }, wait: { status: 'queued' }, sms: { ok: false } } })} />,
    );
    expect(events().map((event) => event.textContent)).toEqual(['PayFailed: Card declined', 'Look UpSucceeded', 'WaitQueued', 'SMSFailed']);
  });

  it('masks sensitive arguments until revealed', () => {
    renderInLanguage(<Activity conversation={record({ functionEvents: [{ name: 'take_payment', card_number: '4111111111111111', amount: 12 }] })} />);
    expect(screen.queryByText('4111111111111111')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show Card Number' }));
    expect(screen.getByText('4111111111111111')).toBeInTheDocument();
    expect(screen.getByText('12')).toBeInTheDocument();
  });

  it('says when the record had no functions, and which fields it could not read', () => {
    renderInLanguage(<Activity conversation={record({ functionEvents: 'lookup', polyScore: 'high', tags: ['billing'] })} />);
    expect(screen.getByText("PolyAI's record lists no functions run on this call.")).toBeInTheDocument();
    expect(screen.getByTestId('polyai-activity-unread')).toHaveTextContent("PolyAI's record also has functionEvents, polyScore, which could not be read.");
  });

  it("writes a tag as the admin labelled it, else humanised with a capital like its neighbours", () => {
    expect(['billing', 'duplicate_charge', 'vip'].map((tag) => tagText(tag, labelsOf(NO_LABELS)))).toEqual(['Billing', 'Duplicate charge', 'Vip']);
    // The admin's words stay exactly theirs, lower case included.
    expect(tagText('billing', labelsOf({ billing: 'facturación' }))).toBe('facturación');
  });

  it.each(SUPPORTED_LANGUAGES)('is translated in %s', (language) => {
    renderInLanguage(<Activity conversation={parseConversation(sample)} />, language);
    expect(screen.getByRole('heading', { name: STRING_TABLES[language].PolyaiContextActivityHeading })).toBeInTheDocument();
    expect(screen.getAllByText(STRING_TABLES[language].PolyaiContextOutcomeSucceeded)).toHaveLength(2);
    expect(screen.getByText(new RegExp(`^${STRING_TABLES[language].PolyaiContextOutcomeFailed}`))).toBeInTheDocument();
  });
});

describe('the call\'s times at a glance', () => {
  const finished = { startedAt: Date.parse('2026-11-20T09:14:02Z'), finishedAt: Date.parse('2026-11-20T09:14:51Z'), polyaiSeconds: 49 };

  afterEach(() => jest.useRealTimers());

  it('shows the time with PolyAI and runs the time since the handoff from Flex\'s task, on one timer', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-20T09:17:04Z') });
    const intervals = jest.spyOn(global, 'setInterval');
    renderInLanguage(<CallTimes record={finished} taskCreatedAt={Date.parse('2026-11-20T09:14:51Z')} />);
    expect(screen.getByTestId('polyai-time-with-polyai')).toHaveTextContent(/^With PolyAI: 0:49$/);
    expect(screen.getByTestId('polyai-time-since-handoff')).toHaveTextContent(/^Since handoff: 2:13$/);
    act(() => void jest.advanceTimersByTime(TICK_MS));
    expect(screen.getByTestId('polyai-time-since-handoff')).toHaveTextContent(/^Since handoff: 2:14$/);
    act(() => void jest.advanceTimersByTime(60 * TICK_MS));
    expect(screen.getByTestId('polyai-time-since-handoff')).toHaveTextContent(/^Since handoff: 3:14$/);
    expect(intervals).toHaveBeenCalledTimes(1);
    intervals.mockRestore();
  });

  it('says which source is missing', () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-20T09:15:51Z') });
    const { rerender } = renderInLanguage(<CallTimes record={null} taskCreatedAt={null} />);
    expect(screen.getByTestId('polyai-time-with-polyai')).toHaveTextContent("With PolyAI: not known: needs PolyAI's conversation record");
    expect(screen.getByTestId('polyai-time-since-handoff')).toHaveTextContent('Since handoff: not known: neither Flex nor PolyAI gave the handoff time');
    rerender(<CallTimes record={{ ...finished, polyaiSeconds: null }} taskCreatedAt={null} />);
    // No duration in the record: its start and end; no task time from Flex: PolyAI's end, said so.
    expect(screen.getByTestId('polyai-time-with-polyai')).toHaveTextContent(/^With PolyAI: 0:49$/);
    expect(screen.getByTestId('polyai-time-since-handoff')).toHaveTextContent("Since handoff: 1:00 (counted from the end of PolyAI's part (Flex gave no task time))");
    rerender(<CallTimes record={{ startedAt: null, finishedAt: null, polyaiSeconds: null }} taskCreatedAt={null} />);
    expect(screen.getByTestId('polyai-time-with-polyai')).toHaveTextContent("With PolyAI: not known: PolyAI's record has no duration");
  });

  it('runs no timer when nothing can run', () => {
    const intervals = jest.spyOn(global, 'setInterval');
    renderInLanguage(<CallTimes record={{ startedAt: null, finishedAt: null, polyaiSeconds: 49 }} taskCreatedAt={null} />);
    expect(intervals).not.toHaveBeenCalled();
    intervals.mockRestore();
  });
});

describe('in the tab', () => {
  function renderTab(attributes: unknown, dateCreated?: Date) {
    installFetch(jest.fn(async () => jsonResponse(200, { conversation: sample })));
    return renderWithPaste(
      <TaskContextProvider value={{ task: { sid: 'WR1', taskSid: 'WT1', attributes, dateCreated } }}>
        <PolyaiContextTab config={{ ...DEFAULT_CONFIG, functionsBaseUrl: FUNCTIONS }} />
      </TaskContextProvider>,
    );
  }

  it('shows what PolyAI did and its time once the transcript loaded the record, with the time since Flex created the task', async () => {
    const attributes = { type: 'inbound', polyai: fixture('handoff-state-verified.json') };
    renderTab(attributes, new Date(Date.now() - 125_000));
    expect(screen.getByTestId('polyai-time-with-polyai')).toHaveTextContent("needs PolyAI's conversation record");
    expect(screen.getByTestId('polyai-time-since-handoff')).toHaveTextContent(/^Since handoff: 2:\d\d$/);
    await screen.findByTestId('polyai-section-activity', {}, { timeout: 10_000 });
    expect(screen.getByTestId('polyai-time-with-polyai')).toHaveTextContent(/^With PolyAI: 0:49$/);
    expect(events()).toHaveLength(3);
  });

  it('shows no section when the record says nothing it shows', async () => {
    installFetch(jest.fn(async () => jsonResponse(200, { conversation: { ...REQUIRED, turns: [], polyaiDuration: 30 } })));
    renderWithPaste(
      <TaskContextProvider value={{ task: { sid: 'WR1', taskSid: 'WT1', attributes: { type: 'inbound', polyai: fixture('handoff-state-verified.json') } } }}>
        <PolyaiContextTab config={{ ...DEFAULT_CONFIG, functionsBaseUrl: FUNCTIONS }} />
      </TaskContextProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('polyai-time-with-polyai')).toHaveTextContent(/^With PolyAI: 0:30$/), { timeout: 10_000 });
    expect(screen.queryByTestId('polyai-section-activity')).not.toBeInTheDocument();
  });
});

describe('"Copy all"', () => {
  const clipboard = fakeClipboard();
  const verified = () => parseHandoffContext(asTaskAttributes(fixture('handoff-state-verified.json')));
  /** Times in the agent's clock (the test machine's time zone), as the section shows them. */
  const at = (time: string, locale = 'en-US') => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(`2026-11-20T${time}Z`));

  /** The verified handoff with its conversation record loaded by the transcript, amounts in pounds. */
  async function renderLoaded(conversation: Conversation, language: SupportedLanguage = 'en-US'): Promise<void> {
    const load: ConversationLoader = async () => ({ ok: true, conversation });
    renderInLanguage(
      <HandoffContextView
        context={verified()}
        config={{ ...DEFAULT_CONFIG, currency: 'GBP' }}
        taskCreatedAt={Date.now() - 125_000}
        transcript={<TranscriptSection source={{ status: 'available', ...wholeCall(load) }} maskPatterns={maskPatterns} />}
      />,
      language,
    );
    await screen.findByTestId('polyai-section-activity', {}, { timeout: 10_000 });
  }

  async function copyAll(language: SupportedLanguage = 'en-US'): Promise<string[]> {
    const before = clipboard.length;
    fireEvent.click(screen.getByRole('button', { name: STRING_TABLES[language].PolyaiContextCopyAll }));
    await waitFor(() => expect(clipboard.length).toBe(before + 1));
    return clipboard[before].split('\n');
  }

  it('copies what PolyAI did, as shown, after the handoff, and the call\'s times under the first line', async () => {
    await renderLoaded(parseConversation(sample));
    const lines = await copyAll();
    expect(lines[1]).toMatch(/^With PolyAI: 0:49 · Since handoff: 2:0\d$/);
    const start = lines.indexOf('What PolyAI did');
    expect(start).toBeGreaterThan(lines.indexOf('Handoff'));
    expect(lines.indexOf('Verification')).toBeGreaterThan(start);
    expect(lines.slice(start, start + 13)).toEqual([
      'What PolyAI did',
      `1. Verify Identity · Succeeded · ${at('09:14:27')}`,
      '   Arguments › Method: dob_and_postcode',
      `2. Lookup Charges · Succeeded · ${at('09:14:33')}`,
      '   Arguments › Merchant: Streamly Premium',
      '   Arguments › Charge Date: Nov 14, 2026',
      '   Result › Matches: 2',
      `3. Issue Refund · Failed · ${at('09:14:47')}`,
      '   Arguments › Charge Amount: £42.50',
      '   Error: refund_needs_agent_approval',
      'Tags: Billing, Duplicate charge',
      'Note: Caller asked for the refund to go back to the same card.',
      'PolyScore: 0.82',
    ]);
  });

  it('masks what PolyAI ran with sensitive values unless the agent revealed it', async () => {
    await renderLoaded(record({ functionEvents: [{ name: 'take_payment', card_number: '4111111111111111', status: 'failed' }] }));
    expect(await copyAll()).toContain('   Card Number: ••••••••');
    fireEvent.click(screen.getByRole('button', { name: 'Show Card Number' }));
    const lines = await copyAll();
    expect(lines).toContain('1. Take Payment · Failed');
    expect(lines).toContain('   Card Number: 4111111111111111');
  });

  it.each(SUPPORTED_LANGUAGES)('copies it in %s, each value written as the tab shows it', async (language) => {
    const strings = STRING_TABLES[language];
    await renderLoaded(parseConversation(sample), language);
    const lines = await copyAll(language);
    expect(lines[1]).toMatch(new RegExp(`^${strings.PolyaiContextTimeWithPolyai}: 0:49 · ${strings.PolyaiContextTimeSinceHandoff}: 2:0\\d$`));
    expect(lines).toContain(strings.PolyaiContextActivityHeading);
    expect(lines).toContain(`3. Issue Refund · ${strings.PolyaiContextOutcomeFailed} · ${at('09:14:47', language)}`);
    // The one formatter: the amount and the date read in the copy exactly as in the section on screen.
    const activity = screen.getByTestId('polyai-section-activity');
    const amount = new Intl.NumberFormat(language, { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 }).format(42.5);
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-11-14'));
    // textContent, not getByText: Intl writes a no-break space, which the queries' normaliser turns into a space.
    expect(activity.textContent).toContain(amount);
    expect(activity.textContent).toContain(date);
    expect(lines).toContain(`   Arguments › Charge Amount: ${amount}`);
    expect(lines).toContain(`   Arguments › Charge Date: ${date}`);
    expect(lines).toContain(`${strings.PolyaiContextPolyScoreLabel}: ${new Intl.NumberFormat(language).format(0.82)}`);
  });
});
