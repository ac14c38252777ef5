/**
 * The agent's walkthrough, step by step, in real Flex (the offline preview): open the verified sample, read the
 * transcript (served by the real `polyai-conversation` Function from the PolyAI stand-in), search it, copy
 * and reveal fields, switch to Spanish and the dark theme, and live through a PolyAI outage.
 */
import { enUS } from '../../src/strings/en-US';
import { esES } from '../../src/strings/es-ES';
import { fixture } from '../support/fixtures';
import { seriousViolations } from './support/axe';
import { canvasTab, contextSection, expectCleanRun, previewForThisFile } from './support/preview';

const conversation = fixture('conversation.json') as { turns: Array<{ user_input?: string; agent_response?: string }> };
// One PolyAI turn holds the caller's input and the agent's answer: each non-empty one is a message.
const turnTexts = conversation.turns.flatMap((turn) => [turn.user_input ?? '', turn.agent_response ?? '']).filter((text) => text !== '');
const withTwice = turnTexts.filter((text) => /twice/i.test(text));
const verified = fixture('handoff-state-verified.json') as { data: { account_number: string; slots: { merchant: string } } };

const preview = previewForThisFile({ clipboard: true });

const transcript = () => contextSection(preview().page, 'transcript');
const searchBox = () => transcript().getByRole('searchbox', { name: enUS.PolyaiContextSearchLabel });
const matchCount = () => transcript().getByRole('status');
const occurrences = (word: string) => turnTexts.reduce((sum, text) => sum + (text.match(new RegExp(word, 'gi'))?.length ?? 0), 0);

/** Opens the verified sample and waits for its transcript's last turn. */
async function openVerifiedTranscript(query = '?task=verified'): Promise<void> {
  await preview().open(query);
  await transcript().getByText(turnTexts[turnTexts.length - 1]).waitFor();
}

