/**
 * Tab render and lifecycle in Chromium. Render: each case mounted in the real HandoffContextView (under
 * Paste's provider) and as plain divs, alternating, in the same page. Lifecycle: task switches, heap and
 * DOM after a forced GC at 10, 200 and 400, and the listeners and timers still alive.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const { bundle } = require('../lib/bundleTs');
const { serve } = require('../lib/server');
const { summarize, pairedRatios } = require('../lib/stats');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const WARM_UP_ROUNDS = 3;
const ROUNDS = 40;
const LIFECYCLE_RUNS = 3;
const COLD_CASE = 'typical';
const COLD_RUNS = 8;
const LIFECYCLE_CASE = 'typical';
const KEYSTROKE_ROUNDS = 10;
const KEYSTROKE_WORD = 'refund';
const SEARCH_DEBOUNCE_MS = 150; // src/views/Transcript/TranscriptSearch.tsx
const GOALS = { typicalPaintedMs: 16, transcript1000PaintedMs: 50, keystrokeMs: 16, lifecycleGrowth: 0.1 };

async function openBenchPage(browser, url) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(url);
  await page.waitForFunction(() => 'cases' in (window.__bench ?? {}), null, { timeout: 30_000 });
  return page;
}

async function measureRenders(page, cases, log) {
  const measured = cases.filter((found) => found.kind === 'mount' && !found.missing);
  const runs = Object.fromEntries(measured.map((found) => [found.id, { tab: [], baseline: [] }]));
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
    if (round % 5 === 0) log(`render: round ${round + 1} of ${WARM_UP_ROUNDS + ROUNDS}`);
    for (const found of measured) {
      const order = round % 2 === 0 ? ['tab', 'baseline'] : ['baseline', 'tab'];
      for (const variant of order) {
        const timing = await page.evaluate(([id, which]) => window.__bench.measure(id, which), [found.id, variant]);
        if (round >= WARM_UP_ROUNDS) runs[found.id][variant].push(timing);
      }
    }
  }
  const stat = (list, key) => summarize(list.map((timing) => timing[key]));
  const ratio = (id, key) => pairedRatios(runs[id].tab.map((timing) => timing[key]), runs[id].baseline.map((timing) => timing[key]));
  return cases.map((found) => {
    if (found.missing || found.kind !== 'mount') return { ...found };
    const { tab, baseline } = runs[found.id];
    return {
      ...found,
      tab: { paintedMs: stat(tab, 'paintedMs'), layoutMs: stat(tab, 'layoutMs'), commitMs: stat(tab, 'commitMs') },
      baseline: { paintedMs: stat(baseline, 'paintedMs'), layoutMs: stat(baseline, 'layoutMs'), commitMs: stat(baseline, 'commitMs') },
      ratio: { paintedMs: ratio(found.id, 'paintedMs'), layoutMs: ratio(found.id, 'layoutMs') },
    };
  });
}

/**
 * Typing a word into the transcript search, one letter per frame, tab and baseline alternating by
 * round. Keystrokes pair with the baseline's keystroke at the same letter of the same round.
 */
async function measureKeystrokes(page, cases, log) {
  const results = [];
  for (const found of cases.filter((candidate) => candidate.kind === 'keystroke')) {
    log(`keystrokes: ${found.label}, ${KEYSTROKE_ROUNDS} rounds of "${KEYSTROKE_WORD}"`);
    const rounds = { tab: [], baseline: [] };
    for (let round = 0; round < KEYSTROKE_ROUNDS + 1; round += 1) {
      for (const variant of round % 2 === 0 ? ['tab', 'baseline'] : ['baseline', 'tab']) {
        const typed = await page.evaluate(([id, which, word]) => window.__bench.typeWord(id, which, word), [found.id, variant, KEYSTROKE_WORD]);
        if (round > 0) rounds[variant].push(typed); // round 0 warms up
      }
    }
    const keys = (variant, key) => rounds[variant].flatMap((round) => round.keystrokes.map((keystroke) => keystroke[key]));
    const updates = (key) => summarize(rounds.tab.map((round) => round.update[key]));
    results.push({
      ...found,
      word: KEYSTROKE_WORD,
      rounds: KEYSTROKE_ROUNDS,
      tab: { handledMs: summarize(keys('tab', 'handledMs')), paintedMs: summarize(keys('tab', 'paintedMs')) },
      baseline: { handledMs: summarize(keys('baseline', 'handledMs')), paintedMs: summarize(keys('baseline', 'paintedMs')) },
      ratio: { paintedMs: pairedRatios(keys('tab', 'paintedMs'), keys('baseline', 'paintedMs')) },
      debouncedUpdate: {
        debounceMs: SEARCH_DEBOUNCE_MS,
        committedMs: updates('committedMs'),
        paintedMs: updates('paintedMs'),
        searchOnlyMs: updates('searchOnlyMs'),
        highlightsShown: updates('matches'),
        ratioCommittedToSearchOnly: pairedRatios(rounds.tab.map((round) => round.update.committedMs), rounds.tab.map((round) => round.update.searchOnlyMs)),
      },
    });
  }
  return results;
}

