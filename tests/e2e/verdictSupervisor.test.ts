/**
 * In Chromium on real Flex: a supervisor monitoring an agent's live PolyAI call opens the
 * PolyAI Context tab in Flex's own supervisor task canvas (`Supervisor.TaskCanvas` › `Supervisor.TaskCanvasTabs`,
 * the preview's `?view=teams`): nothing is fetched until the tab is opened, the agent's verdict shows read-only.
 * What of Flex's Teams view runs offline (and what does not) is in preview/app/teams.tsx and docs/reporting.md.
 */
import type { Locator, Request } from 'playwright-core';

import { enUS } from '../../src/strings/en-US';
import { canvasTab, contextSection, expectCleanRun, openTab, previewForThisFile, sampleTask } from './support/preview';

const preview = previewForThisFile();
const verdictSection = () => contextSection(preview().page, 'verdict');
/** One agent of the team, with Flex's task card for their live call. */
const teamMember = (name: string): Locator => preview().page.locator('[data-preview-worker]').filter({ hasText: name });
const supervisorCanvas = () => preview().page.locator('[data-preview-supervisor-canvas]');

/** Every request the page makes to the preview's Functions from now on. */
function functionRequests(): Request[] {
  const requests: Request[] = [];
  preview().page.on('request', (request) => {
    if (request.url().startsWith(preview().functionsUrl)) requests.push(request);
  });
  return requests;
}

async function openTeamsView(): Promise<Request[]> {
  const { page } = preview();
  const requests = functionRequests();
  await preview().open('?view=teams&task=verified');
  // Flex's supervisor canvas for the monitored call, with its own Info tab beside the plugin's.
  await canvasTab(page, 'Info').waitFor();
  await canvasTab(page, enUS.PolyaiContextTabLabel).waitFor();
  return requests;
}

describe("offline preview: the supervisor's Teams view", () => {
  it("logs in a supervisor and opens Flex's own supervisor canvas for the monitored PolyAI call", async () => {
    await openTeamsView();
    const state = await preview().page.evaluate(() => {
      const flex = window.previewRuntime!.flex;
      const { supervisor } = (flex.store.getState() as { flex: { supervisor: { callMonitoring: { status: number; task: { sid: string } | null } } } }).flex;
      return { roles: flex.manager.user.roles, monitoring: supervisor.callMonitoring.status, monitored: supervisor.callMonitoring.task?.sid };
    });
    expect(state).toEqual({ roles: ['supervisor'], monitoring: 2, monitored: sampleTask('verified').sid });
    await expect(supervisorCanvas().getAttribute('data-preview-supervisor-canvas')).resolves.toBe(sampleTask('verified').sid);
    // The samples' dates are relative to now: Flex's card timers read minutes, as a live team's do, never days.
    const cards = await preview().page.locator('[data-preview-worker]').allInnerTexts();
    expect(cards.length).toBeGreaterThanOrEqual(3);
    for (const card of cards) expect(card.replace(/\s+/g, ' ')).toMatch(/ \d{1,2}m \| /);
  });

  it('fetches nothing until the supervisor opens the tab, then shows the context and the agent\'s verdict read-only', async () => {
    const { page, functionsUrl } = preview();
    const requests = await openTeamsView();
    // Flex mounts its tabs' content hidden; the PolyAI tab's content waits for the supervisor.
    await page.waitForTimeout(500);
    expect(requests.map((request) => request.url())).toEqual([]);
    // Built with the canvas, as Flex builds its own tabs, but not shown until the supervisor opens it.
    await expect(contextSection(page, 'summary').isVisible()).resolves.toBe(false);

    const transcript = page.waitForRequest(`${functionsUrl}/polyai-conversation`);
    await openTab(page, enUS.PolyaiContextTabLabel);
    await transcript;
    await contextSection(page, 'summary').getByText('Verified caller disputes a duplicate').waitFor();
    await verdictSection().getByTestId('polyai-verdict-stored').filter({ hasText: 'Incomplete: Missing data' }).waitFor();
    // Read-only: no verdict buttons, no reason picker, nothing sent to the verdict Function.
    await expect(verdictSection().getByRole('group', { name: enUS.PolyaiContextVerdictGroupLabel }).count()).resolves.toBe(0);
    await expect(verdictSection().getByRole('button').count()).resolves.toBe(0);
    await expect(verdictSection().getByRole('combobox').count()).resolves.toBe(0);
    expect(requests.filter((request) => request.url() === `${functionsUrl}/polyai-verdict`)).toEqual([]);
  });

  it("starts another agent's call unopened, shows 'no verdict yet', and offers no PolyAI tab for a non-PolyAI call", async () => {
    const { page, functionsUrl } = preview();
    const requests = await openTeamsView();
    await openTab(page, enUS.PolyaiContextTabLabel);
    await verdictSection().waitFor();

    // Flex's own task card for Blair's call: the canvas switches task, the PolyAI tab starts unopened.
    await teamMember('Blair Agent').getByText('+34600000000').click();
    await supervisorCanvas().and(page.locator(`[data-preview-supervisor-canvas="${sampleTask('unverified').sid}"]`)).waitFor();
    const before = requests.length;
    await page.waitForTimeout(500);
    expect(requests.slice(before)).toEqual([]);
    await openTab(page, enUS.PolyaiContextTabLabel);
    await verdictSection().getByTestId('polyai-verdict-stored').filter({ hasText: enUS.PolyaiContextVerdictNone }).waitFor();
    await expect(verdictSection().getByRole('button').count()).resolves.toBe(0);
    expect(requests.slice(before).map((request) => request.url())).toContain(`${functionsUrl}/polyai-conversation`);

    await teamMember('Casey Agent').getByText('+15005550222').click();
    await supervisorCanvas().and(page.locator(`[data-preview-supervisor-canvas="${sampleTask('not-polyai').sid}"]`)).waitFor();
    await canvasTab(page, 'Info').waitFor();
    await expect(canvasTab(page, enUS.PolyaiContextTabLabel).count()).resolves.toBe(0);
  });

  it('made no console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
