/**
 * What an agent in a hurry needs. One test per rule, each failing on the behaviour it guards.
 */
import React from 'react';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

import { agentReasonKey } from '../../../src/views/common/agentReason';
import { HandoffContextView } from '../../../src/views/HandoffContextView/HandoffContextView';
// The transcript with its call, as the tab's container renders it.
import { ConversationTranscript as TranscriptSection, type ConversationLoader } from '../../../src/flex/container/ConversationTranscript';
import { RETRY_FEEDBACK_MS } from '../../../src/functionCalls/useFunctionCall';
import { compileMaskPatterns, DEFAULT_MASK_PATTERNS, maskTurn, parseConversation, parseHandoffContext, sensitiveValuesOf, type HandoffContext } from '@polyai-context/model';
import type { ConversationResult } from '../../../src/functionCalls/conversationClient';
import { enUS, pluralKey, resolveFormatLocale, STRING_TABLES, SUPPORTED_LANGUAGES } from '../../../src/strings';
import { asTaskAttributes, fixture } from '../../support/fixtures';
import { copyAllLines, fakeClipboard, renderInLanguage } from '../../support/render';
import { searchTranscript } from '../../support/transcriptSearch';
import { wholeCall } from '../../support/transcriptSource';

const maskPatterns = compileMaskPatterns(DEFAULT_MASK_PATTERNS);

const inLanguage = renderInLanguage;

const verified = () => parseHandoffContext(asTaskAttributes(fixture('handoff-state-verified.json')));
const section = (id: string) => screen.getByTestId(`polyai-section-${id}`);
const glance = () => screen.getByTestId('polyai-glance');

const clipboard = fakeClipboard();

