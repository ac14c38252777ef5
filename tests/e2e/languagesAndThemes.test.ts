/**
 * What the agent no longer has to ask the caller, in every language the tab ships and in both of Flex's
 * themes, in real Flex (the offline preview): the verified sample opened once per language and theme, and in
 * each the translated headings, PolyAI's words in the admin's labels (the preview's `labels`), what PolyAI
 * did, both of the call's times, the caller's name on Flex's task list, the transcript opening at the handoff
 * (silence and keypad turns shown as turns, a way back to the start), one formatted value with its currency
 * in the field, the transcript's chip, what PolyAI did and "Copy all", the task list's PolyAI badge
 * readable on selected and unselected rows, and axe on the plugin's output.
 */
import type { Page, Route } from 'playwright-core';

import previewLabels from '../../devtools/fixtures/preview-labels.json';
import { humanizeCode, humanizeKey, parseConversation, PATH_SEPARATOR } from '@polyai-context/model';
import { formatString, pluralKey, STRING_TABLES, SUPPORTED_LANGUAGES, type StringKey, type SupportedLanguage } from '../../src/strings';
import { enUS } from '../../src/strings/en-US';
import { fixture } from '../support/fixtures';
import { seriousViolations } from './support/axe';
import { contrast } from './support/contrast';
import { contextSection, expectCleanRun, previewForThisFile, sectionText, taskItem } from './support/preview';

const preview = previewForThisFile({ clipboard: true });

const LABELS = previewLabels as Record<string, Record<string, string> | undefined>;
/** PolyAI's code as the tab shows it in `language`: the admin's label, else humanised. */
const code = (language: SupportedLanguage, key: string) => LABELS[language]?.[key] ?? humanizeCode(key);
/** PolyAI's key (a field or function name) likewise. */
const keyLabel = (language: SupportedLanguage, key: string) => LABELS[language]?.[key] ?? humanizeKey(key);
/** Whitespace as one space: Intl writes no-break spaces, innerText keeps line breaks. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A PolyAI turn (`ConversationTurn`) with everything empty but what is given. */
const turn = (fields: Record<string, unknown>) => ({
  user_input: '', user_input_dtmf: '', translated_user_input: '', english_agent_response: '', agent_response: '',
  latency: 0.5, intents: [], entities: [], is_ood: false, is_silence: false, ...fields,
});
const EARLY_TEXT = 'Hello, is this Acme?';
/** Small talk before the sample's turns, so the transcript has turns before the handoff to hide. */
const EARLY_TURNS = [
  turn({ user_input: EARLY_TEXT, user_input_datetime: '2026-11-20T09:13:40Z', agent_response: 'Yes, this is Acme.', agent_response_datetime: '2026-11-20T09:13:41Z' }),
  turn({ user_input: 'I have a question about my bill', user_input_datetime: '2026-11-20T09:13:50Z', agent_response: 'Of course.', agent_response_datetime: '2026-11-20T09:13:51Z' }),
];
/** The caller answers a menu on the keypad near the handoff. */
const KEYPAD_TURN = turn({ user_input_dtmf: '2', user_input_datetime: '2026-11-20T09:14:41Z', agent_response: 'Thanks, the second option.', agent_response_datetime: '2026-11-20T09:14:42Z' });

const conversation = fixture('conversation.json') as { turns: unknown[] };
const longer = (turns: unknown[]) => [...EARLY_TURNS, ...turns.slice(0, -1), KEYPAD_TURN, ...turns.slice(-1)];
const messages = parseConversation({ ...conversation, turns: longer(conversation.turns) }).turns;

/**
 * The real Function's answer with the longer call's turns: the stand-in serves the sample's short call, and
 * a call with turns before the handoff and a keypad answer is what this file needs to see.
 */
async function longerCall(route: Route): Promise<void> {
  if (route.request().method() !== 'POST') return route.continue();
  const response = await route.fetch();
  const body = (await response.json()) as { conversation?: { turns: unknown[] } };
  if (body.conversation) body.conversation.turns = longer(body.conversation.turns);
  return route.fulfill({ response, json: body });
}

