/**
 * Browser-test harness for the real-Flex preview: runs `npm run preview`'s own entry (devtools/preview/cli.js) on an
 * ephemeral port in a child process, and one headless Chromium per test file.
 *
 * How to use it in a test file:
 *   const preview = previewForThisFile();                    // one preview + Chromium for the file
 *   await preview().open('?task=verified');                  // a sample selected, its PolyAI tab open
 *   await preview().open('?autoSelect=on&accepted=early');   // admin option on; `accepted` update first
 *   await preview().open('?view=teams&task=verified');      // a supervisor's Teams view, that call monitored
 *   await selectTask(page, 'unverified');                    // click Flex's task list item
 *   await acceptTask(page, 'verified');                      // select it and press Flex's Accept
 *   await openTab(page, 'Info');                             // click a task canvas tab (.Twilio-TabHeader)
 *   await pasteAttributes(page, json); await openPastedTask(page, tasksBefore);  // `?panel=attributes`: paste, ring, open
 *   await page.getByRole('button', { name: 'Dark theme' }).click();   // Flex's theme, light ↔ dark
 *   await preview().open('?lang=es-ES&theme=dark');          // language and theme from the start
 *   await setPolyaiMode(preview(), '500');                   // PolyAI stand-in outage (then 'ok')
 *   expectCleanRun(preview());                               // last test: the plugin ran, nothing went wrong
 * Samples are those of preview/app/tasks.ts (`verified`, `unverified`, …, `not-polyai`); query switches
 * are listed in preview/app/location.ts.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';

import { launchChromium } from '../../../devtools/preview/browser';
import { enUS } from '../../../src/strings/en-US';
import type {} from '../../../preview/app/previewRuntime';
import { SAMPLE_TASKS } from '../../../preview/app/tasks';

// The plugin and the page are built once before any browser file starts (buildBeforeBrowserTests.js), so a preview
// starts in seconds; the limits below leave room for a busy 2-core machine, they are not expectations.
jest.setTimeout(60_000);

const CLI = path.join(__dirname, '..', '..', '..', 'devtools', 'preview', 'cli.js');
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 5_000;

/** Every preview this test file started and has not seen exit: stopped after the file, whatever happened. */
const running = new Set<ChildProcess>();
afterAll(() => Promise.all([...running].map(stopPreview)));

/**
 * Warnings Flex itself prints offline, not the plugin's: listed in `flexNotices`, never failed.
 * Headless Chromium without a user gesture refuses Flex's ringtone.
 */
const FLEX_OWN_NOTICES = [/^Could not play initial audio/];

/** The preview's printed URL, once it listens (and the Functions' URL, printed on the next line). */
export function waitForUrl(child: ChildProcess): Promise<string> {
  return waitForUrls(child).then(({ url }) => url);
}

export function waitForUrls(child: ChildProcess): Promise<{ url: string; functionsUrl: string; standinUrl: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`preview did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/).*\n.*Functions[^:]*: (http:\/\/127\.0\.0\.1:\d+).*stand-in: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], functionsUrl: match[2], standinUrl: match[3] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview exited with ${code}:\n${output}`));
    });
  });
}

/**
 * SIGTERM to the preview's whole process group, as Ctrl-C would; SIGKILL to the group if it has not exited within
 * STOP_TIMEOUT_MS, and to anything of the group still there once it has.
 */
export function stopPreview(child: ChildProcess): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // The group has already gone.
    }
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup('SIGKILL');
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      signalGroup('SIGKILL');
      resolve();
    });
    signalGroup('SIGTERM');
  });
}

