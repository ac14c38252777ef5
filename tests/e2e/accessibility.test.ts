/**
 * Accessibility of the plugin in the preview desktop: every control is reachable by keyboard alone, and
 * axe finds no serious or critical violation in Flex's light or dark theme.
 */
import type { Page } from 'playwright-core';

import { enUS } from '../../src/strings/en-US';
import { seriousViolations } from './support/axe';
import { canvasTab, previewForThisFile } from './support/preview';

const MAX_TAB_PRESSES = 80;

const preview = previewForThisFile();

/** Marks every element that should be a tab stop, and returns how many there are. */
function markTabStops(page: Page): Promise<number> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, [tabindex]';
    const stops = Array.from(document.querySelectorAll<HTMLElement>(selector)).filter(
      (element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && element.getClientRects().length > 0,
    );
    stops.forEach((element, index) => element.setAttribute('data-tab-stop', String(index)));
    return stops.length;
  });
}

/** Presses Tab until focus wraps, returning the tab stops it visited. */
async function tabThrough(page: Page): Promise<Set<string>> {
  const visited = new Set<string>();
  await page.locator('body').focus();
  for (let press = 0; press < MAX_TAB_PRESSES; press += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => document.activeElement?.getAttribute('data-tab-stop') ?? null);
    if (stop !== null) {
      if (visited.has(stop)) break;
      visited.add(stop);
    }
  }
  return visited;
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('offline preview: accessibility', () => {
  it('reaches every control with the keyboard alone, and operates them', async () => {
    const { page } = preview();
    await preview().open('?task=verified&panel=attributes');
    const expected = await markTabStops(page);
    expect(expected).toBeGreaterThan(10);
    const visited = await tabThrough(page);
    expect(visited.size).toBe(expected);

    // The tab strip is one tab stop; arrow keys move between tabs and select them.
    await canvasTab(page, enUS.PolyaiContextTabLabel).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(focusedText(page)).resolves.toBe('Info');
    await expect(canvasTab(page, 'Info').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('End');
    await expect(focusedText(page)).resolves.toBe(enUS.PolyaiContextTabLabel);
    await page.getByTestId('polyai-context').waitFor();

    // A task is chosen with Enter, the theme with Space.
    await page.locator('[data-task="unverified"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-task="unverified"][aria-current="true"]').waitFor();
    await page.getByRole('button', { name: 'Dark theme' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  for (const theme of ['light', 'dark']) {
    it(`has no serious or critical axe violations in the ${theme} theme`, async () => {
      const { page } = preview();
      const found: string[] = [];
      // A clean context, a partial one (warning alert) and an unavailable one (error alert), panel open.
      for (const task of ['verified', 'partial', 'fetch-failed']) {
        await preview().open(`?task=${task}&theme=${theme}&panel=attributes`);
        await page.getByTestId('polyai-context').waitFor();
        found.push(...(await seriousViolations(page, task)));
      }
      expect(found).toEqual([]);
    });
  }

  it('made no console errors, warnings or dialogs', () => {
    expect(preview().incidents).toEqual([]);
  });
});
