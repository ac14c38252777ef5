/**
 * The visual rules, measured in the real plugin in Chromium: the at-a-glance line above the fold
 * at 1024×640 even under a warning, nothing wider than the panel, two columns when the panel is wide,
 * search highlights that stand out from both bubbles in both themes, and labels level with their values.
 */
import type { Page } from 'playwright-core';

import { enUS } from '../../src/strings/en-US';
import { contrast } from './support/contrast';
import { contextSection, expectCleanRun, openPastedTask, openTab, pasteAttributes, previewForThisFile } from './support/preview';

const preview = previewForThisFile();

const glance = (page: Page) => page.getByTestId('polyai-glance');

/** Opens the desktop at this window size; with a sample selected, opens its PolyAI tab in Flex's task canvas. */
async function showTab(query: string, size = { width: 1024, height: 640 }): Promise<Page> {
  const { page } = preview();
  await page.setViewportSize(size);
  await preview().open(query);
  if (!query.includes('task=')) return page;
  await openTab(page, enUS.PolyaiContextTabLabel);
  await glance(page).or(page.getByTestId('polyai-context')).first().waitFor();
  return page;
}

describe('PolyAI Context tab layout', () => {
  it('keeps Verified, the intent and the reason above the fold at 1024×640, above the warning', async () => {
    const page = await showTab('?task=partial');
    const box = await glance(page).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(640);
    const warning = await page.getByText(enUS.PolyaiContextPartialTitle).boundingBox();
    expect(warning!.y).toBeGreaterThan(box!.y + box!.height - 1);
    // One line: the badge, the intent and the reason share a row at this width.
    const tops = await glance(page).locator('[data-paste-element="BADGE"], [data-testid="polyai-glance-reason"]').evaluateAll((elements) =>
      elements.map((element) => Math.round(element.getBoundingClientRect().top + element.getBoundingClientRect().height / 2)),
    );
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
  });

  it('never draws anything wider than the panel: long summaries are cut, unbroken strings wrap', async () => {
    const page = await showTab('?panel=attributes');
    const unbroken = 'X'.repeat(30) + 'https://example.com/'.repeat(12) + 'Y'.repeat(200);
    const tasksBefore = await page.getByTestId('task-item').count();
    await pasteAttributes(page, JSON.stringify({
      polyai: {
        data: {
          summary: `${'A long summary sentence the caller went on about. '.repeat(40)}`,
          intent: 'dispute_charge',
          verification: { successfully_identified: true },
          caller_name: unbroken,
          notes: unbroken,
          utterance: unbroken,
        },
      },
    }));
    await openPastedTask(page, tasksBefore);
    const region = page.getByTestId('polyai-context');
    await region.waitFor();
    const overflow = await region.evaluate((element) => {
      const limit = element.getBoundingClientRect().right + 0.5;
      const wide = Array.from(element.querySelectorAll('*')).filter((child) => child.getBoundingClientRect().right > limit);
      return { scroll: element.scrollWidth - element.clientWidth, wide: wide.map((child) => `${child.tagName.toLowerCase()}[data-paste-element=${child.getAttribute("data-paste-element") ?? ""}] ${(child.textContent ?? "").slice(0, 40)}`) };
    });
    expect(overflow).toEqual({ scroll: 0, wide: [] });
    // The summary is cut with "Show more", so the Verification card is still within the first screen.
    await expect(contextSection(page, 'summary').getByRole('button', { name: enUS.PolyaiContextShowMore }).isVisible()).resolves.toBe(true);
    const summaryHeight = (await contextSection(page, 'summary').boundingBox())!.height;
    expect(summaryHeight).toBeLessThan(640 / 2);
  });

  it('uses two columns when the panel is wide, one when it is narrow', async () => {
    const columnsOf = async (page: Page) => {
      const lefts = await Promise.all(['summary', 'handoff', 'verification'].map(async (id) => Math.round((await contextSection(page, id).boundingBox())!.x)));
      return new Set(lefts).size;
    };
    await expect(columnsOf(await showTab('?task=verified', { width: 1920, height: 1080 }))).resolves.toBeGreaterThanOrEqual(2);
    await expect(columnsOf(await showTab('?task=verified', { width: 1024, height: 640 }))).resolves.toBeGreaterThanOrEqual(2);
    await expect(columnsOf(await showTab('?task=verified', { width: 720, height: 640 }))).resolves.toBe(1);
  });

  it.each(['light', 'dark'])('highlights every search match at ≥ 3:1 against its bubble (%s theme)', async (theme) => {
    const page = await showTab(`?task=verified&theme=${theme}`, { width: 1280, height: 800 });
    const transcript = contextSection(page, 'transcript');
    await transcript.getByRole('searchbox').fill('charge');
    await transcript.locator('mark').first().waitFor();
    const pairs = await transcript.locator('mark').evaluateAll((marks) =>
      marks.map((mark) => {
        const bubble = mark.closest('[data-paste-element="CHAT_BUBBLE"], [data-paste-element="BADGE"]') as HTMLElement;
        return { mark: getComputedStyle(mark).backgroundColor, text: getComputedStyle(mark).color, bubble: getComputedStyle(bubble).backgroundColor };
      }),
    );
    // Matches in caller (inbound) and agent (outbound) bubbles and in badges alike.
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    expect(new Set(pairs.map((pair) => pair.bubble)).size).toBeGreaterThanOrEqual(2);
    for (const pair of pairs) {
      expect(contrast(pair.mark, pair.bubble)).toBeGreaterThanOrEqual(3);
      expect(contrast(pair.text, pair.mark)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('levels labels with values that carry a badge, and ends tables without a stray border', async () => {
    const page = await showTab('?task=verified', { width: 1280, height: 800 });
    const handoff = contextSection(page, 'handoff');
    const [labelTop, valueTop] = await handoff.evaluate((section) => {
      const label = section.querySelector('dt') as HTMLElement;
      const value = section.querySelector('dd span') as HTMLElement;
      const textTop = (element: HTMLElement) => {
        const range = document.createRange();
        range.selectNodeContents(element.firstChild?.nodeType === Node.TEXT_NODE ? element : (element.querySelector('span') as HTMLElement));
        return range.getClientRects()[0].bottom;
      };
      return [textTop(label), textTop(value)];
    });
    expect(Math.abs(labelTop - valueTop)).toBeLessThanOrEqual(2);
    const lastRowBorders = await contextSection(page, 'fields').evaluate((section) =>
      Array.from(section.querySelectorAll('tbody tr:last-of-type > *')).map((cell) => getComputedStyle(cell).borderBottomWidth),
    );
    expect(lastRowBorders.length).toBe(2);
    expect(new Set(lastRowBorders)).toEqual(new Set(['0px']));
  });

  it("keeps a captured field far below the fold in Chromium's accessibility tree, readable once scrolled to", async () => {
    const page = await showTab('?panel=attributes');
    const count = 300;
    const last = `value ${count - 1} zebra`;
    const data = Object.fromEntries(Array.from({ length: count }, (_, index) => [`field_${String(index).padStart(3, '0')}`, index === count - 1 ? last : `value ${index}`]));
    const tasksBefore = await page.getByTestId('task-item').count();
    await pasteAttributes(page, JSON.stringify({ polyai: { data: { summary: 'Many fields', intent: 'dispute_charge', ...data } } }));
    await openPastedTask(page, tasksBefore);
    const row = contextSection(page, 'fields').locator('tr', { has: page.getByRole('rowheader', { name: `Field ${count - 1}` }) });
    await row.waitFor({ state: 'attached' });
    await expect(row.evaluate((element) => element.getBoundingClientRect().top > window.innerHeight)).resolves.toBe(true);
    // What a screen reader reads: Chromium's own tree (rows whose rendering the browser skips, as with
    // content-visibility: auto, are left out of it), not Playwright's reading of the DOM.
    const devtools = await page.context().newCDPSession(page);
    const { root } = (await devtools.send('DOM.getDocument', { depth: 0 })) as { root: { backendNodeId: number } };
    const rolesNamed = async (accessibleName: string) =>
      ((await devtools.send('Accessibility.queryAXTree', { backendNodeId: root.backendNodeId, accessibleName })) as { nodes: Array<{ role?: { value?: string }; ignored?: boolean }> }).nodes
        .filter((node) => !node.ignored)
        .map((node) => node.role?.value);
    await expect(rolesNamed(`Field ${count - 1}`)).resolves.toContain('rowheader');
    await expect(rolesNamed(last)).resolves.toContain('StaticText');
    await devtools.detach();
    await row.scrollIntoViewIfNeeded();
    await expect(row.isVisible()).resolves.toBe(true);
    await expect(row.innerText()).resolves.toContain(last);
  });

  it('made no console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