beforeAll(() => preview().page.route(`${preview().functionsUrl}/polyai-conversation`, longerCall));

/** In the page's own Intl (the plugin's): 42.50 in pounds and 14 Nov 2026, as `locale` writes them. */
const expectedValues = (page: Page, locale: string) =>
  page.evaluate((tag) => ({
    amount: new Intl.NumberFormat(tag, { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 }).format(42.5).replace(/\s+/g, ' '),
    date: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-11-14')).replace(/\s+/g, ' '),
  }), locale);

/** The badge's text against its chip and against the task list row's own background, in this row. */
async function badgeContrast(page: Page, taskId: string): Promise<{ chip: number; row: number }> {
  const colours = await taskItem(page, taskId).getByTestId('polyai-task-badge-chip').evaluate((chip) => {
    const row = chip.closest('.Twilio-TaskListBaseItem') as HTMLElement;
    return { text: getComputedStyle(chip).color, chip: getComputedStyle(chip).backgroundColor, row: getComputedStyle(row).backgroundColor };
  });
  return { chip: contrast(colours.text, colours.chip), row: contrast(colours.text, colours.row) };
}

const HEADINGS: StringKey[] = [
  'PolyaiContextSummaryHeading', 'PolyaiContextGlanceHeading', 'PolyaiContextActivityHeading', 'PolyaiContextVerificationHeading',
  'PolyaiContextFieldsHeading', 'PolyaiContextTranscriptHeading',
];

const COMBINATIONS = SUPPORTED_LANGUAGES.flatMap((language) => (['light', 'dark'] as const).map((theme) => [language, theme] as const));

