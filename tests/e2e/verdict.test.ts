/**
 * The verdict in Chromium, on the real-Flex offline preview: the agent's verdict goes through the built
 * `polyai-verdict` Function (Flex token, CORS preflight, the TaskRouter stand-in with ETags) and a stored verdict
 * shows again from the task attributes alone. The supervisor's read-only view, in Flex's supervisor task canvas,
 * is tests/e2e/verdictSupervisor.test.ts.
 */
import type { Request } from 'playwright-core';

import { enUS } from '../../src/strings/en-US';
import { acceptTask, contextSection, expectCleanRun, openTab, pasteAttributes, pastedTaskItem, previewForThisFile, selectedTaskSid, waitForPastedTask, waitForReservationStatus } from './support/preview';

const preview = previewForThisFile();
const verdictSection = () => contextSection(preview().page, 'verdict');
const choice = (name: string) => verdictSection().getByRole('button', { name, exact: true });
const reasonSelect = () => verdictSection().getByLabel(enUS.PolyaiContextVerdictReasonLabel);

/** Records every request the page makes to the verdict Function from now on. */
function verdictRequests(): Request[] {
  const requests: Request[] = [];
  preview().page.on('request', (request) => {
    if (request.url() === `${preview().functionsUrl}/polyai-verdict`) requests.push(request);
  });
  return requests;
}

describe("offline preview: the agent's verdict", () => {
  it('stores the verdict with one click, then a reason, then a changed mind — through the Function and TaskRouter', async () => {
    const { page, functionsUrl } = preview();
    await preview().open();
    const requests = verdictRequests();
    await acceptTask(page, 'verified');
    await openTab(page, enUS.PolyaiContextTabLabel);
    await verdictSection().waitFor();
    await expect(choice(enUS.PolyaiContextVerdictWrong).getAttribute('aria-pressed')).resolves.toBe('false');
    expect(requests).toEqual([]); // nothing is sent before the agent chooses

    const saved = (verdict: string, reason: string | null) =>
      page.waitForResponse(async (response) => {
        if (response.url() !== `${functionsUrl}/polyai-verdict` || response.request().method() !== 'POST') return false;
        const body = await response.json();
        return body?.verdict?.verdict === verdict && body.verdict.reason === reason;
      });

    const first = saved('wrong', null);
    await choice(enUS.PolyaiContextVerdictWrong).click();
    const firstResponse = await first;
    expect(firstResponse.status()).toBe(200);
    await expect(firstResponse.json()).resolves.toMatchObject({ verdict: { verdict: 'wrong', reason: null, by: 'agent' }, insights: true });
    await verdictSection().getByText(enUS.PolyaiContextVerdictSaved).waitFor();
    await expect(choice(enUS.PolyaiContextVerdictWrong).getAttribute('aria-pressed')).resolves.toBe('true');

    // The reason, from the keyboard.
    const second = saved('wrong', 'wrong_intent');
    await reasonSelect().focus();
    await reasonSelect().selectOption('wrong_intent');
    await second;
    await verdictSection().getByText(enUS.PolyaiContextVerdictSaved).waitFor();

    // Changed mind: "Context right" drops the reason, and the stand-in's ETag moved on each time.
    const third = saved('right', null);
    await choice(enUS.PolyaiContextVerdictRight).press('Enter');
    await third;
    await expect(reasonSelect().count()).resolves.toBe(0);
    const posts = requests.filter((request) => request.method() === 'POST').map((request) => request.postDataJSON() as Record<string, unknown>);
    expect(posts.map(({ verdict, reason }) => [verdict, reason])).toEqual([
      ['wrong', null],
      ['wrong', 'wrong_intent'],
      ['right', null],
    ]);
    expect(posts.every((body) => typeof body.Token === 'string' && /^WT\d{32}$/.test(String(body.taskSid)))).toBe(true);
  });

  it('shows a stored verdict again from the task attributes, making no request', async () => {
    const { page } = preview();
    await preview().open('?panel=attributes');
    const requests = verdictRequests();
    const attributes = {
      type: 'inbound',
      polyai: { data: { summary: 'Returning to a task the agent already marked', intent: 'dispute_charge' } },
      polyai_verdict: { verdict: 'incomplete', reason: 'missing_data', by: 'agent', at: '2026-11-30T06:00:00.000Z', insights_keys: [] },
    };
    const before = await page.getByTestId('task-item').count();
    await pasteAttributes(page, JSON.stringify(attributes));
    await waitForPastedTask(page, before);
    await pastedTaskItem(page).click();
    await openTab(page, enUS.PolyaiContextTabLabel);
    // The pasted task is still ringing: the verdict shows read-only until the agent accepts it.
    await verdictSection().getByTestId('polyai-verdict-stored').filter({ hasText: 'Incomplete: Missing data' }).waitFor();
    expect(requests).toEqual([]);
  });

  it('stores the verdict of a pasted task the agent accepted (the preview holds pasted tasks for its agent)', async () => {
    const { page, functionsUrl } = preview();
    await preview().open('?panel=attributes');
    const before = await page.getByTestId('task-item').count();
    await pasteAttributes(page, JSON.stringify({ type: 'inbound', polyai: { data: { summary: 'Pasted from a Studio flow', intent: 'dispute_charge' } } }));
    await waitForPastedTask(page, before);
    await pastedTaskItem(page).click();
    const sid = String(await selectedTaskSid(page));
    await page.locator('.Twilio-IncomingTask-Accept').click();
    await waitForReservationStatus(page, sid, 'accepted');
    await openTab(page, enUS.PolyaiContextTabLabel);
    const response = page.waitForResponse((answer) => answer.url() === `${functionsUrl}/polyai-verdict` && answer.request().method() === 'POST');
    await choice(enUS.PolyaiContextVerdictRight).click();
    expect((await response).status()).toBe(200);
    await verdictSection().getByText(enUS.PolyaiContextVerdictSaved).waitFor();
  });

  it('made no console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