/**
 * The first mount in a fresh page: the agent's first PolyAI task of the shift, when Paste's styles are
 * not yet injected and nothing is compiled. One fresh page per sample, tab and baseline alternating.
 */
async function measureColdMount(browser, url, log) {
  log(`render: first mount in ${COLD_RUNS * 2} fresh pages`);
  const runs = { tab: [], baseline: [] };
  for (let run = 0; run < COLD_RUNS; run += 1) {
    for (const variant of run % 2 === 0 ? ['tab', 'baseline'] : ['baseline', 'tab']) {
      const page = await openBenchPage(browser, url);
      runs[variant].push(await page.evaluate(([id, which]) => window.__bench.measure(id, which), [COLD_CASE, variant]));
      await page.close();
    }
  }
  const stat = (list, key) => summarize(list.map((timing) => timing[key]));
  return {
    case: COLD_CASE,
    tab: { paintedMs: stat(runs.tab, 'paintedMs'), layoutMs: stat(runs.tab, 'layoutMs') },
    baseline: { paintedMs: stat(runs.baseline, 'paintedMs'), layoutMs: stat(runs.baseline, 'layoutMs') },
    ratio: { paintedMs: pairedRatios(runs.tab.map((timing) => timing.paintedMs), runs.baseline.map((timing) => timing.paintedMs)) },
  };
}

/** Heap, DOM and handles after a full GC (twice: the first can leave work for finalizers). */
async function snapshot(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  const handles = await page.evaluate(() => window.__bench.liveHandles());
  const documentElements = await page.evaluate(() => window.__bench.domNodes());
  return { heapUsedBytes: heap.usedSize, domNodes: counters.nodes, jsEventListeners: counters.jsEventListeners, documentElements, ...handles };
}

async function measureLifecycle(browser, url, log) {
  const runs = [];
  for (let run = 0; run < LIFECYCLE_RUNS; run += 1) {
    log(`lifecycle: run ${run + 1} of ${LIFECYCLE_RUNS} (400 task switches)`);
    const page = await openBenchPage(browser, url);
    const cdp = await page.context().newCDPSession(page);
    const beforeAny = await snapshot(page, cdp);
    await page.evaluate((id) => window.__bench.cycle(id, 10), LIFECYCLE_CASE);
    const after10 = await snapshot(page, cdp);
    await page.evaluate((id) => window.__bench.cycle(id, 190), LIFECYCLE_CASE);
    const after200 = await snapshot(page, cdp);
    // 200 more show whether any growth is a trend or a one-off warm-up.
    await page.evaluate((id) => window.__bench.cycle(id, 200), LIFECYCLE_CASE);
    const after400 = await snapshot(page, cdp);
    runs.push({ beforeAny, after10, after200, after400 });
    await page.close();
  }
  const growth = (key) => summarize(runs.map((run) => run.after200[key] / run.after10[key]));
  const leftBehind = (key) => summarize(runs.map((run) => run.after200[key] - run.beforeAny[key]));
  return {
    case: LIFECYCLE_CASE,
    runs,
    ratioAfter200ToAfter10: { heapUsedBytes: growth('heapUsedBytes'), domNodes: growth('domNodes'), jsEventListeners: growth('jsEventListeners') },
    leftBehindAfter200: Object.fromEntries(
      ['listeners', 'detachedListeners', 'timeouts', 'intervals', 'animationFrames', 'jsEventListeners', 'documentElements'].map((key) => [key, leftBehind(key)]),
    ),
  };
}

async function runBrowserBench(log) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium).`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-bench-page-'));
  let browser;
  let server;
  try {
    const script = fs.readFileSync(await bundle('bench/page/main.tsx', path.join(dir, 'bench.js'), 'browser', { '@twilio/flex-ui': 'bench/page/flexUi.ts' }));
    const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><div id="root"></div><script src="/bench.js"></script></body></html>';
    server = await serve({
      '/': { type: 'text/html; charset=utf-8', body: html },
      '/bench.js': { type: 'text/javascript; charset=utf-8', body: script },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await openBenchPage(browser, server.url);
    const cases = await page.evaluate(() => window.__bench.cases());
    const mounts = await measureRenders(page, cases, log);
    const keystrokes = await measureKeystrokes(page, cases, log);
    const renders = mounts.map((found) => keystrokes.find((typed) => typed.id === found.id) ?? found);
    await page.close();
    const coldMount = await measureColdMount(browser, server.url, log);
    const lifecycle = await measureLifecycle(browser, server.url, log);
    return { chromium: browser.version(), goals: GOALS, rounds: ROUNDS, warmUpRounds: WARM_UP_ROUNDS, renders, coldMount, lifecycle };
  } finally {
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runBrowserBench };