describe('at a glance', () => {
  it('puts Verified, the labelled intent with its confidence and the reason on the first line', () => {
    inLanguage(<HandoffContextView context={verified()} />);
    expect(glance()).toHaveTextContent('VerifiedDispute charge91% confidenceReason: Billing dispute');
    // First in the tab: before every card.
    const region = screen.getByTestId('polyai-context');
    expect(region.querySelector('[data-testid^="polyai-"]:not([data-testid="polyai-context"])')).toBe(glance());
  });

  it('stays above the warning of partial data', () => {
    inLanguage(<HandoffContextView context={parseHandoffContext({ polyai: { data: { summary: 'Readable', verification: 'garbled', intent: 'refund' } } })} />);
    const warning = screen.getByText('Some PolyAI context could not be read');
    expect(glance().compareDocumentPosition(warning) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('cuts a long summary with "Show more" and shows it whole on request', () => {
    const summary = `${'The caller explains the billing history in detail. '.repeat(20)}END-OF-SUMMARY`;
    inLanguage(<HandoffContextView context={parseHandoffContext({ polyai: { data: { summary } } })} />);
    expect(section('summary')).not.toHaveTextContent('END-OF-SUMMARY');
    expect(section('summary').textContent!.length).toBeLessThan(400);
    const more = within(section('summary')).getByRole('button', { name: 'Show more' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(more);
    expect(section('summary')).toHaveTextContent('END-OF-SUMMARY');
    expect(within(section('summary')).getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('lays the cards out in a grid of columns that never overflow the panel', () => {
    inLanguage(<HandoffContextView context={verified()} />);
    const grid = screen.getByTestId('polyai-sections');
    // The column rule itself is checked in the browser (tests/e2e/agentLayout.test.ts); here: every card is a grid cell.
    for (const id of ['summary', 'handoff', 'verification', 'caller', 'fields', 'reference']) expect(section(id).closest('[data-testid="polyai-sections"]')).toBe(grid);
  });
});

describe('copy', () => {
  it('"Copy all" copies everything the tab shows, in order, and says so', async () => {
    inLanguage(<HandoffContextView context={verified()} />);
    expect(within(glance()).getByRole('button', { name: 'Copy all' })).toBeInTheDocument();
    await expect(copyAllLines(clipboard)).resolves.toEqual([
      'Verified · Dispute charge (91% confidence) · Reason: Billing dispute',
      // The call's times as the tab shows them: no record loaded, no task time from Flex.
      "With PolyAI: not known: needs PolyAI's conversation record · Since handoff: not known: neither Flex nor PolyAI gave the handoff time",
      '',
      'Summary',
      'Verified caller disputes a duplicate 42.50 charge from 14 Nov and asks for a refund of the second payment.',
      '',
      'Handoff',
      'Destination: Billing queue',
      '',
      'Verification',
      'Method: DOB and postcode',
      'Attempts: 1',
      '',
      "Caller's last words",
      '“I was charged twice for my subscription and I want the second one refunded”',
      '',
      'Caller',
      'Name: Jordan Ellis',
      'Customer ID: 12345',
      'Account number: ****6789',
      'Language: en-GB',
      '',
      'Captured fields',
      'Slots › Charge Amount: 42.50',
      'Slots › Charge Date: Nov 14, 2026',
      'Slots › Merchant: Streamly Premium',
      '',
      'Reference',
      'Handoff ID: CA5f1d2c3b4a5968778695a4b3c2d1e0f9',
      'Shared ID: acme_2026-11-20_7f3c9a',
    ]);
  });

  it('"Copy all" copies the transcript too, as shown: masked messages stay masked', async () => {
    const load: ConversationLoader = async () => ({ ok: true, conversation: parseConversation(fixture('conversation.json')) });
    inLanguage(<HandoffContextView context={verified()} transcript={<TranscriptSection source={{ status: 'available', ...wholeCall(load) }} maskPatterns={maskPatterns} />} />);
    await waitFor(() => expect(within(screen.getByRole('log')).queryAllByRole('listitem').length).toBeGreaterThan(3));
    fireEvent.click(within(glance()).getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(clipboard).toHaveLength(1));
    const lines = clipboard[0].split('\n');
    const start = lines.indexOf('Transcript');
    expect(start).toBeGreaterThan(lines.indexOf('Captured fields'));
    expect(lines.slice(start + 1, start + 5)).toEqual([
      'PolyAI agent: Thanks for calling Acme. How can I help today?',
      'Caller: I was charged twice for my subscription',
      "PolyAI agent: I'm sorry to hear that. Can I take your date of birth and postcode to verify your account?",
      'Caller: ••••••••',
    ]);
    expect(clipboard[0]).not.toContain('1988');
  });

  it('"Copy all" writes silence and keypad turns as the bubbles show them, never a blank after the speaker', async () => {
    const turns = [
      { user_input: '', user_input_dtmf: '', user_input_datetime: '2026-11-20T09:14:38Z', agent_response: 'Are you still there?', agent_response_datetime: '2026-11-20T09:14:39Z', is_silence: true },
      { user_input: '', user_input_dtmf: '24', user_input_datetime: '2026-11-20T09:14:41Z', agent_response: 'Thanks.', agent_response_datetime: '2026-11-20T09:14:42Z' },
    ];
    const load: ConversationLoader = async () => ({ ok: true, conversation: parseConversation({ ...(fixture('conversation.json') as object), turns }) });
    inLanguage(<HandoffContextView context={verified()} transcript={<TranscriptSection source={{ status: 'available', ...wholeCall(load) }} maskPatterns={maskPatterns} />} />);
    await waitFor(() => expect(within(screen.getByRole('log')).queryAllByRole('listitem')).toHaveLength(4));
    const lines = await copyAllLines(clipboard);
    const start = lines.indexOf('Transcript');
    expect(lines.slice(start + 1, start + 5)).toEqual(['Caller: No reply (silence)', 'PolyAI agent: Are you still there?', 'Caller: Keys pressed: 24', 'PolyAI agent: Thanks.']);
  });

  it('offers a copy button on every caller field; a masked account number copies only once revealed', async () => {
    const context = parseHandoffContext({ polyai: { data: { caller_name: 'Jordan Ellis', account_number: '12345678' } } });
    inLanguage(<HandoffContextView context={context} />);
    const caller = section('caller');
    fireEvent.click(within(caller).getByRole('button', { name: 'Copy Name' }));
    expect(await within(caller).findByText('Name copied to the clipboard')).toBeInTheDocument();
    expect(clipboard).toEqual(['Jordan Ellis']);
    expect(caller).not.toHaveTextContent('12345678');
    expect(within(caller).getByRole('button', { name: 'Copy Account number' })).toBeDisabled();
    fireEvent.click(within(glance()).getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(clipboard).toHaveLength(2));
    expect(clipboard[1]).toContain('Account number: ••••••••');

    fireEvent.click(within(caller).getByRole('button', { name: 'Show Account number' }));
    expect(caller).toHaveTextContent('12345678');
    fireEvent.click(within(caller).getByRole('button', { name: 'Copy Account number' }));
    await waitFor(() => expect(clipboard).toHaveLength(3));
    expect(clipboard[2]).toBe('12345678');
    fireEvent.click(within(glance()).getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(clipboard).toHaveLength(4));
    expect(clipboard[3]).toContain('Account number: 12345678');
  });
});

describe('reveal', () => {
  it('offers no reveal on a value PolyAI already masked, and shows last-four fields as they are', () => {
    const context = parseHandoffContext({ polyai: { data: { account_number: '****6789', card: { number: 'XXXX-XXXX-XXXX-4242', last_four: '4242' }, card_last4: '1111' } } });
    inLanguage(<HandoffContextView context={context} />);
    expect(screen.queryAllByRole('button', { name: /^Show / })).toEqual([]);
    expect(section('caller')).toHaveTextContent('****6789');
    const fields = section('fields');
    expect(fields).toHaveTextContent('XXXX-XXXX-XXXX-4242');
    expect(within(fields).getByRole('rowheader', { name: 'Last Four' }).closest('tr')).toHaveTextContent('4242');
    expect(within(fields).getByRole('rowheader', { name: 'Card Last4' }).closest('tr')).toHaveTextContent('1111');
    expect(within(fields).getByRole('button', { name: 'Copy Card › Last Four' })).toBeEnabled();
  });
});

describe('table rows', () => {
  it('draws each row header as a cell, so the last row loses its border across both columns', () => {
    inLanguage(<HandoffContextView context={verified()} />);
    const headers = within(section('fields')).getAllByRole('rowheader');
    expect(headers.length).toBeGreaterThan(0);
    // Paste's TBody drops the last row's bottom border on <td> only: a <th> kept it under the label column.
    for (const header of headers) expect(header.tagName).toBe('TD');
  });
});

describe('localisation', () => {
  const partial = () => parseHandoffContext({ polyai: { data: { summary: 'Readable', verification: 'garbled', caller_name: 42 } } });
  const unavailable = (): HandoffContext => parseHandoffContext(fixture('task-attributes-fetch-failed.json'));

  it.each(SUPPORTED_LANGUAGES.filter((language) => language !== 'en-US'))('%s: problem lists and unavailable reasons carry no English', (language) => {
    const { unmount } = inLanguage(<HandoffContextView context={partial()} />, language);
    const warning = screen.getByText(STRING_TABLES[language].PolyaiContextPartialTitle).closest('[role="status"], [role="alert"]') as HTMLElement;
    const visible = Array.from(warning.querySelectorAll('li')).map((item) => item.textContent ?? '');
    expect(visible.length).toBeGreaterThan(0);
    for (const line of visible) expect(line).not.toMatch(/Expected|found text|could not|value/i);
    unmount();
    inLanguage(<HandoffContextView context={unavailable()} />, language);
    const alert = screen.getByRole('alert');
    const reason = within(alert).getByText((_, element) => element?.tagName === 'P' && /^(Motivo|Motif|Grund)/.test(element.textContent ?? ''));
    expect(reason).not.toHaveTextContent(/PolyAI Handoff API|did not answer|ms\b/);
  });

  it('keeps the technical detail for admins in a "details" disclosure', () => {
    inLanguage(<HandoffContextView context={unavailable()} />);
    const details = screen.getByRole('button', { name: 'Technical details (for your admin)' });
    const detail = screen.getByText('HTTP 504: PolyAI Handoff API did not answer within 3000 ms');
    expect(details).toHaveAttribute('aria-expanded', 'false');
    expect(detail).not.toBeVisible();
    fireEvent.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(detail).toBeVisible();
  });

  it('counts problems through Intl.PluralRules', () => {
    const body = (problems: number) => {
      const data: Record<string, unknown> = { summary: 'ok' };
      if (problems > 0) data.verification = 'garbled';
      if (problems > 1) data.intent_confidence = 'very';
      return parseHandoffContext({ polyai: { data } });
    };
    const { unmount } = inLanguage(<HandoffContextView context={body(1)} />);
    expect(screen.getByText(/problem found:$/)).toHaveTextContent('1 problem found:');
    unmount();
    const two = body(2);
    inLanguage(<HandoffContextView context={two} />, 'fr-FR');
    expect(screen.getByText(/trouvés :$/)).toHaveTextContent(`${two.problems.length} problèmes trouvés :`);
    expect(pluralKey('PolyaiContextPartialBody', 1, 'en-US')).toBe('PolyaiContextPartialBody_one');
    expect(pluralKey('PolyaiContextPartialBody', 0, 'en-US')).toBe('PolyaiContextPartialBody_other');
    // French says "0 problème" (one), English "0 problems" (other).
    expect(pluralKey('PolyaiContextPartialBody', 0, 'fr-FR')).toBe('PolyaiContextPartialBody_one');
  });

  it('has a translated _one and _other for every plural string', () => {
    const bases = Object.keys(enUS).filter((key) => key.endsWith('_one')).map((key) => key.slice(0, -4));
    expect(bases.length).toBeGreaterThan(1);
    for (const language of SUPPORTED_LANGUAGES) for (const base of bases) expect(STRING_TABLES[language]).toHaveProperty(`${base}_other`);
  });

  it('formats dates in the agent\'s full locale (en-GB) while the strings stay in one of the four languages', () => {
    expect(resolveFormatLocale('en-US', [undefined, 'en-GB', 'en-US'])).toBe('en-GB');
    expect(resolveFormatLocale('en-US', ['fr-FR'])).toBe('en-US');
    expect(resolveFormatLocale('es-ES', ['es_MX'])).toBe('es-MX');
    expect(resolveFormatLocale('de-DE', ['de-CH-x-bogus-', 'de-AT'])).toBe('de-AT');
    inLanguage(<HandoffContextView context={verified()} />, 'en-US', 'en-GB');
    const fields = section('fields');
    expect(within(fields).getByRole('rowheader', { name: 'Charge Date' }).closest('tr')).toHaveTextContent('14 Nov 2026');
    expect(within(fields).getByRole('heading', { name: 'Captured fields' })).toBeInTheDocument();
  });

  it('says each failure for the agent', () => {
    expect(agentReasonKey(504, 'PolyAI Handoff API did not answer within 3000 ms')).toBe('PolyaiContextReasonTimeout');
    expect(agentReasonKey(401, "PolyAI refused the Function's API key (401)")).toBe('PolyaiContextReasonRefused');
    expect(agentReasonKey(401, 'The Flex token has expired.')).toBe('PolyaiContextReasonSignedOut');
    expect(agentReasonKey(502, 'PolyAI answered with a body that is not JSON.')).toBe('PolyaiContextReasonUnreadable');
    expect(agentReasonKey(502, 'PolyAI could not be reached.')).toBe('PolyaiContextReasonUnreachable');
    expect(agentReasonKey(null, 'Failed to fetch')).toBe('PolyaiContextReasonUnreachable');
    expect(agentReasonKey(429, 'PolyAI asked us to slow down (429).')).toBe('PolyaiContextReasonBusy');
    expect(agentReasonKey(404, 'No handoff state')).toBe('PolyaiContextReasonNotFound');
    expect(agentReasonKey(500, 'Internal server error')).toBe('PolyaiContextReasonServiceError');
  });
});

describe('transcript masking and search', () => {
  const messages = () => within(screen.getByRole('log')).queryAllByRole('listitem');
  const status = () => within(section('transcript')).getAllByRole('status')[0];
  const loaded = (body: unknown): ConversationLoader => async () => ({ ok: true, conversation: parseConversation(body) });

  const currentMark = () => screen.getByRole('log').querySelector('mark[aria-current="true"]');

  function searchFor(query: string, count: string) {
    searchTranscript(query);
    expect(status()).toHaveTextContent(count);
    // The count may read the same for two queries in a row: this query's own highlight too.
    if (count !== 'No matches') expect(currentMark()?.textContent?.toLowerCase()).toBe(query.toLowerCase());
  }

  it('masks a sensitive entity where the caller said it, and search does not find it', async () => {
    inLanguage(<TranscriptSection source={{ status: 'available', ...wholeCall(loaded(fixture('conversation.json'))) }} maskPatterns={maskPatterns} />);
    await waitFor(() => expect(messages().length).toBeGreaterThan(3));
    const identity = messages()[3];
    expect(identity).not.toHaveTextContent('1988');
    expect(identity).not.toHaveTextContent('fourth of May');
    searchFor('1988', 'No matches');
    searchFor('May', 'No matches');

    fireEvent.click(within(identity).getByRole('button', { name: 'Show the hidden values in this message' }));
    expect(messages()[3]).toHaveTextContent('fourth of May 1988, SW1A 1AA');
    expect(within(messages()[3]).getByRole('button', { name: 'Hide the sensitive values in this message' })).toHaveAttribute('aria-pressed', 'true');
    // Turns with nothing sensitive offer no reveal.
    expect(within(messages()[0]).queryByRole('button')).not.toBeInTheDocument();
  });

  it('masks the handoff\'s sensitive values inside turn text, in place', async () => {
    const context = parseHandoffContext({ polyai: { data: { card: { number: '4111111111111111' }, account_number: '****6789' } } });
    const values = sensitiveValuesOf(context, maskPatterns);
    expect(values).toEqual(['4111111111111111']);
    const body = { turns: [{ user_input: 'my card is 4111111111111111 thanks' }, { agent_response: 'Thanks' }] };
    inLanguage(<TranscriptSection source={{ status: 'available', ...wholeCall(loaded(body)) }} maskPatterns={maskPatterns} sensitiveValues={values} />);
    await waitFor(() => expect(messages().length).toBe(2));
    expect(messages()[0]).toHaveTextContent('my card is •••••••• thanks');
    searchFor('4111', 'No matches');
    searchFor('card', '1 of 1');
  });

  it('masks an early turn of a long call when it is first shown, searched or copied, as it masks the turns shown first', async () => {
    const context = parseHandoffContext({ polyai: { data: { card: { number: '4111111111111111' } } } });
    const values = sensitiveValuesOf(context, maskPatterns);
    const filler = Array.from({ length: 40 }, (_, index) => ({ agent_response: `filler answer ${index}` }));
    const body = { turns: [{ user_input: 'my card is 4111111111111111, refund it please' }, ...filler, { user_input: 'the card again: 4111111111111111' }] };
    inLanguage(<HandoffContextView context={context} transcript={<TranscriptSection source={{ status: 'available', ...wholeCall(loaded(body)) }} maskPatterns={maskPatterns} sensitiveValues={values} />} />);
    await waitFor(() => expect(messages().length).toBeGreaterThan(3));
    // The call opens at its last turns: the first is not rendered yet.
    expect(screen.getByRole('log')).not.toHaveTextContent('my card is');
    expect(messages().at(-1)).toHaveTextContent('the card again: ••••••••');
    // Brought into view by a search, it shows masked, with its reveal; the number itself is never found.
    searchFor('refund', '1 of 1');
    const early = messages().find((message) => message.textContent?.includes('my card is'));
    expect(early).toHaveTextContent('my card is ••••••••, refund it please');
    expect(within(early!).getByRole('button', { name: 'Show the hidden values in this message' })).toBeInTheDocument();
    searchFor('4111', 'No matches');
    // Copy all holds every turn, rendered or not, each masked.
    fireEvent.click(within(glance()).getByRole('button', { name: 'Copy all' }));
    await waitFor(() => expect(clipboard).toHaveLength(1));
    const lines = clipboard[0].split('\n');
    const start = lines.indexOf('Transcript');
    expect(lines.slice(start + 1, start + 43)).toEqual([
      'Caller: my card is ••••••••, refund it please',
      ...filler.map((_, index) => `PolyAI agent: filler answer ${index}`),
      'Caller: the card again: ••••••••',
    ]);
    expect(clipboard[0]).not.toContain('4111');
  });

  it('searches badges and labels intents as the Handoff section does', async () => {
    inLanguage(<TranscriptSection source={{ status: 'available', ...wholeCall(loaded(fixture('conversation.json'))) }} maskPatterns={maskPatterns} />);
    await waitFor(() => expect(messages().length).toBeGreaterThan(3));
    expect(within(messages()[1]).getByText('Dispute charge')).toBeInTheDocument();
    // The postcode is not sensitive: its badge is found although the turn's text is masked (for the dob).
    searchFor('SW1A', '1 of 1');
    expect(currentMark()?.closest('[data-paste-element="BADGE"]')).toHaveTextContent('Postcode: SW1A 1AA');
    searchFor('provide identity', '1 of 1');
    expect(currentMark()?.closest('[data-paste-element="BADGE"]')).toHaveTextContent('Provide identity');
  });

  it('masks sensitive entity badges and turn text but leaves the rest of the turn alone when the value is spoken as stored', () => {
    const turn = { index: 0, speaker: 'caller' as const, text: 'it is 1234 and my name is Max', dtmf: null, translation: null, time: null, intents: [], entities: [{ name: 'pin', values: ['1234'] }], silence: false, outOfDomain: false };
    const masked = maskTurn(turn, maskPatterns, []);
    expect(masked?.text).toBe('it is •••••••• and my name is Max');
    expect(masked?.entities).toEqual([{ name: 'pin', values: ['••••••••'] }]);
    // Typed on the keypad: masked there too.
    expect(maskTurn({ ...turn, text: '', dtmf: '1234' }, maskPatterns, [])?.dtmf).toBe('••••••••');
    expect(maskTurn({ ...turn, entities: [] }, maskPatterns, [])).toBeNull();
  });
});

describe('Try again', () => {
  it('shows that it is trying, even when the failure is fast, and when it last tried', async () => {
    const failure: ConversationResult = { ok: false, aborted: false, status: 401, message: "PolyAI refused the Function's API key (401)" };
    const load = jest.fn(async () => failure);
    jest.useFakeTimers();
    try {
      inLanguage(<TranscriptSection source={{ status: 'available', ...wholeCall(load) }} maskPatterns={maskPatterns} />, 'en-US', 'en-GB');
      await act(async () => undefined);
      const transcript = section('transcript');
      expect(transcript).toHaveTextContent('Reason: PolyAI refused the request. Tell your admin');
      expect(transcript).not.toHaveTextContent("Reason: PolyAI refused the Function's API key");
      const retryStatus = screen.getByTestId('polyai-transcript-retry-status');
      expect(retryStatus).toHaveTextContent(/^Last tried at \d{2}:\d{2}:\d{2}$/); // en-GB: 24-hour clock
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      await act(async () => undefined);
      expect(load).toHaveBeenCalledTimes(2);
      expect(retryStatus).toHaveTextContent('Trying again…');
      expect(screen.getByRole('button', { name: /Try again/ })).toHaveAttribute('aria-busy', 'true');
      await act(async () => {
        jest.advanceTimersByTime(RETRY_FEEDBACK_MS);
      });
      expect(retryStatus).toHaveTextContent(/^Last tried at /);
      expect(screen.getByRole('button', { name: 'Try again' })).toHaveAttribute('aria-busy', 'false');
    } finally {
      jest.useRealTimers();
    }
  });
});
