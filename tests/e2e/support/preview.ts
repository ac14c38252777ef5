/**
 * Browser-test harness: runs `npm run preview`'s own entry (preview/cli.js) on an ephemeral port in a
 * child process (esbuild does not run inside jest's sandbox), and one headless Chromium per test file.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';

import { launchChromium } from '../../../preview/browser';

jest.setTimeout(30_000);

const CLI = path.join(__dirname, '..', '..', '..', 'preview', 'cli.js');
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

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

/** SIGTERM, as Ctrl-C would; SIGKILL if it has not exited within STOP_TIMEOUT_MS. */
export function stopPreview(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface Preview {
  url: string;
  /** The local Functions (`functions_base_url` in the plugin's config). */
  functionsUrl: string;
  browser: Browser;
  page: Page;
  /** Console errors, page errors and dialogs seen so far: a guest plugin must make none. */
  incidents: string[];
  /**
   * Chromium's "Failed to load resource" lines for the local Functions' error answers (a transcript PolyAI
   * does not have, an outage): the network failing as designed, not the plugin; the tab shows them.
   */
  functionErrors: string[];
  /** Opens the desktop with a URL query, e.g. `?task=verified&theme=dark`. */
  open(query?: string): Promise<void>;
  close(): Promise<void>;
}

/** Runs `npm run preview`'s entry with this PORT (or any free port), as a developer would. */
export function spawnPreview(port = 0): ChildProcess {
  return spawn(process.execPath, [CLI], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
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
    const incidents: string[] = [];
    const functionErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      const fromFunctions = message.text().startsWith('Failed to load resource') && message.location().url.startsWith(functionsUrl);
      if (fromFunctions) functionErrors.push(`${message.location().url}: ${message.text()}`);
      else incidents.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      incidents.push(`dialog: ${dialog.message()}`);
      dialog.dismiss().catch(() => undefined);
    });
    const opened = browser;
    return {
      url,
      functionsUrl,
      browser: opened,
      page,
      incidents,
      functionErrors,
      async open(query = '') {
        await page.goto(`${url}${query}`);
        await page.locator('[data-task]').first().waitFor();
      },
      async close() {
        await opened.close();
        await stopPreview(child);
      },
    };
  } catch (error) {
    await browser?.close();
    await stopPreview(child);
    throw error;
  }
}

/** One preview and Chromium for the whole test file (started before its first test, closed after its last). */
export function previewForThisFile(options: PreviewOptions = {}): () => Preview {
  let preview: Preview | undefined;
  beforeAll(async () => {
    preview = await startPreview(options);
  });
  afterAll(async () => {
    await preview?.close();
  });
  return () => {
    if (!preview) throw new Error('the preview runs only inside this file’s tests');
    return preview;
  };
}

/** The canvas tab with this label, e.g. "PolyAI Context". */
export const canvasTab = (page: Page, label: string): Locator => page.getByRole('tab', { name: label, exact: true });

/** One section of the PolyAI Context tab (data-testid `polyai-section-<id>`). */
export const contextSection = (page: Page, id: string): Locator => page.getByTestId(`polyai-section-${id}`);

export const taskButton = (page: Page, taskId: string): Locator => page.locator(`[data-task="${taskId}"]`);

/** A task's whole row in the task list: its button and the `TaskListItem` content plugins add under it. */
export const taskRow = (page: Page, taskId: string): Locator => page.locator('li', { has: taskButton(page, taskId) });

/** Chooses a task in the task list and waits until the canvas shows it. */
export async function selectTask(page: Page, taskId: string): Promise<void> {
  await taskButton(page, taskId).click();
  await page.locator(`[data-task="${taskId}"][aria-current="true"]`).waitFor();
}
