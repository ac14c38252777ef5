/**
 * What real Flex does differently from an imitation, each with the plugin's fix: the tab chosen
 * on Accept survives Flex's own reset in both event orders and yields to the agent's choice; a tab failure
 * reaches the admin with Flex's default configuration (and Monitor when enabled); the task list badge sits
 * inside Flex's list item; wrap-up and completion in Flex's lifecycle.
 */
import type { Page } from 'playwright-core';

import { enUS } from '../../src/strings/en-US';
import { STRING_TABLES } from '../../src/strings/languages';
import { acceptTask, canvasTab, contextSection, expectCleanRun, isTabSelected, openTab, previewForThisFile, sampleTask, selectTask, taskItem, waitForReservationStatus, waitForSelected } from './support/preview';

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
    // Built with the canvas, as Flex builds its own tabs, but not shown until the agent opens it.
    await expect(page.getByTestId('polyai-context').isVisible()).resolves.toBe(false);
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
    // The production bundle's minifier keeps component names: the report says where in the tab it failed.
    expect(lines.filter((line) => /\(Components: AtAGlance < .* < HandoffContextView < .* < PolyaiContextTabContent\b/.test(line))).toHaveLength(1);
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

describe('real Flex: a Flex session that is gone', () => {
  it("asks the Functions without a token when Flex's manager.user throws, and the tab says the load failed", async () => {
    const { page, functionsUrl } = preview();
    await preview().open();
    await acceptTask(page, 'verified');
    // Real Flex's `manager.user` is a getter that throws while there is no session (before the login completes,
    // after a logout). Flex's own desktop needs its session to render, so only the manager's getter is made to
    // throw, as Flex's does; the plugin reads the token from the same manager.
    await page.evaluate(() => {
      Object.defineProperty(window.Twilio.Flex.Manager.getInstance(), 'user', {
        configurable: true,
        get() {
          throw new TypeError("Cannot read properties of undefined (reading 'permissions')");
        },
      });
    });
    try {
      const request = page.waitForRequest(`${functionsUrl}/polyai-conversation`);
      await openTab(page, TAB);
      expect(((await request).postDataJSON() as { Token?: unknown }).Token).toBe('');
      // The Functions refuse a missing token; the agent sees the transcript's failure, not a broken tab.
      await contextSection(page, 'transcript').getByTestId('polyai-transcript').waitFor();
      await expect(page.getByText(enUS.PolyaiContextSectionFault).count()).resolves.toBe(0);
    } finally {
      await page.evaluate(() => Reflect.deleteProperty(window.Twilio.Flex.Manager.getInstance(), 'user'));
    }
  });
});

describe("real Flex: the plugin's Paste is themed wherever Flex renders it", () => {
  /**
   * Flex's own task list buttons (with the plugin's badge) rendered into a second React root, under Flex's
   * store and context but outside RootContainer, so outside any wrapper `setProviders` adds: the plugin's
   * Paste pieces must still have their theme there.
   */
  const renderOutsideRootContainer = (page: Page, sid: string) =>
    page.evaluate((reservation) => {
      const { React, ReactDOM, ReactRedux } = window as unknown as { React: typeof import('react'); ReactDOM: typeof import('react-dom'); ReactRedux: typeof import('react-redux') };
      const Flex = window.Twilio.Flex;
      const { flex } = window.previewRuntime!;
      const task = (flex.store.getState() as { flex: { worker: { tasks: Map<string, unknown> } } }).flex.worker.tasks.get(reservation);
      const host = document.createElement('div');
      host.id = 'outside-root-container';
      document.body.appendChild(host);
      const h = React.createElement;
      ReactDOM.render(
        h(ReactRedux.Provider, { store: flex.store }, h(Flex.ContextProvider, { manager: flex.manager }, h(Flex.TaskListButtons as never, { task }))),
        host,
      );
    }, sid);

  for (const theme of ['light', 'dark'] as const) {
    it(`themes the task list badge outside RootContainer's wrappers (${theme})`, async () => {
      const { page } = preview();
      await preview().open(theme === 'dark' ? '?theme=dark' : '');
      const { sid } = sampleTask('verified');
      await selectTask(page, 'verified');
      await openTab(page, TAB);
      await contextSection(page, 'summary').waitFor();
      await renderOutsideRootContainer(page, sid);
      const outside = page.locator('#outside-root-container');
      const badge = outside.getByTestId('polyai-task-badge');
      await expect(badge.innerText()).resolves.toBe(enUS.PolyaiContextTaskBadge);
      // Paste's theme gives the badge its colours, corners and spacing; without one they are left unset.
      const style = (locator: typeof badge) =>
        locator.locator('span').first().evaluate((element) => {
          const { backgroundColor, color, borderRadius, paddingLeft, fontFamily } = getComputedStyle(element);
          return { backgroundColor, color, borderRadius, paddingLeft, fontFamily };
        });
      const inside = await style(taskItem(page, 'verified').getByTestId('polyai-task-badge'));
      const themed = await style(badge);
      expect(themed.backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
      expect(themed.paddingLeft).not.toBe('0px');
      expect(themed).toEqual(inside);
    });
  }
});

describe("real Flex: the four languages, from Flex's own language setting", () => {
  const HEADINGS = ['PolyaiContextSummaryHeading', 'PolyaiContextGlanceHeading', 'PolyaiContextVerificationHeading', 'PolyaiContextFieldsHeading', 'PolyaiContextTranscriptHeading'] as const;

  for (const [language, strings] of Object.entries(STRING_TABLES)) {
    it(`shows the tab, its headings and the search box in ${language}`, async () => {
      const { page } = preview();
      await preview().open(`?lang=${language}&task=verified`);
      await canvasTab(page, strings.PolyaiContextTabLabel).waitFor();
      await contextSection(page, 'transcript').getByRole('searchbox', { name: strings.PolyaiContextSearchLabel }).waitFor();
      const headings = await page.getByTestId('polyai-context').getByRole('heading').allInnerTexts();
      for (const key of HEADINGS) {
        expect(headings).toContain(strings[key]);
        // Every other language's heading is absent (where the words differ).
        for (const other of Object.values(STRING_TABLES)) if (other[key] !== strings[key]) expect(headings).not.toContain(other[key]);
      }
      await expect(canvasTab(page, strings.PolyaiContextTabLabel).count()).resolves.toBe(1);
    });
  }
});

describe('real Flex: clean run', () => {
  it('made no other console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