describe("offline preview: an agent's walkthrough of the verified sample", () => {
  it('reads the whole transcript, fetched through the local Functions', async () => {
    await openVerifiedTranscript();
    const text = await transcript().innerText();
    // The caller's date of birth is masked where they said it, every other turn reads as sent.
    for (const turn of turnTexts) expect(text).toContain(turn.includes('1988') ? '••••••••' : turn);
    expect(text).not.toContain('1988');
    // The turn's entities show as badges, the sensitive one (date of birth) masked.
    expect(text).toContain('DOB: ••••••••');
    expect(text).toContain('PolyAI agent');
    expect(text).toContain('Caller');
  });

  it('searches for "charged": highlighted matches and their count', async () => {
    const { page } = preview();
    await openVerifiedTranscript();
    expect(occurrences('charged')).toBe(1);
    await searchBox().fill('charged');
    await matchCount().filter({ hasText: enUS.PolyaiContextMatchCount.replace('{{current}}', '1').replace('{{total}}', '1') }).waitFor();
    const marks = transcript().locator('mark');
    await expect(marks.allInnerTexts()).resolves.toEqual(['charged']);
    await expect(marks.first().getAttribute('aria-current')).resolves.toBe('true');
    // Highlighting is in the transcript only: the caller's last words say "charged" too, unmarked.
    await expect(page.locator('mark').count()).resolves.toBe(1);
  });

  it('moves to the next and previous match with the keyboard', async () => {
    await openVerifiedTranscript();
    const total = occurrences('twice');
    expect(total).toBe(2);
    const count = (current: number) => matchCount().filter({ hasText: `${current} of ${total}` });
    // The chat message (a list item) holding the current match.
    const activeTurn = () => transcript().getByRole('listitem').filter({ has: preview().page.locator('mark[aria-current="true"]') }).innerText();
    await searchBox().fill('twice');
    await count(1).waitFor();
    await expect(activeTurn()).resolves.toContain(withTwice[0]);
    await searchBox().press('Enter');
    await count(2).waitFor();
    await expect(activeTurn()).resolves.toContain(withTwice[1]);
    await searchBox().press('Shift+Enter');
    await count(1).waitFor();
    await searchBox().press('Shift+Enter');
    await count(2).waitFor();
    await expect(transcript().locator('mark').count()).resolves.toBe(2);
  });

  it('copies a captured field: the copied text on the clipboard, and a "copied" announcement', async () => {
    const { page } = preview();
    await openVerifiedTranscript();
    // Nested values are labelled with their group: "Slots › Merchant".
    const label = 'Slots › Merchant';
    await contextSection(page, 'fields').getByRole('button', { name: `Copy ${label}` }).click();
    await page.getByTestId('polyai-context').getByRole('status').filter({ hasText: `${label} copied to the clipboard` }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(verified.data.slots.merchant);
  });

  it('reveals a masked value on request, and hides it again', async () => {
    const { page } = preview();
    await openVerifiedTranscript();
    // PolyAI masked the account number itself (****6789): shown as sent, nothing to reveal.
    const caller = contextSection(page, 'caller');
    await expect(caller.innerText()).resolves.toContain(verified.data.account_number);
    await expect(caller.getByRole('button', { name: `Show ${enUS.PolyaiContextAccountNumberLabel}` }).count()).resolves.toBe(0);
    // The caller's date of birth, masked in the transcript, is revealed per message.
    const spoken = turnTexts.find((turn) => turn.includes('1988')) as string;
    const reveal = transcript().getByRole('button', { name: enUS.PolyaiContextRevealTurn });
    await expect(transcript().innerText()).resolves.not.toContain(spoken);
    await reveal.click();
    await transcript().getByText(spoken).waitFor();
    const hide = transcript().getByRole('button', { name: enUS.PolyaiContextHideTurn });
    await expect(hide.getAttribute('aria-pressed')).resolves.toBe('true');
    await hide.click();
    await expect(transcript().innerText()).resolves.not.toContain(spoken);
  });

  it('switches to Spanish and the dark theme: translated tab, axe finds nothing serious', async () => {
    const { page } = preview();
    await openVerifiedTranscript();
    // The language applies when the plugin initialises: the switch reloads the desktop with ?lang=es-ES.
    await Promise.all([page.waitForURL(/lang=es-ES/), page.getByLabel('Language', { exact: true }).selectOption('es-ES')]);
    await canvasTab(page, esES.PolyaiContextTabLabel).waitFor();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await transcript().getByText(turnTexts[0]).waitFor();

    const headings = await page.getByTestId('polyai-context').getByRole('heading').allInnerTexts();
    for (const key of ['PolyaiContextSummaryHeading', 'PolyaiContextGlanceHeading', 'PolyaiContextVerificationHeading', 'PolyaiContextFieldsHeading', 'PolyaiContextTranscriptHeading'] as const) {
      expect(headings).toContain(esES[key]);
      expect(headings).not.toContain(enUS[key]);
    }
    await expect(searchBox().count()).resolves.toBe(0); // the English label is gone…
    await expect(transcript().getByRole('searchbox', { name: esES.PolyaiContextSearchLabel }).count()).resolves.toBe(1); // …for the Spanish one
    expect(page.url()).toContain('theme=dark');
    await expect(seriousViolations(page, 'es-ES dark')).resolves.toEqual([]);
  });

  it('shows a PolyAI outage as a failed transcript with Retry, which loads it once PolyAI is back', async () => {
    const { page } = preview();
    await openVerifiedTranscript();
    const polyai = page.getByLabel('PolyAI stand-in');
    /**
     * Chooses a stand-in mode and waits until the preview server has applied it and the switch shows the mode the
     * server confirmed (set once the answer's body is read, after the response itself arrives).
     */
    const switchPolyai = async (mode: string) => {
      await Promise.all([page.waitForResponse('**/__preview/polyai-mode'), polyai.selectOption(mode)]);
      await page.waitForFunction((expected) => (document.getElementById('preview-polyai-mode') as HTMLSelectElement | null)?.value === expected, mode);
    };
    await switchPolyai('500');
    // The mode lives in the stand-in: a fresh load of the tab meets the outage.
    await preview().open('?task=verified');
    await expect(polyai.inputValue()).resolves.toBe('500');
    const failed = transcript().getByText(enUS.PolyaiContextTranscriptFailed);
    await failed.waitFor();
    await expect(transcript().getByText(turnTexts[0]).count()).resolves.toBe(0);

    await switchPolyai('ok');
    await expect(polyai.inputValue()).resolves.toBe('ok');
    await transcript().getByRole('button', { name: enUS.PolyaiContextRetry }).click();
    await transcript().getByText(turnTexts[turnTexts.length - 1]).waitFor();
    await expect(failed.count()).resolves.toBe(0);
    // The outage reached the browser as the Function's answer (PolyAI's 500 passed on), not as a crash.
    expect(preview().functionErrors.some((line) => line.includes('/polyai-conversation') && line.includes('status of 500'))).toBe(true);
  });

  it('made no console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
