/**
 * The attributes panel (an admin debugging a Studio flow): whatever is pasted rings in real Flex as a new
 * reservation and reaches the plugin as its task attributes, hostile markup stays text, and bad JSON is reported instead of shown.
 */
import { enUS } from '../../src/strings/en-US';
import { expectCleanRun, openTab, pastedTaskItem, previewForThisFile, selectedTaskSid } from './support/preview';

const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
const HOSTILE_LINK = 'javascript:alert(document.domain)';
const hostileAttributes = {
  type: 'inbound',
  name: HOSTILE_IMG,
  polyai: {
    id: 'CA-hostile',
    data: {
      summary: `Caller said ${HOSTILE_IMG}`,
      intent: '<script>alert(2)</script>',
      caller_name: `<a href="${HOSTILE_LINK}">Jordan</a>`,
      utterance: `<svg onload=alert(3)> ${HOSTILE_IMG}`,
      website: HOSTILE_LINK,
      [HOSTILE_IMG]: `[click me](${HOSTILE_LINK})`,
      nested: { link: `<a href='${HOSTILE_LINK}'>x</a>` },
    },
  },
};

const preview = previewForThisFile();

async function pasteAttributes(text: string): Promise<void> {
  const { page } = preview();
  await page.getByLabel('Task attributes (JSON)').fill(text);
  await page.getByRole('button', { name: 'Show as the agent sees it' }).click();
}

/** The pasted task rang in as a new reservation and Flex selected it; the agent opens the PolyAI tab. */
async function openPastedTask(tasksBefore: number): Promise<void> {
  const { page } = preview();
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid="task-item"]').length === count + 1, tasksBefore);
  await page.waitForFunction(() => document.querySelector('.Twilio-TaskListBaseItem[aria-label]') !== null);
  await expect(selectedTaskSid(page)).resolves.toMatch(/^WR/);
  await pastedTaskItem(page).click();
  await openTab(page, enUS.PolyaiContextTabLabel);
}

const taskCount = () => preview().page.getByTestId('task-item').count();

describe('offline preview: pasted task attributes', () => {
  beforeAll(async () => {
    await preview().open('?panel=attributes');
  });

  it('reports invalid JSON and non-object attributes instead of showing a task', async () => {
    const { page } = preview();
    const help = page.locator('#preview-attributes-help');
    const before = await taskCount();
    await pasteAttributes('{"polyai": {"data": ');
    await expect(help.innerText()).resolves.toMatch(/^Not valid JSON: /);
    await expect(page.getByLabel('Task attributes (JSON)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(taskCount()).resolves.toBe(before);

    await pasteAttributes('["polyai"]');
    await expect(help.innerText()).resolves.toContain('must be a JSON object');
    await expect(taskCount()).resolves.toBe(before);
  });

  it('shows pasted attributes as the agent would see them', async () => {
    const { page } = preview();
    const before = await taskCount();
    await pasteAttributes(JSON.stringify({ polyai: { data: { summary: 'Pasted summary from Studio', handoff_reason: 'lost_card' } } }));
    await openPastedTask(before);
    await expect(page.getByTestId('polyai-section-summary').innerText()).resolves.toContain('Pasted summary from Studio');
    await expect(page.locator('#preview-attributes-help').innerText()).resolves.not.toContain('Not valid JSON');
  });

  it('loads a sample into the editor', async () => {
    const { page } = preview();
    await page.getByLabel('Start from a sample').selectOption('fetch-failed');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect(page.getByLabel('Task attributes (JSON)').inputValue()).resolves.toContain('PolyAI Handoff API did not answer');
  });

  it('renders markup and javascript: links in pasted data as inert text', async () => {
    const { page } = preview();
    const before = await taskCount();
    await pasteAttributes(JSON.stringify(hostileAttributes));
    await openPastedTask(before);
    const tab = page.getByTestId('polyai-context');
    // The tab's content renders after Flex selects it: wait for it rather than read an empty container.
    await tab.getByTestId('polyai-section-summary').waitFor();
    await expect(tab.innerText()).resolves.toContain(`Caller said ${HOSTILE_IMG}`);
    await expect(tab.innerText()).resolves.toContain(HOSTILE_LINK);
    // Give any injected handler a chance to fire before checking that none did.
    await page.waitForTimeout(200);
    // Flex draws its own images and scripts; none of the pasted ones may exist.
    await expect(page.locator('img[src="x"], iframe, object, embed').count()).resolves.toBe(0);
    await expect(tab.locator('img, script, iframe, object, embed').count()).resolves.toBe(0);
    await expect(page.locator('[onerror], [onload]').count()).resolves.toBe(0);
    await expect(page.locator('a[href^="javascript:" i], [src^="javascript:" i]').count()).resolves.toBe(0);
    await expect(tab.locator('a, svg[onload]').count()).resolves.toBe(0);
    expect(preview().incidents.filter((incident) => incident.startsWith('dialog'))).toEqual([]);
  });

  it('made no console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
