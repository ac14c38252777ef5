import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** What the plugin renders into Flex: its tab and its task list badges. */
const PLUGIN_ROOTS = ['[data-testid="polyai-context"]', '[data-testid="polyai-task-badge"]'];

const lines = (label: string, violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) =>
  violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${label}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);

/**
 * Waits for the page's finite CSS transitions and animations to end (spinners run forever and are left out).
 * Flex fades a task canvas tab in over 150 ms: axe run mid-fade measures contrast through the opacity and
 * reports text that is fine once shown (a loaded CI machine caught it).
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** axe's serious and critical violations in the plugin's own output on the page once it has settled (`label` prefixes them). */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  await settled(page);
  let builder = new AxeBuilder({ page });
  for (const root of PLUGIN_ROOTS) builder = builder.include(root);
  return lines(label, (await builder.analyze()).violations);
}

/** The same for the rest of the page (Flex's own UI and the preview's bar): listed in the test log, not failed. */
export async function hostViolations(page: Page, label: string): Promise<string[]> {
  await settled(page);
  let builder = new AxeBuilder({ page });
  for (const root of PLUGIN_ROOTS) builder = builder.exclude(root);
  return lines(label, (await builder.analyze()).violations);
}
