/**
 * The production plugin inside real Flex (the offline preview), in Chromium: when the tab appears, what
 * each section shows, and that switching tasks updates it.
 */
import { humanizeCode } from '@polyai-context/model';
import { enUS } from '../../src/strings/en-US';
import { fixture } from '../support/fixtures';
import { canvasTab, contextSection, expectCleanRun, isTabSelected, openTab, previewForThisFile, sectionText, selectTask, taskItem } from './support/preview';

const TAB = enUS.PolyaiContextTabLabel;
const verified = fixture('handoff-state-verified.json') as { id: string; shared_id: string; data: Record<string, string> & { slots: Record<string, string> } };
const unverified = fixture('handoff-state-unverified.json') as {
  data: Record<string, string> & { verification: { auth_method: string; verification_attempts: number } };
};

const preview = previewForThisFile();

describe('offline preview: the PolyAI Context tab', () => {
  it('appears for every PolyAI sample and not for a call that did not come through PolyAI', async () => {
    const { page } = preview();
    await preview().open();
    for (const id of ['verified', 'unverified', 'minimal', 'studio', 'json-string', 'flat', 'partial', 'fetch-failed']) {
      // The task list marks the task before the agent opens it.
      await expect(taskItem(page, id).getByTestId('polyai-task-badge').innerText()).resolves.toBe(enUS.PolyaiContextTaskBadge);
      await selectTask(page, id);
      await expect(canvasTab(page, TAB).count()).resolves.toBe(1);
      await openTab(page, TAB);
      await page.getByTestId('polyai-context').waitFor();
    }
    await expect(taskItem(page, 'not-polyai').getByTestId('polyai-task-badge').count()).resolves.toBe(0);
    await selectTask(page, 'not-polyai');
    await expect(canvasTab(page, TAB).count()).resolves.toBe(0);
    await expect(page.getByTestId('polyai-context').count()).resolves.toBe(0);
  });

  it("shows the verified fixture's values in each section", async () => {
    const { page } = preview();
    await preview().open('?task=verified');
    const { data } = verified;
    const text = (id: string) => sectionText(page, id);

    await expect(text('summary')).resolves.toContain(data.summary);
    const handoff = await text('handoff');
    expect(handoff).toContain(humanizeCode(data.intent));
    expect(handoff).toContain('91%');
    expect(handoff).toContain(humanizeCode(data.handoff_reason));
    expect(handoff).toContain(humanizeCode(data.handoff_destination));
    const verification = await text('verification');
    expect(verification).toContain(enUS.PolyaiContextVerified);
    expect(verification).toContain(humanizeCode('dob_and_postcode'));
    const caller = await text('caller');
    for (const value of [data.caller_name, data.customer_id, data.asr_lang_code]) expect(caller).toContain(value);
    // PolyAI masked the account number already (****6789): shown as sent, with nothing to reveal.
    expect(caller).toContain(data.account_number);
    await expect(contextSection(page, 'caller').getByRole('button', { name: `Show ${enUS.PolyaiContextAccountNumberLabel}` }).count()).resolves.toBe(0);
    await expect(text('utterance')).resolves.toContain(data.utterance);
    const fields = await text('fields');
    // Dates in the agent's locale (en-US here), decimals and text as sent.
    expect(data.slots).toEqual({ charge_amount: '42.50', charge_date: '2026-11-14', merchant: 'Streamly Premium' });
    for (const value of ['42.50', 'Nov 14, 2026', 'Streamly Premium']) expect(fields).toContain(value);
    const reference = await text('reference');
    expect(reference).toContain(verified.id);
    expect(reference).toContain(verified.shared_id);
  });

  it("shows the other samples' values where the agent looks for them", async () => {
    const { page } = preview();
    const minimal = fixture('handoff-state-minimal.json') as { shared_id: string; data: Record<string, string> };
    const jsonString = JSON.parse((fixture('task-attributes-json-string.json') as { polyai: string }).polyai) as { data: Record<string, string> };
    const flat = fixture('task-attributes-flat.json') as Record<string, string>;
    const u = unverified.data;
    const expectations: Array<[task: string, section: string, values: string[]]> = [
      ['unverified', 'verification', [enUS.PolyaiContextNotVerified, humanizeCode(u.verification.auth_method), String(u.verification.verification_attempts)]],
      ['unverified', 'caller', [u.asr_lang_code]],
      ['minimal', 'caller', [minimal.data.customer_id]],
      ['minimal', 'reference', [minimal.shared_id]],
      ['json-string', 'handoff', [humanizeCode(jsonString.data.handoff_reason)]],
      ['json-string', 'utterance', [jsonString.data.utterance]],
      ['flat', 'summary', [flat.handoff_summary]],
      ['flat', 'handoff', [humanizeCode(flat.intent)]],
      ['flat', 'caller', [flat.customer_id]],
    ];
    await preview().open();
    for (const [task, section, values] of expectations) {
      await selectTask(page, task);
      await openTab(page, TAB);
      const text = await sectionText(page, section);
      for (const value of values) expect(`${task}/${section}: ${text}`).toContain(value);
    }
  });

  it('says plainly when PolyAI data could not be fetched', async () => {
    const { page } = preview();
    await preview().open('?task=fetch-failed');
    const tab = await page.getByTestId('polyai-context').innerText();
    expect(tab).toContain(enUS.PolyaiContextUnavailableTitle);
    // Said for the agent; the Function's own words are in the technical details, for the admin.
    expect(tab).toContain(enUS.PolyaiContextReasonTimeout);
    await page.getByRole('button', { name: enUS.PolyaiContextTechnicalDetails }).click();
    await page.getByText('PolyAI Handoff API did not answer within 3000 ms').waitFor();
  });

  it('updates the tab when the agent switches tasks and back', async () => {
    const { page } = preview();
    await preview().open('?task=verified');
    await expect(sectionText(page, 'verification')).resolves.toContain(enUS.PolyaiContextVerified);

    await selectTask(page, 'unverified');
    await openTab(page, TAB);
    await expect(sectionText(page, 'verification')).resolves.toContain(enUS.PolyaiContextNotVerified);
    await expect(sectionText(page, 'utterance')).resolves.toContain(unverified.data.utterance);
    await expect(page.getByText(verified.data.summary).count()).resolves.toBe(0);

    await selectTask(page, 'not-polyai');
    await expect(page.getByTestId('polyai-context').count()).resolves.toBe(0);

    // Flex resets the canvas to its first tab when the selected task changes: the agent reopens ours.
    await selectTask(page, 'verified');
    await openTab(page, TAB);
    await expect(isTabSelected(page, TAB)).resolves.toBe(true);
    await expect(sectionText(page, 'summary')).resolves.toContain(verified.data.summary);
  });

  it('loads and runs the plugin without console errors, warnings or dialogs', () => {
    expectCleanRun(preview());
  });
});