export interface Preview {
  url: string;
  /** The local Functions (`functions_base_url` in the plugin's config). */
  functionsUrl: string;
  browser: Browser;
  page: Page;
  /** Console errors and warnings, page errors and dialogs seen so far: a guest plugin must make none. */
  incidents: string[];
  /** Flex's own offline warnings (FLEX_OWN_NOTICES): listed, not failed. */
  flexNotices: string[];
  /**
   * Chromium's "Failed to load resource" lines for the local Functions' error answers (a transcript PolyAI
   * does not have, an outage): the network failing as designed, not the plugin; the tab shows them.
   */
  functionErrors: string[];
  /** Desktops opened with the plugin initialised by Flex: the clean-run check needs at least one. */
  pluginLoads: number;
  /** Opens the desktop with a URL query, e.g. `?task=verified&theme=dark`, once Flex ran the plugin. */
  open(query?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs `npm run preview`'s entry with this PORT (or any free port), as a developer would, in a process group of
 * its own so that stopping it stops everything it started.
 */
export function spawnPreview(port = 0): ChildProcess {
  const child = spawn(process.execPath, [CLI], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export interface PreviewOptions {
  /** Lets the page read and write the clipboard, as an agent's browser does after a user gesture. */
  clipboard?: boolean;
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const child = spawnPreview();
  let browser: Browser | undefined;
  try {
    const { url, functionsUrl } = await waitForUrls(child);
    browser = await launchChromium();
    // axe needs a page from an explicit context.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: options.clipboard ? ['clipboard-read', 'clipboard-write'] : [],
    });
    const page = await context.newPage();
    const opened = browser;
    const preview: Preview = {
      url,
      functionsUrl,
      browser: opened,
      page,
      incidents: [],
      flexNotices: [],
      functionErrors: [],
      pluginLoads: 0,
      async open(query = '') {
        await page.goto(`${url}${query}`);
        const state = await page.waitForFunction(() => window.previewRuntime?.pluginState).then((handle) => handle.jsonValue());
        if (state !== 'Initialized') throw new Error(`Flex did not initialise the plugin: ${String(state)}`);
        // Flex's task list on the agent desktop; the team's task cards in the Teams view (`?view=teams`).
        await page.locator('[data-testid="task-item"], [data-preview-worker]').first().waitFor();
        preview.pluginLoads += 1;
      },
      async close() {
        await opened.close();
        await stopPreview(child);
      },
    };
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      const text = message.text();
      const fromFunctions = text.startsWith('Failed to load resource') && message.location().url.startsWith(functionsUrl);
      if (fromFunctions) preview.functionErrors.push(`${message.location().url}: ${text}`);
      else if (FLEX_OWN_NOTICES.some((notice) => notice.test(text))) preview.flexNotices.push(text);
      else preview.incidents.push(`console ${message.type()}: ${text}`);
    });
    page.on('pageerror', (error) => preview.incidents.push(`page error: ${error.message} ${error.stack}`));
    page.on('dialog', (dialog) => {
      preview.incidents.push(`dialog: ${dialog.message()}`);
      dialog.dismiss().catch(() => undefined);
    });
    return preview;
  } catch (error) {
    await browser?.close();
    await stopPreview(child);
    throw error;
  }
}

/** One preview and Chromium for the whole test file (started before its first test, closed after its last). */
export function previewForThisFile(options: PreviewOptions = {}): () => Preview {
  let preview: Preview | undefined;
  // Longer than waitForUrls' own limit, so a preview that never starts fails with its output, not jest's timeout.
  beforeAll(async () => {
    preview = await startPreview(options);
  }, START_TIMEOUT_MS + 30_000);
  afterAll(async () => {
    await preview?.close();
  });
  return () => {
    if (!preview) throw new Error('the preview runs only inside this file’s tests');
    return preview;
  };
}

/**
 * The file's closing check: Flex loaded the plugin at least once in this file (so there was something to
 * check, even when the file runs alone) and nothing went wrong on the page.
 */
export function expectCleanRun(preview: Preview): void {
  expect(preview.pluginLoads).toBeGreaterThan(0);
  expect(preview.incidents).toEqual([]);
}

/** A sample task (preview/app/tasks.ts) by its id, e.g. `verified`. */
export function sampleTask(taskId: string): (typeof SAMPLE_TASKS)[number] {
  const task = SAMPLE_TASKS.find((sample) => sample.id === taskId);
  if (!task) throw new Error(`no sample task ${taskId}`);
  return task;
}

/** Flex's task list item (`role=button`) for a reservation, found by the preview's hidden SID marker. */
export const taskItemBySid = (page: Page, sid: string): Locator => page.getByTestId('task-item').filter({ has: page.locator(`[data-preview-sid="${sid}"]`) });

/** Flex's task list item for a sample (preview/app/tasks.ts), e.g. `verified`. */
export const taskItem = (page: Page, taskId: string): Locator => taskItemBySid(page, sampleTask(taskId).sid);

/** The most recently pasted attributes' task: the newest ringing task, at the top of Flex's list. */
export const pastedTaskItem = (page: Page): Locator => page.getByTestId('task-item').first();

/** A task canvas tab header by its label: in real Flex a `.Twilio-TabHeader` with `role=button`. */
export const canvasTab = (page: Page, label: string): Locator =>
  page.locator('.Twilio-TabHeader').filter({ has: page.getByText(label, { exact: true }) });

/** True when Flex shows this tab as the selected one (its active state indicator). */
export const isTabSelected = (page: Page, label: string): Promise<boolean> =>
  canvasTab(page, label).locator('.Twilio-TabHeader-StateIndicator-Active').count().then((count) => count === 1);

