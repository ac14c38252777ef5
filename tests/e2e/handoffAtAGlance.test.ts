/**
 * What the agent no longer has to ask the caller, in real Flex (the offline preview): what PolyAI already did,
 * how long the caller spent with PolyAI and has waited since, who is calling (on Flex's task list), in English
 * (in every language and both themes: languagesAndThemes.test.ts); and the preview's own bar showing its whole labels.
 */
import { SAMPLE_TASKS } from '../../preview/app/tasks';
import { contextSection, expectCleanRun, previewForThisFile, taskItem } from './support/preview';

const preview = previewForThisFile();

describe('offline preview: what PolyAI did, the call\'s times and the caller\'s name', () => {
  it('lists the functions PolyAI ran, in order with their outcomes, with its tags, note and PolyScore', async () => {
    const { page } = preview();
    await preview().open('?task=verified');
    const activity = contextSection(page, 'activity');
    await activity.waitFor();
    const events = activity.getByTestId('polyai-function-event');
    await expect(events.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Verify Identity\s+Succeeded\s+\d/),
      expect.stringMatching(/^Lookup Charges\s+Succeeded\s+\d/),
      expect.stringMatching(/^Issue Refund\s+Failed\s+\d/),
    ]);
    const text = await activity.innerText();
    for (const shown of ['Duplicate charge', 'Caller asked for the refund to go back to the same card.', '0.82', 'refund_needs_agent_approval']) expect(text).toContain(shown);
  });

  it('shows the time with PolyAI and a running time since the handoff at a glance', async () => {
    const { page } = preview();
    await preview().open('?task=verified');
    await expect(page.getByTestId('polyai-time-with-polyai').innerText()).resolves.toMatch(/^With PolyAI: /);
    await page.getByTestId('polyai-time-with-polyai').getByText('0:49').waitFor();
    const since = page.getByTestId('polyai-time-since-handoff');
    const first = await since.innerText();
    // The sample was handed off a minute or so ago (dates relative to now), not days ago.
    expect(first).toMatch(/^Since handoff: \d{1,2}:\d\d$/);
    // It runs: wait for the text to change, whenever the next tick comes.
    await page.waitForFunction((before) => document.querySelector('[data-testid="polyai-time-since-handoff"]')?.textContent !== before, first);
  });

  it('names the verified caller on Flex\'s task list and tells every sample apart', async () => {
    const { page } = preview();
    await preview().open();
    // Flex writes a number in groups ("+34 600 00 00 00"): compared without spaces and punctuation.
    const bare = (text: string) => text.replace(/[\s().-]/g, '');
    const shownName = async (id: string) => bare((await taskItem(page, id).innerText()).split('\n')[0]);
    await expect(shownName('verified')).resolves.toBe('JordanEllis');
    // Not verified: the number, as the Functions keep it.
    await expect(shownName('unverified')).resolves.toBe('+34600000000');
    const names = SAMPLE_TASKS.map((task) => String(task.attributes.name));
    expect(new Set(names).size).toBe(names.length);
    for (const task of SAMPLE_TASKS) await expect(shownName(task.id)).resolves.toBe(bare(String(task.attributes.name)));
  });

  it('names each sample under its caller on Flex\'s task list, in every language', async () => {
    const { page } = preview();
    for (const language of ['en-US', 'de-DE']) {
      await preview().open(`?lang=${language}`);
      for (const task of SAMPLE_TASKS) {
        const item = taskItem(page, task.id);
        // Its own line, not the end of Flex's "Incoming call from queue …", which the list's width cuts off.
        await expect(item.innerText().then((text) => text.split('\n').map((line) => line.trim()))).resolves.toContain(task.description);
        const line = item.getByText(task.description, { exact: true });
        // Whole: neither the line nor a box around it inside the item cuts it off.
        const cut = await line.evaluate((element) => {
          const boxes: string[] = [];
          for (let box: Element | null = element; box && box.getAttribute('data-testid') !== 'task-item'; box = box.parentElement) {
            if (box.scrollWidth > box.clientWidth + 1) boxes.push(`${element.textContent} cut by ${box.className}: ${box.scrollWidth} > ${box.clientWidth} px`);
          }
          return boxes;
        });
        expect(cut).toEqual([]);
      }
    }
  });

  it('shows the View menu\'s whole label', async () => {
    const { page } = preview();
    await preview().open('?view=teams&task=verified');
    const view = page.locator('#preview-view');
    await view.waitFor();
    const fits = await view.evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      context.font = style.font;
      const text = context.measureText(select.options[select.selectedIndex].text).width;
      return { text: select.options[select.selectedIndex].text, room: select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight), width: text };
    });
    expect(fits.text).toBe('Teams view (supervisor)');
    expect(fits.width).toBeLessThanOrEqual(fits.room);
  });

  it('made no console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});