describe('offline preview: the verified sample in every language and both themes', () => {
  it.each(COMBINATIONS)('%s, %s theme: everything the agent needs, in their language, readable', async (language, theme) => {
    const { page } = preview();
    const strings = STRING_TABLES[language];
    await preview().open(`?task=verified&lang=${language}&theme=${theme}`);
    const activity = contextSection(page, 'activity');
    await activity.getByRole('heading', { name: strings.PolyaiContextActivityHeading }).waitFor();

    // The plugin's headings in the agent's language, none left in English.
    const headings = await page.getByTestId('polyai-context').getByRole('heading').allInnerTexts();
    for (const key of HEADINGS) {
      expect(headings).toContain(strings[key]);
      if (strings[key] !== enUS[key]) expect(headings).not.toContain(enUS[key]);
    }

    // PolyAI's words in the admin's labels for this language.
    await expect(page.getByTestId('polyai-glance-intent').innerText()).resolves.toMatch(new RegExp(`^${code(language, 'dispute_charge')}`));
    await expect(sectionText(page, 'handoff')).resolves.toContain(code(language, 'billing_queue'));

    // What PolyAI did: each function by the admin's name, in order, with its outcome.
    const succeeded = strings.PolyaiContextOutcomeSucceeded;
    await expect(activity.getByTestId('polyai-function-event').allInnerTexts().then((events) => events.map(flat))).resolves.toEqual([
      expect.stringMatching(new RegExp(`^${keyLabel(language, 'verify_identity')} ${succeeded} \\d`)),
      expect.stringMatching(new RegExp(`^${keyLabel(language, 'lookup_charges')} ${succeeded} \\d`)),
      expect.stringMatching(new RegExp(`^${keyLabel(language, 'issue_refund')} ${strings.PolyaiContextOutcomeFailed} \\d`)),
    ]);

    // Both times, labelled in the agent's language.
    await expect(page.getByTestId('polyai-time-with-polyai').innerText()).resolves.toBe(`${strings.PolyaiContextTimeWithPolyai}: 0:49`);
    await expect(page.getByTestId('polyai-time-since-handoff').innerText()).resolves.toMatch(new RegExp(`^${strings.PolyaiContextTimeSinceHandoff}: \\d{1,2}:\\d\\d$`));

    // Who is calling, on Flex's task list.
    await expect(taskItem(page, 'verified').innerText()).resolves.toMatch(/^Jordan Ellis\n/);

    // One value, one way of writing it: the field, the transcript's chip and what PolyAI did agree, in pounds.
    const { amount, date } = await expectedValues(page, language);
    const amountLabel = keyLabel(language, 'charge_amount');
    const dateLabel = keyLabel(language, 'charge_date');
    const fieldRow = (label: string) => contextSection(page, 'fields').getByRole('row').filter({ hasText: label }).innerText().then(flat);
    await expect(fieldRow(amountLabel)).resolves.toContain(amount);
    await expect(fieldRow(dateLabel)).resolves.toContain(date);
    const activityText = flat(await activity.innerText());
    expect(activityText).toContain(`${keyLabel(language, 'arguments')}${PATH_SEPARATOR}${amountLabel} ${amount}`);
    expect(activityText).toContain(`${keyLabel(language, 'arguments')}${PATH_SEPARATOR}${dateLabel} ${date}`);

    // The transcript opens at the handoff: its last turns, the keypad and silence turns among them, as turns.
    const transcript = contextSection(page, 'transcript');
    await page.getByTestId('polyai-context').evaluate((region) => region.scrollTo(0, region.scrollHeight));
    await transcript.getByRole('group', { name: `${strings.PolyaiContextTurnKeypad}: 2` }).waitFor();
    await expect(transcript.getByText(strings.PolyaiContextTurnSilence, { exact: true }).count()).resolves.toBe(1);
    const chips = flat(await transcript.innerText());
    expect(chips).toContain(`${amountLabel}: ${amount}`);
    expect(chips).toContain(`${dateLabel}: ${date}`);
    expect(chips).not.toContain(EARLY_TEXT);
    // A way back to the start, naming exactly the turns not shown.
    const shown = await transcript.getByRole('listitem').count();
    const earlier = messages.length - shown;
    expect(earlier).toBeGreaterThan(0);
    await transcript.getByRole('button', { name: formatString(strings[pluralKey('PolyaiContextTranscriptEarlier', earlier, language)], { count: earlier }) }).click();
    await transcript.getByText(EARLY_TEXT).waitFor();

    // "Copy all": what PolyAI did and the times too, in the agent's language, values as on screen.
    await page.getByRole('button', { name: strings.PolyaiContextCopyAll }).click();
    await page.getByTestId('polyai-context').getByRole('status').filter({ hasText: strings.PolyaiContextCopiedAll }).waitFor();
    const copied = (await page.evaluate(() => navigator.clipboard.readText())).split('\n').map(flat);
    expect(copied[1]).toMatch(new RegExp(`^${strings.PolyaiContextTimeWithPolyai}: 0:49 · ${strings.PolyaiContextTimeSinceHandoff}: \\d{1,2}:\\d\\d$`));
    expect(copied).toContain(strings.PolyaiContextActivityHeading);
    expect(copied).toContainEqual(expect.stringMatching(new RegExp(`^3\\. ${keyLabel(language, 'issue_refund')} · ${strings.PolyaiContextOutcomeFailed} · `)));
    expect(copied).toContain(`${keyLabel(language, 'arguments')}${PATH_SEPARATOR}${amountLabel}: ${amount}`);
    expect(copied).toContain(`${keyLabel(language, 'slots')}${PATH_SEPARATOR}${amountLabel}: ${amount}`);
    // The transcript's silence and keypad turns copied as turns, not as a blank after the speaker.
    expect(copied).toContain(`${strings.PolyaiContextSpeakerCaller}: ${strings.PolyaiContextTurnSilence}`);
    expect(copied).toContain(`${strings.PolyaiContextSpeakerCaller}: ${strings.PolyaiContextTurnKeypad}: 2`);

    // The task list's PolyAI badge: as readable as Flex's own task titles (AAA), on the selected row and the others.
    for (const taskId of ['verified', 'unverified']) {
      const measured = await badgeContrast(page, taskId);
      expect(measured.chip).toBeGreaterThanOrEqual(7);
      expect(measured.row).toBeGreaterThanOrEqual(7);
    }

    await expect(seriousViolations(page, `${language} ${theme}`)).resolves.toEqual([]);
  });

  it('made no console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