/** Waits until Flex shows this tab as selected. */
export const waitForSelectedTab = (page: Page, label: string): Promise<void> =>
  canvasTab(page, label).locator('.Twilio-TabHeader-StateIndicator-Active').waitFor();

/** One section of the PolyAI Context tab (data-testid `polyai-section-<id>`). */
export const contextSection = (page: Page, id: string): Locator => page.getByTestId(`polyai-section-${id}`);

/** A section's text, whitespace collapsed, once it has rendered some (Flex mounts the tab's content a tick after selecting it). */
export async function sectionText(page: Page, id: string): Promise<string> {
  await contextSection(page, id).filter({ hasText: /\S/ }).waitFor();
  return (await contextSection(page, id).innerText()).replace(/\s+/g, ' ');
}

/** Flex's selected task's reservation SID, from Flex's own store. */
export const selectedTaskSid = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => (window.previewRuntime?.flex.store.getState() as { flex: { view: { selectedTaskSid?: string } } }).flex.view.selectedTaskSid);

/** Clicks a sample's task list item and waits until Flex selected it. */
export async function selectTask(page: Page, taskId: string): Promise<void> {
  await taskItem(page, taskId).click();
  await waitForSelected(page, sampleTask(taskId).sid);
}

export async function waitForSelected(page: Page, sid: string): Promise<void> {
  await page.waitForFunction((wanted) => (window.previewRuntime?.flex.store.getState() as { flex: { view: { selectedTaskSid?: string } } }).flex.view.selectedTaskSid === wanted, sid);
}

/** A reservation's status in Flex's store (`pending`, `accepted`, `wrapping`, `completed`), or undefined once gone. */
export const reservationStatus = (page: Page, sid: string): Promise<string | undefined> =>
  page.evaluate((wanted) => (window.previewRuntime?.flex.store.getState() as { flex: { worker: { tasks: Map<string, { status: string }> } } }).flex.worker.tasks.get(wanted)?.status, sid);

export async function waitForReservationStatus(page: Page, sid: string, status: string | undefined): Promise<void> {
  await page.waitForFunction(
    ([wanted, expected]) => (window.previewRuntime?.flex.store.getState() as { flex: { worker: { tasks: Map<string, { status: string }> } } }).flex.worker.tasks.get(wanted as string)?.status === expected,
    [sid, status] as const,
  );
}

/**
 * Selects a sample and presses Accept on Flex's task canvas; resolves once the reservation is accepted.
 * Which comes first, the action or the `accepted` update, is the page's `?accepted=early|late` switch.
 */
export async function acceptTask(page: Page, taskId: string): Promise<void> {
  await selectTask(page, taskId);
  await page.locator('.Twilio-IncomingTask-Accept').click();
  await waitForReservationStatus(page, sampleTask(taskId).sid, 'accepted');
}

/** Clicks a task canvas tab and waits until Flex shows it selected. */
export async function openTab(page: Page, label: string): Promise<void> {
  await canvasTab(page, label).click();
  await waitForSelectedTab(page, label);
}

/** Pastes task attributes (JSON text) in the attributes panel (`?panel=attributes`) and presses Show. */
export async function pasteAttributes(page: Page, text: string): Promise<void> {
  await page.getByLabel('Task attributes (JSON)').fill(text);
  await page.getByRole('button', { name: 'Show as the agent sees it' }).click();
}

/** Waits until the pasted task has rung in: Flex lists one task more than the `tasksBefore` it had. */
export async function waitForPastedTask(page: Page, tasksBefore: number): Promise<void> {
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid="task-item"]').length === count + 1, tasksBefore);
}

/** The pasted task rang in as a new reservation and Flex selected it; the agent opens the PolyAI tab. */
export async function openPastedTask(page: Page, tasksBefore: number): Promise<void> {
  await waitForPastedTask(page, tasksBefore);
  await page.waitForFunction(() => document.querySelector('.Twilio-TaskListBaseItem[aria-label]') !== null);
  await expect(selectedTaskSid(page)).resolves.toMatch(/^WR/);
  await pastedTaskItem(page).click();
  await openTab(page, enUS.PolyaiContextTabLabel);
  // Flex mounts the tab's content a tick after selecting it.
  await page.getByTestId('polyai-context').filter({ hasText: /\S/ }).waitFor();
}

/** Tells the PolyAI stand-in how to answer from now on (`ok`, `500`, `hang`, `garbage`, `401`). */
export async function setPolyaiMode(preview: Preview, mode: string): Promise<void> {
  const response = await preview.page.request.post(`${preview.url}__preview/polyai-mode`, { data: { mode } });
  if (!response.ok()) throw new Error(`the preview refused mode ${mode}: ${response.status()}`);
}
