/**
 * Accessibility of the plugin inside real Flex: the agent works it with the keyboard alone (select, accept,
 * open the tab, operate its controls), and axe finds no serious or critical violation in the plugin's own
 * output in Flex's light or dark theme. Flex's own violations are listed in the log, not failed.
 */
import type { Locator, Page } from 'playwright-core';

import { enUS } from '../../src/strings/en-US';
import { hostViolations, seriousViolations } from './support/axe';
import { canvasTab, contextSection, expectCleanRun, previewForThisFile, sampleTask, taskItem, waitForReservationStatus, waitForSelected, waitForSelectedTab } from './support/preview';

const MAX_TAB_PRESSES = 200;

const preview = previewForThisFile();

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Presses Tab until `target` has focus; fails after MAX_TAB_PRESSES. */
async function tabTo(page: Page, target: Locator, key = 'Tab'): Promise<void> {
  for (let press = 0; press < MAX_TAB_PRESSES; press += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${String(target)} never received focus after ${MAX_TAB_PRESSES} presses of ${key}`);
}

/** Marks the plugin's own tab stops, tabs through the whole page once, and returns the ones never reached. */
async function unreachedPluginStops(page: Page): Promise<string[]> {
  const stops = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, [tabindex]';
    const root = document.querySelector('[data-testid="polyai-context"]');
    const elements = Array.from(root?.querySelectorAll<HTMLElement>(selector) ?? []).filter(
      (element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && element.getClientRects().length > 0,
    );
    elements.forEach((element, index) => element.setAttribute('data-plugin-stop', String(index)));
    return elements.map((element) => element.getAttribute('aria-label') ?? element.textContent ?? element.tagName);
  });
  expect(stops.length).toBeGreaterThan(5);
  const visited = new Set<string>();
  await page.locator('body').focus();
  for (let press = 0; press < MAX_TAB_PRESSES * 2; press += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => document.activeElement?.getAttribute('data-plugin-stop') ?? null);
    if (stop !== null) visited.add(stop);
    if (visited.size === stops.length) break;
  }
  return stops.filter((_, index) => !visited.has(String(index)));
}

describe('real Flex: accessibility of the plugin', () => {
  it('selects, accepts and opens a PolyAI task with the keyboard alone, then operates the tab', async () => {
    const { page } = preview();
    await preview().open();
    const verified = sampleTask('verified');
    // Flex's task list item is a role=button: Enter selects it.
    await tabTo(page, taskItem(page, 'verified'));
    await page.keyboard.press('Enter');
    await waitForSelected(page, verified.sid);
    // Flex's Accept on the task canvas.
    await tabTo(page, page.locator('.Twilio-IncomingTask-Accept'));
    await page.keyboard.press('Enter');
    await waitForReservationStatus(page, verified.sid, 'accepted');
    // Flex's tab headers are role=button elements: Enter opens ours.
    const tab = canvasTab(page, enUS.PolyaiContextTabLabel);
    await tabTo(page, tab);
    await page.keyboard.press('Enter');
    await waitForSelectedTab(page, enUS.PolyaiContextTabLabel);
    // Inside the tab: reveal the caller's masked date of birth in the transcript with Space (the account
    // number came masked from PolyAI, so it has nothing to reveal).
    const transcript = contextSection(page, 'transcript');
    await tabTo(page, transcript.getByRole('button', { name: enUS.PolyaiContextRevealTurn }));
    await page.keyboard.press('Space');
    await expect(transcript.getByRole('button', { name: enUS.PolyaiContextHideTurn }).getAttribute('aria-pressed')).resolves.toBe('true');
    // The theme switch, with Space.
    await tabTo(page, page.getByRole('button', { name: 'Dark theme' }), 'Shift+Tab');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it("reaches every one of the plugin's controls with Tab", async () => {
    const { page } = preview();
    await preview().open('?task=verified');
    await page.getByTestId('polyai-context').waitFor();
    await expect(unreachedPluginStops(page)).resolves.toEqual([]);
  });

  for (const theme of ['light', 'dark']) {
    it(`has no serious or critical axe violations of its own in Flex's ${theme} theme`, async () => {
      const { page } = preview();
      const found: string[] = [];
      const flexOwn: string[] = [];
      // A clean context, a partial one (warning alert) and an unavailable one (error alert), panel open.
      for (const task of ['verified', 'partial', 'fetch-failed']) {
        await preview().open(`?task=${task}&theme=${theme}&panel=attributes`);
        await page.getByTestId('polyai-context').waitFor();
        found.push(...(await seriousViolations(page, task)));
        flexOwn.push(...(await hostViolations(page, task)));
      }
      // Flex's own UI is not ours to fix: listed for the record.
      if (flexOwn.length > 0) console.log(`axe on Flex's own UI (${theme}), not failed:\n${flexOwn.join('\n')}`);
      expect(found).toEqual([]);
    });
  }

  it("measures contrast only once Flex's tab has faded in, however slowly it fades", async () => {
    // A loaded CI machine once ran axe during Flex's 150 ms fade-in and failed on text that is fine when shown.
    // Slowed 20×, the fade lasts 3 s: axe must still see the settled tab.
    const { page } = preview();
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Animation.enable');
    await devtools.send('Animation.setPlaybackRate', { playbackRate: 0.05 });
    try {
      await preview().open('?task=fetch-failed&theme=dark');
      await page.getByTestId('polyai-context').waitFor();
      await expect(seriousViolations(page, 'slow fade')).resolves.toEqual([]);
    } finally {
      await devtools.send('Animation.setPlaybackRate', { playbackRate: 1 });
      await devtools.detach();
    }
  });

  it('made no console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
