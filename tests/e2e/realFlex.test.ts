/**
 * What real Flex does differently from an imitation, each with the plugin's fix (issue 13): the tab chosen
 * on Accept survives Flex's own reset in both event orders and yields to the agent's choice; a tab failure
 * reaches the admin with Flex's default configuration (and Monitor when enabled); the task list badge sits
 * inside Flex's list item; wrap-up and completion in Flex's lifecycle.
 */
import type { Page } from 'playwright-core';

import { enUS } from '../../src/strings/en-US';
import { acceptTask, contextSection, expectCleanRun, isTabSelected, openTab, previewForThisFile, sampleTask, selectTask, taskItem, waitForReservationStatus, waitForSelected } from './support/preview';

const TAB = enUS.PolyaiContextTabLabel;
const preview = previewForThisFile();

/** Lets Flex process whatever reservation updates and resets are still queued. */
const settle = (page: Page) => page.waitForTimeout(400);

const selectedTabName = (page: Page) =>
  page.evaluate(() => (window.previewRuntime?.flex.store.getState() as { flex: { view: { componentViewStates: Record<string, { selectedTabName?: string }> } } }).flex.view.componentViewStates.AgentTaskCanvasTabs?.selectedTabName);

describe('real Flex: auto_select_tab on Accept', () => {
  for (const order of ['late', 'early'] as const) {
    it(`shows the PolyAI tab after Accept when the accepted update comes ${order === 'late' ? 'after' : 'before'} the action`, async () => {
      const { page } = preview();
      await preview().open(`?autoSelect=on&accepted=${order}`);
      await acceptTask(page, 'verified');
      await settle(page);
      await expect(selectedTabName(page)).resolves.toBe('polyai-context');
      await expect(isTabSelected(page, TAB)).resolves.toBe(true);
      await contextSection(page, 'summary').waitFor();
    });
  }

  it("respects the agent's own tab choice after Accept, through later status changes", async () => {
    const { page } = preview();
    await preview().open('?autoSelect=on');
    await acceptTask(page, 'unverified');
    await settle(page);
    await expect(isTabSelected(page, TAB)).resolves.toBe(true);
    await openTab(page, 'Info');
    await settle(page);
    await expect(isTabSelected(page, 'Info')).resolves.toBe(true);
    // Another task and back, then wrap-up: Flex's resets are Flex's, the PolyAI tab is not forced again.
    await selectTask(page, 'minimal');
    await selectTask(page, 'unverified');
    await settle(page);
    await expect(isTabSelected(page, TAB)).resolves.toBe(false);
    const { sid } = sampleTask('unverified');
    await page.evaluate((reservation) => window.Twilio.Flex.Actions.invokeAction('WrapupTask', { sid: reservation }), sid);
    await waitForReservationStatus(page, sid, 'wrapping');
    await settle(page);
    await expect(selectedTabName(page)).resolves.not.toBe('polyai-context');
  });

  it('leaves Flex’s default tab on Accept when auto_select_tab is off (the default), fetching nothing', async () => {
    const { page } = preview();
    await preview().open();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(preview().functionsUrl)) requests.push(request.url());
    });
    await acceptTask(page, 'studio');
    await settle(page);
    await expect(isTabSelected(page, TAB)).resolves.toBe(false);
    await expect(page.getByTestId('polyai-context').count()).resolves.toBe(0);
    expect(requests).toEqual([]);
  });
});

describe('real Flex: the task lifecycle', () => {
  it('switches tasks and back, wraps up and completes a PolyAI task', async () => {
    const { page } = preview();
    await preview().open();
    await acceptTask(page, 'verified');
    await openTab(page, TAB);
    await contextSection(page, 'summary').waitFor();
    await selectTask(page, 'not-polyai');
    await expect(page.getByTestId('polyai-context').count()).resolves.toBe(0);
    await selectTask(page, 'verified');
    await openTab(page, TAB);
    await contextSection(page, 'summary').waitFor();
    // Flex's own actions, as its Wrap up and Complete buttons invoke them; TaskRouter's updates follow.
    const { sid } = sampleTask('verified');
    await page.evaluate((reservation) => window.Twilio.Flex.Actions.invokeAction('WrapupTask', { sid: reservation }), sid);
    await waitForReservationStatus(page, sid, 'wrapping');
    await openTab(page, TAB);
    await contextSection(page, 'summary').waitFor();
    await page.evaluate((reservation) => window.Twilio.Flex.Actions.invokeAction('CompleteTask', { sid: reservation }), sid);
    await waitForReservationStatus(page, sid, undefined);
    await expect(page.getByTestId('task-item').count()).resolves.toBe(8);
  });
});

describe('real Flex: the task list badge', () => {
  it("sits inside Flex's task list item: in its row, its clickable area and focus ring", async () => {
    const { page } = preview();
    await preview().open();
    const badge = taskItem(page, 'partial').getByTestId('polyai-task-badge');
    await expect(badge.innerText()).resolves.toBe(enUS.PolyaiContextTaskBadge);
    const [itemBox, badgeBox] = await Promise.all([taskItem(page, 'partial').boundingBox(), badge.boundingBox()]);
    expect(badgeBox!.y).toBeGreaterThanOrEqual(itemBox!.y);
    expect(badgeBox!.y + badgeBox!.height).toBeLessThanOrEqual(itemBox!.y + itemBox!.height);
    await badge.click();
    await waitForSelected(page, sampleTask('partial').sid);
  });
});

describe('real Flex: failures reach the admin, never the agent’s desktop', () => {
  /**
   * Makes the tab's render fail once, as a broken runtime would: the verified sample's confidence (0.91)
   * is the one value the tab rounds to a percentage (91) while rendering; that rounding throws, once.
   */
  const breakConfidenceRounding = (page: Page) =>
    page.evaluate(() => {
      const round = Math.round;
      Math.round = (value: number) => {
        if (Math.abs(value - 91) < 1e-6) {
          Math.round = round;
          throw new RangeError('rounding failed');
        }
        return round(value);
      };
    });

  it("reports a tab failure in the console with Flex's default configuration", async () => {
    const { page } = preview();
    await preview().open();
    await breakConfidenceRounding(page);
    const before = preview().incidents.length;
    await selectTask(page, 'verified');
    await openTab(page, TAB);
    await page.getByText(enUS.PolyaiContextSectionFault).first().waitFor();
    // The failure's own lines (ours, and React's log of the caught error) are expected here, not incidents.
    const lines = preview().incidents.splice(before);
    expect(lines.filter((line) => line.includes('[PolyaiContextPlugin] PolyAI Context tab: RangeError: rounding failed'))).toHaveLength(1);
  });

  it("reaches Flex's Monitor (the Twilio Debugger) when the admin enabled Flex's debugger integration", async () => {
    const { page } = preview();
    await preview().open('?debugger=on');
    await breakConfidenceRounding(page);
    const before = preview().incidents.length;
    await selectTask(page, 'verified');
    await openTab(page, TAB);
    await page.getByText(enUS.PolyaiContextSectionFault).first().waitFor();
    preview().incidents.splice(before);
    const errors = await page.evaluate(() => JSON.stringify(window.Twilio.Flex.Monitor.getErrors()));
    expect(errors).toContain('PolyAI Context tab: RangeError: rounding failed');
  });
});

describe('real Flex: clean run', () => {
  it('made no other console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
