import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** What the plugin renders into Flex: its tab and its task list badges. */
const PLUGIN_ROOTS = ['[data-testid="polyai-context"]', '[data-testid="polyai-task-badge"]'];

const lines = (label: string, violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) =>
  violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${label}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);

/** axe's serious and critical violations in the plugin's own output on the page as it is now (`label` prefixes them). */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  for (const root of PLUGIN_ROOTS) builder = builder.include(root);
  return lines(label, (await builder.analyze()).violations);
}

/** The same for the rest of the page (Flex's own UI and the preview's bar): listed in the test log, not failed. */
export async function hostViolations(page: Page, label: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  for (const root of PLUGIN_ROOTS) builder = builder.exclude(root);
  return lines(label, (await builder.analyze()).violations);
}
