/**
 * The agent-visible latency, counted in Chromium inside real Flex: selecting and accepting a PolyAI
 * task renders its handoff fields from the task attributes with no network request at all; the only request,
 * once the PolyAI tab opens (here by `auto_select_tab` on Accept), is the one POST for the transcript's latest turns
 * to the `polyai-conversation` Function. Nothing is fetched for a task that was neither accepted nor opened.
 */
import type { Request } from 'playwright-core';

import { enUS } from '../../src/strings/en-US';
import { fixture } from '../support/fixtures';
import { contextSection, expectCleanRun, isTabSelected, previewForThisFile, sampleTask, selectTask, taskItem, waitForReservationStatus, waitForSelectedTab } from './support/preview';

const verified = fixture('handoff-state-verified.json') as { id: string; data: { summary: string; caller_name: string; slots: { merchant: string } } };
const conversation = fixture('conversation.json') as { turns: Array<{ user_input?: string; agent_response?: string }> };
const lastTurn = conversation.turns[conversation.turns.length - 1];

const preview = previewForThisFile();

describe('offline preview: network requests on accepting a PolyAI task', () => {
  it('shows the handoff fields with zero requests; the transcript is the one POST after the tab opens', async () => {
    const { page } = preview();
    // Start on a call without PolyAI data, on Flex's Info tab: nothing for the plugin to fetch.
    await preview().open('?task=not-polyai&tab=info&autoSelect=on');
    await page.evaluate(() => document.fonts.ready);
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    const seen = () => requests.map((request) => `${request.method()} ${request.url()}`);

    // Selecting the ringing PolyAI task: its badge is already in the list, its canvas opens on Info.
    await selectTask(page, 'verified');
    await expect(taskItem(page, 'verified').getByTestId('polyai-task-badge').count()).resolves.toBe(1);
    await expect(isTabSelected(page, enUS.PolyaiContextTabLabel)).resolves.toBe(false);
    expect(seen()).toEqual([]);

    // Hold the transcript's answer, to see what the agent sees before any byte comes back.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`${preview().functionsUrl}/polyai-conversation`, async (route) => {
      await held;
      await route.continue();
    });

    // Accepting it: the plugin's afterAcceptTask listener opens the PolyAI tab, the fields render at once.
    await page.locator('.Twilio-IncomingTask-Accept').click();
    await waitForReservationStatus(page, sampleTask('verified').sid, 'accepted');
    await waitForSelectedTab(page, enUS.PolyaiContextTabLabel);
    await contextSection(page, 'summary').getByText(verified.data.summary).waitFor();
    await contextSection(page, 'caller').getByText(verified.data.caller_name).waitFor();
    await contextSection(page, 'fields').getByText(verified.data.slots.merchant).waitFor();
    await contextSection(page, 'transcript').getByText(enUS.PolyaiContextTranscriptLoading).waitFor();
    expect(seen()).toEqual([`POST ${preview().functionsUrl}/polyai-conversation`]);

    release();
    await contextSection(page, 'transcript').getByText(lastTurn.agent_response ?? lastTurn.user_input ?? '').waitFor();
    // Searching the loaded transcript is local too.
    await contextSection(page, 'transcript').getByRole('searchbox').fill('charged');
    await contextSection(page, 'transcript').locator('mark').first().waitFor();
    expect(seen()).toEqual([`POST ${preview().functionsUrl}/polyai-conversation`]);

    // The one request carries the agent's Flex token, the task it shows, the call's id and that it wants the
    // latest turns (this call is shorter than that: the whole of it came back, so searching asked nothing more).
    const body = requests[0].postDataJSON() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['Token', 'conversationId', 'taskSid', 'turns']);
    expect(body.turns).toBe('latest');
    expect(body.conversationId).toBe(verified.id);
    expect(body.taskSid).toBe(sampleTask('verified').taskSid);
    expect(typeof body.Token).toBe('string');
    await expect(requests[0].response().then((response) => response?.status())).resolves.toBe(200);
  });

  it('made no console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
