#!/usr/bin/env node
/**
 * `npm run screenshots`: renders the offline preview (real Flex with the production plugin) in headless Chromium and saves PNGs of the main
 * states into docs/screenshots/ (the README and docs/preview-guide.md show them). Rerun after a visible change.
 */
const fs = require('fs');
const path = require('path');

const { parseCommandLine } = require('../../scripts/lib/cliArgs');
const { launchChromium } = require('./browser');
const { startPreviewServer } = require('./server');

const OUT = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const VIEWPORT = { width: 1280, height: 800 };

/** Scrolls the tab to its transcript section. */
const showTranscript = (page) => page.getByTestId('polyai-section-transcript').scrollIntoViewIfNeeded();

/** Opens the PolyAI Context tab the way an agent or a supervisor does: a click on Flex's tab header. */
const openPolyaiTab = async (page) => {
  await page.locator('.Twilio-TabHeader').filter({ hasText: 'PolyAI Context' }).click();
  await page.getByTestId('polyai-section-summary').waitFor();
  await page.waitForTimeout(500); // Flex's tab transition
};

/**
 * name → how to reach the state from a fresh page (`polyai`: the stand-in's mode while it is taken;
 * `opened: false`: the tab is not open until `act` opens it).
 */
const STATES = {
  'transcript-search': {
    query: '?task=verified',
    act: async (page) => {
      await showTranscript(page);
      await page.getByRole('searchbox', { name: 'Search the transcript' }).fill('charge');
      await page.locator('[data-testid="polyai-section-transcript"] mark').first().waitFor();
    },
  },
  'spanish-dark': { query: '?task=verified&theme=dark&lang=es-ES' },
  'transcript-outage': {
    query: '?task=verified',
    polyai: '500',
    act: async (page) => {
      await page.getByRole('button', { name: 'Try again' }).waitFor();
      await showTranscript(page);
    },
  },
  'verified-light': { query: '?task=verified' },
  'verified-dark': { query: '?task=verified&theme=dark' },
  unavailable: { query: '?task=fetch-failed' },
  partial: { query: '?task=partial' },
  'attributes-panel': {
    query: '?task=flat&panel=attributes',
    // An admin loads a sample, edits nothing, and shows it as the agent would see it.
    act: async (page) => {
      await page.getByLabel('Start from a sample').selectOption('json-string');
      await page.getByRole('button', { name: 'Load', exact: true }).click();
      await page.getByRole('button', { name: 'Show as the agent sees it' }).click();
      // The pasted task rings in on top of Flex's list, selected; the admin opens its PolyAI tab.
      await page.getByTestId('task-item').first().click();
      await openPolyaiTab(page);
    },
  },
  // A supervisor in Flex's Teams view opens the tab on a monitored call: the agent's verdict, read-only.
  'supervisor-teams': { query: '?view=teams&task=verified', opened: false, act: openPolyaiTab },
};

async function main() {
  // No options; --help and anything unexpected are answered rather than ignored.
  parseCommandLine('npm run screenshots', () => undefined);
  fs.mkdirSync(OUT, { recursive: true });
  const preview = await startPreviewServer({ port: 0 });
  const browser = await launchChromium().catch(async (error) => {
    await preview.close();
    throw error;
  });
  try {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    const setPolyai = (mode) => page.request.post(`${preview.url}__preview/polyai-mode`, { data: { mode } });
    for (const [name, { query, act, polyai = 'ok', opened = true }] of Object.entries(STATES)) {
      await setPolyai(polyai);
      await page.goto(`${preview.url}${query}`);
      if (opened) await page.getByTestId('polyai-context').waitFor();
      // The transcript has loaded (or failed): no spinner in the picture.
      await page.waitForLoadState('networkidle');
      if (act) await act(page);
      // No focus ring from the last click, fonts loaded: the picture an agent sees.
      await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(OUT, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(path.relative(process.cwd(), file));
    }
  } finally {
    await browser.close();
    await preview.close();
  }
}

main().catch((error) => {
  console.error(`Screenshots failed: ${error.message}`);
  process.exit(1);
});
