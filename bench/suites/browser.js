/**
 * The tab in real Flex: the offline preview (`npm run preview`'s server: @twilio/flex-ui 2.17.1 with the
 * plugin's production bundle loaded by Flex's plugin manager) in headless Chromium, the harness of
 * bench/page injected before the page's scripts. Every figure is paired with Flex's own Info tab for the
 * same task in the same page: render (each tab's first opening on a fresh task), first mount in a fresh
 * Flex page, and task after task (heap, DOM and handles after forced GCs).
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { launchChromium } = require('../../devtools/preview/browser');
const { bundle, ROOT } = require('../lib/bundleTs');
const { ms, spread, times } = require('../lib/format');
const { summarize, pairedRatios } = require('../lib/stats');

const WARM_UP_ROUNDS = 3;
const ROUNDS = 16;
const COLD_RUNS = 6;
const COLD_CASE = 'typical';
const LIFECYCLE_CASE = 'typical';
const LIFECYCLE_RUNS = 2;
/** Task counts at which the lifecycle run snapshots the page. */
const LIFECYCLE_AT = [10, 50, 100];
const FRAME_MS = 16;
const KEYSTROKE_CASE = 'transcript-10000';
const KEYSTROKE_WORD = 'refund';
const KEYSTROKE_ROUNDS = 8;
/** Issue 27's goals for 500 captured fields: the first screen as fast as Flex's Info tab, and no frame past 50 ms while the rest arrive. */
const GOALS = { typicalRatio: 1.2, fieldsCase: 'fields-500', fieldsFirstRatio: 1.2, fieldsLongestFrameMs: 50, coldRatio: 2, lifecycleGrowth: 0.05, transcript1000PaintedMs: 50, transcriptNoSlower: 0.1 };
const PAGE_TIMEOUT_MS = 120_000;

const PREVIEW_CLI = path.join(ROOT, 'devtools', 'preview', 'cli.js'); // npm run preview
const PREVIEW_START_MS = 300_000;

/**
 * `npm run preview` in its own process on a free port, as a developer runs it: nothing of the preview (its
 * Functions, their runtime) shares the bench's process. Resolves with its URL and how to stop it.
 */
function startPreview() {
  const child = spawn(process.execPath, [PREVIEW_CLI], { cwd: ROOT, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (error) => {
      clearTimeout(timer);
      void stop().then(() => reject(error));
    };
    const timer = setTimeout(() => fail(new Error(`the preview did not start within ${PREVIEW_START_MS / 1000} s:\n${output}`)), PREVIEW_START_MS);
    const read = (chunk) => {
      if (output === null) return; // started: its log (a line per Function call) is drained, not kept
      output += chunk;
      const url = /PolyAI Context preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (!url) return;
      output = null;
      clearTimeout(timer);
      resolve({ url, close: stop });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      if (output !== null) fail(new Error(`the preview exited (${code}):\n${output}`));
    });
  });
}

async function openBenchPage(browser, url, harness) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.addInitScript({ content: harness });
  await page.goto(url);
  const state = await page.waitForFunction(() => window.previewRuntime?.pluginState, null, { timeout: PAGE_TIMEOUT_MS }).then((handle) => handle.jsonValue());
  if (state !== 'Initialized') throw new Error(`bench: Flex did not initialise the plugin (${state})`);
  const check = () => {
    if (errors.length > 0) throw errors[0];
  };
  return { page, check };
}

const stat = (runs, pick) => summarize(runs.map(pick));

/** Every variant a sample opens: the PolyAI tab, Flex's own Info tab, the harness's Info tab mounted when opened. */
const VARIANTS = ['tab', 'info', 'infoOnOpen'];
/** The variants in the order a round opens them, rotating by round so none always goes first. */
const orderOf = (round, variants = VARIANTS) => variants.map((_, index) => variants[(round + index) % variants.length]);
const timingsOf = (samples) => ({ committedMs: stat(samples, (sample) => sample.committedMs), paintedMs: stat(samples, (sample) => sample.paintedMs), fadedMs: stat(samples, (sample) => sample.fadedMs) });

/** Rounds of samples per case, the order of the tabs rotating by round. */
async function measureRenders(opened, cases, log) {
  const runs = Object.fromEntries(cases.map((found) => [found.id, []]));
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
    if (round % 4 === 0) log(`browser: render round ${round + 1} of ${WARM_UP_ROUNDS + ROUNDS}`);
    for (const found of cases) {
      const sample = await opened.page.evaluate(([id, order]) => window.__bench.measurePair(id, order), [found.id, orderOf(round)]);
      opened.check();
      if (round >= WARM_UP_ROUNDS) runs[found.id].push(sample);
    }
  }
  return cases.map((found) => {
    const samples = runs[found.id];
    const rows = samples.every((sample) => sample.tab.rows) ? samples.map((sample) => sample.tab.rows) : null;
    const paired = (variant, key, baseline = 'info') => pairedRatios(samples.map((sample) => sample[variant][key]), samples.map((sample) => sample[baseline][key]));
    return {
      ...found,
      ...Object.fromEntries(VARIANTS.map((variant) => [variant, timingsOf(samples.map((sample) => sample[variant]))])),
      ratio: { paintedMs: paired('tab', 'paintedMs'), fadedMs: paired('tab', 'fadedMs'), infoOnOpenPaintedMs: paired('infoOnOpen', 'paintedMs') },
      rows: rows && {
        count: stat(rows, (row) => row.rows),
        firstPaintedMs: stat(rows, (row) => row.firstPaintedMs),
        allPaintedMs: stat(rows, (row) => row.allPaintedMs),
        commits: stat(rows, (row) => row.commits),
        longestFrameMs: stat(rows, (row) => row.longestFrameMs),
        firstRatio: pairedRatios(rows.map((row) => row.firstPaintedMs), samples.map((sample) => sample.info.paintedMs)),
      },
    };
  });
}

/**
 * Typing into the transcript search of the longest call, one letter per frame, against a plain controlled
 * input in the same page; keystrokes pair by round and letter. Round 0 warms up.
 */
async function measureKeystrokes(opened, log) {
  log(`browser: ${KEYSTROKE_ROUNDS} rounds of "${KEYSTROKE_WORD}" typed into the transcript search (${KEYSTROKE_CASE})`);
  const rounds = [];
  for (let round = 0; round <= KEYSTROKE_ROUNDS; round += 1) {
    const order = round % 2 === 0 ? ['tab', 'plain'] : ['plain', 'tab'];
    const typed = await opened.page.evaluate(([id, word, first]) => window.__bench.typeWord(id, word, first), [KEYSTROKE_CASE, KEYSTROKE_WORD, order]);
    opened.check();
    if (round > 0) rounds.push(typed);
  }
  const keys = (variant, key) => rounds.flatMap((round) => round[variant].map((keystroke) => keystroke[key]));
  return {
    case: KEYSTROKE_CASE,
    word: KEYSTROKE_WORD,
    rounds: KEYSTROKE_ROUNDS,
    tab: { handledMs: summarize(keys('tab', 'handledMs')), paintedMs: summarize(keys('tab', 'paintedMs')) },
    plain: { handledMs: summarize(keys('plain', 'handledMs')), paintedMs: summarize(keys('plain', 'paintedMs')) },
    ratio: { paintedMs: pairedRatios(keys('tab', 'paintedMs'), keys('plain', 'paintedMs')) },
    update: { committedMs: summarize(rounds.map((round) => round.updateMs)), highlights: summarize(rounds.map((round) => round.highlights)) },
  };
}

/** The first opening in a fresh Flex page (the agent's first task of a session): one page per sample. */
async function measureColdMount(browser, url, harness, log) {
  log(`browser: first mount in ${COLD_RUNS * VARIANTS.length} fresh Flex pages`);
  const runs = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
  for (let run = 0; run < COLD_RUNS; run += 1) {
    for (const variant of orderOf(run)) {
      const opened = await openBenchPage(browser, url, harness);
      const sample = await opened.page.evaluate(([id, only]) => window.__bench.measurePair(id, [only]), [COLD_CASE, variant]);
      opened.check();
      runs[variant].push(sample[variant]);
      await opened.page.close();
    }
  }
  const paired = (variant) => pairedRatios(runs[variant].map((run) => run.paintedMs), runs.info.map((run) => run.paintedMs));
  return {
    case: COLD_CASE,
    ...Object.fromEntries(VARIANTS.map((variant) => [variant, timingsOf(runs[variant])])),
    ratio: { paintedMs: paired('tab'), infoOnOpenPaintedMs: paired('infoOnOpen') },
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

/** Task after task in one page, each with one tab opened; snapshots before any and at LIFECYCLE_AT. */
async function measureLifecycle(browser, url, harness, log) {
  const runs = { tab: [], info: [] };
  for (let run = 0; run < LIFECYCLE_RUNS; run += 1) {
    for (const variant of run % 2 === 0 ? ['tab', 'info'] : ['info', 'tab']) {
      log(`browser: lifecycle run ${run + 1} of ${LIFECYCLE_RUNS}, ${variant}, ${LIFECYCLE_AT.at(-1)} tasks`);
      const opened = await openBenchPage(browser, url, harness);
      const cdp = await opened.page.context().newCDPSession(opened.page);
      const snapshots = { 0: await snapshot(opened.page, cdp) };
      let done = 0;
      for (const count of LIFECYCLE_AT) {
        await opened.page.evaluate(([id, which, more]) => window.__bench.cycle(id, which, more), [LIFECYCLE_CASE, variant, count - done]);
        opened.check();
        done = count;
        snapshots[count] = await snapshot(opened.page, cdp);
      }
      runs[variant].push(snapshots);
      await opened.page.close();
    }
  }
  const [first, , last] = LIFECYCLE_AT;
  const growth = (variant, key) => summarize(runs[variant].map((snapshots) => snapshots[last][key] / snapshots[first][key]));
  const leftBehind = (variant, key) => summarize(runs[variant].map((snapshots) => snapshots[last][key] - snapshots[0][key]));
  const keys = ['listeners', 'detachedListeners', 'timeouts', 'intervals', 'animationFrames', 'jsEventListeners', 'documentElements'];
  return {
    case: LIFECYCLE_CASE,
    at: LIFECYCLE_AT,
    runs,
    growth: Object.fromEntries(['tab', 'info'].map((variant) => [variant, { heapUsedBytes: growth(variant, 'heapUsedBytes'), domNodes: growth(variant, 'domNodes'), jsEventListeners: growth(variant, 'jsEventListeners') }])),
    leftBehind: Object.fromEntries(['tab', 'info'].map((variant) => [variant, Object.fromEntries(keys.map((key) => [key, leftBehind(variant, key)]))])),
  };
}

function goalsOf(renders, cold, lifecycle, keystrokes) {
  const typical = renders.find((found) => found.id === 'typical');
  const fields = renders.find((found) => found.id === GOALS.fieldsCase);
  const [thousand, tenThousand] = ['transcript-1000', 'transcript-10000'].map((id) => renders.find((found) => found.id === id));
  const growth = tenThousand.tab.paintedMs.median / thousand.tab.paintedMs.median;
  const worstGrowth = Math.max(lifecycle.growth.tab.heapUsedBytes.max, lifecycle.growth.tab.domNodes.max);
  const infoGrowth = Math.max(lifecycle.growth.info.heapUsedBytes.max, lifecycle.growth.info.domNodes.max);
  return [
    {
      goal: `typical handoff: tab painted ≤ ${GOALS.typicalRatio}× Flex's Info tab`,
      value: typical.ratio.paintedMs.median,
      unit: '×',
      target: GOALS.typicalRatio,
      detail: `${ms(typical.tab.paintedMs.median)} vs ${ms(typical.info.paintedMs.median)} ms to the first frame showing it; paired ratios ${spread(typical.ratio.paintedMs, times)}; Flex's fade-in ended ${ms(typical.tab.fadedMs.median)} vs ${ms(typical.info.fadedMs.median)} ms; an Info panel mounted on the click: ${ms(typical.infoOnOpen.paintedMs.median)} ms`,
      met: typical.ratio.paintedMs.median <= GOALS.typicalRatio,
    },
    {
      goal: `${fields.label}: first screen painted ≤ ${GOALS.fieldsFirstRatio}× Flex's Info tab`,
      value: fields.rows.firstRatio.median,
      unit: '×',
      target: GOALS.fieldsFirstRatio,
      detail: `first rows ${ms(fields.rows.firstPaintedMs.median)} vs Info ${ms(fields.info.paintedMs.median)} ms; paired ratios ${spread(fields.rows.firstRatio, times)}`,
      met: fields.rows.firstRatio.median <= GOALS.fieldsFirstRatio,
    },
    {
      goal: `${fields.label}: no frame longer than ${GOALS.fieldsLongestFrameMs} ms while the rows arrive`,
      value: fields.rows.longestFrameMs.median,
      unit: 'ms',
      target: GOALS.fieldsLongestFrameMs,
      detail: `median of the longest frame per sample, max ${ms(fields.rows.longestFrameMs.max)} ms; all ${ms(fields.rows.count.median)} rows painted at ${ms(fields.rows.allPaintedMs.median)} ms, over ${ms(fields.rows.commits.median)} frames`,
      met: fields.rows.longestFrameMs.median <= GOALS.fieldsLongestFrameMs,
    },
    {
      goal: `${thousand.label}: tab painted ≤ ${GOALS.transcript1000PaintedMs} ms`,
      value: thousand.tab.paintedMs.median,
      unit: 'ms',
      target: GOALS.transcript1000PaintedMs,
      detail: `${times(thousand.ratio.paintedMs.median)} Flex's Info tab (${ms(thousand.info.paintedMs.median)} ms)`,
      met: thousand.tab.paintedMs.median <= GOALS.transcript1000PaintedMs,
    },
    {
      goal: `${tenThousand.label} no slower than 1,000 (virtualised; within ${GOALS.transcriptNoSlower * 100}%, the run's noise)`,
      value: growth,
      unit: '×',
      target: 1 + GOALS.transcriptNoSlower,
      detail: `${ms(tenThousand.tab.paintedMs.median)} vs ${ms(thousand.tab.paintedMs.median)} ms`,
      met: growth <= 1 + GOALS.transcriptNoSlower,
    },
    {
      goal: `transcript search at ${Number(keystrokes.case.split('-')[1]).toLocaleString('en-US')} turns: a keystroke painted within one frame (${FRAME_MS} ms)`,
      value: keystrokes.tab.paintedMs.median,
      unit: 'ms',
      target: FRAME_MS,
      detail: `${times(keystrokes.ratio.paintedMs.median)} a plain input's in the same page; max ${ms(keystrokes.tab.paintedMs.max)} ms`,
      met: keystrokes.tab.paintedMs.median <= FRAME_MS,
    },
    {
      goal: `… and the debounced search's highlights committed within one frame (${FRAME_MS} ms) of its timer`,
      value: keystrokes.update.committedMs.median,
      unit: 'ms',
      target: FRAME_MS,
      detail: `max ${ms(keystrokes.update.committedMs.max)} ms; ${ms(keystrokes.update.highlights.median)} highlights in view`,
      met: keystrokes.update.committedMs.median <= FRAME_MS,
    },
    {
      goal: `first mount in a fresh Flex page ≤ ${GOALS.coldRatio}× Flex's Info tab's`,
      value: cold.ratio.paintedMs.median,
      unit: '×',
      target: GOALS.coldRatio,
      detail: `${ms(cold.tab.paintedMs.median)} vs ${ms(cold.info.paintedMs.median)} ms; ratios ${spread(cold.ratio.paintedMs, times)}; an Info panel mounted on the click: ${ms(cold.infoOnOpen.paintedMs.median)} ms`,
      met: cold.ratio.paintedMs.median <= GOALS.coldRatio,
    },
    {
      goal: `heap and DOM after ${lifecycle.at.at(-1)} tasks within ${GOALS.lifecycleGrowth * 100}% of after ${lifecycle.at[0]} (PolyAI tab opened on each)`,
      value: worstGrowth,
      unit: '×',
      target: 1 + GOALS.lifecycleGrowth,
      detail: `heap ${times(lifecycle.growth.tab.heapUsedBytes.max)}, DOM nodes ${times(lifecycle.growth.tab.domNodes.max)} (worst run); Flex's Info tab opened instead: ${times(infoGrowth)}`,
      met: worstGrowth <= 1 + GOALS.lifecycleGrowth,
    },
  ];
}

function tablesOf(renders, cold, lifecycle, keystrokes) {
  const renderRow = (found) => [found.label, found.inputSize, spread(found.tab.paintedMs, ms), spread(found.info.paintedMs, ms), spread(found.ratio.paintedMs, times), spread(found.infoOnOpen.paintedMs, ms), `${ms(found.tab.fadedMs.median)} / ${ms(found.info.fadedMs.median)}`, spread(found.tab.committedMs, ms), spread(found.info.committedMs, ms)];
  const coldFound = renders.find((found) => found.id === cold.case);
  const rowsOf = renders.filter((found) => found.id.startsWith('fields-'));
  const snapshotRow = (variant, key, label, format) => {
    const median = (at) => summarize(lifecycle.runs[variant].map((snapshots) => snapshots[at][key])).median;
    return [label, variant === 'tab' ? 'PolyAI tab' : "Flex's Info tab", ...[0, ...lifecycle.at].map((at) => format(median(at))), spread(lifecycle.growth[variant][key], times)];
  };
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  const left = (variant) => lifecycle.leftBehind[variant];
  return [
    {
      caption: 'Opening the tab on a fresh task: PolyAI tab against Flex\'s Info tab, same task, same page',
      head: ['case', 'input', 'PolyAI tab painted ms', 'Info tab painted ms', 'ratio (paired)', 'Info panel mounted on the click, painted ms', 'fade-in ended ms, PolyAI / Info', 'PolyAI tab committed ms', 'Info tab committed ms'],
      rows: [
        ...renders.map(renderRow),
        [`${coldFound.label}, first opening in a fresh Flex page (${cold.tab.paintedMs.n} pages each)`, coldFound.inputSize, spread(cold.tab.paintedMs, ms), spread(cold.info.paintedMs, ms), spread(cold.ratio.paintedMs, times), spread(cold.infoOnOpen.paintedMs, ms), `${ms(cold.tab.fadedMs.median)} / ${ms(cold.info.fadedMs.median)}`, spread(cold.tab.committedMs, ms), spread(cold.info.committedMs, ms)],
      ],
    },
    {
      caption: `Captured fields: a screen's worth built with the tab, the rest once it is opened, a frame's worth at a time; what the agent sees first and when every row is there`,
      head: ['case', 'rows', 'first rows painted ms', 'first rows ÷ Info tab', 'all rows painted ms', 'frames', 'longest frame ms'],
      rows: rowsOf.map((found) => [found.label, ms(found.rows.count.median), spread(found.rows.firstPaintedMs, ms), spread(found.rows.firstRatio, times), spread(found.rows.allPaintedMs, ms), ms(found.rows.commits.median), spread(found.rows.longestFrameMs, ms)]),
    },
    {
      caption: `Typing "${keystrokes.word}" into the transcript search (${keystrokes.case}), one letter per frame, ${keystrokes.rounds} rounds, against a plain controlled input in the same page`,
      head: ['per keystroke (n)', 'PolyAI tab ms', 'plain input ms', 'ratio (paired)'],
      rows: [
        [`handled, event to React commit (${keystrokes.tab.handledMs.n})`, spread(keystrokes.tab.handledMs, ms), spread(keystrokes.plain.handledMs, ms), ''],
        [`painted, event to its frame painted (${keystrokes.tab.paintedMs.n})`, spread(keystrokes.tab.paintedMs, ms), spread(keystrokes.plain.paintedMs, ms), spread(keystrokes.ratio.paintedMs, times)],
        [`debounced search, timer fired to highlights committed (${keystrokes.update.committedMs.n})`, spread(keystrokes.update.committedMs, ms), '', ''],
      ],
    },
    {
      caption: `Task after task (${lifecycle.case}), medians of ${LIFECYCLE_RUNS} runs per tab`,
      head: ['measure', 'tab opened', 'before any', ...lifecycle.at.map((at) => `after ${at}`), `after ${lifecycle.at.at(-1)} ÷ after ${lifecycle.at[0]}`],
      rows: ['tab', 'info'].flatMap((variant) => [
        snapshotRow(variant, 'heapUsedBytes', 'JS heap used', kb),
        snapshotRow(variant, 'domNodes', 'DOM nodes (incl. detached)', String),
        snapshotRow(variant, 'jsEventListeners', 'JS event listeners (Chromium)', String),
      ]),
    },
    {
      caption: `Still alive after ${lifecycle.at.at(-1)} tasks, minus before any (max over runs; page-side tracking of addEventListener and timers)`,
      head: ['tab opened', 'listeners (attached)', 'on detached nodes', 'timeouts', 'intervals', 'animation frames', 'elements in document'],
      rows: ['tab', 'info'].map((variant) => [variant === 'tab' ? 'PolyAI tab' : "Flex's Info tab", ...['listeners', 'detachedListeners', 'timeouts', 'intervals', 'animationFrames', 'documentElements'].map((key) => left(variant)[key].max)]),
    },
  ];
}

const METHOD = [
  'Real Flex: `npm run preview` in its own process and its page (`@twilio/flex-ui` from node_modules, the plugin\'s production bundle from `flex-plugin build` loaded through Flex\'s plugin manager, the local Functions and PolyAI stand-in behind it) in headless Chromium, software rendering, 1280 × 800. The harness (bench/page) is injected before the page\'s scripts and drives Flex through the preview\'s reservation desk and Flex\'s own actions.',
  'Each sample rings a fresh task in (TaskRouter\'s reservation, accepted, selected with `SelectTask`), then opens each tab once with Flex\'s `SetComponentState`, as a click on its header does, at the start of a frame. Flex keeps its tabs mounted from the moment a task shows (hidden while not selected) and the PolyAI tab builds its content with the canvas too, so both show content already there. Every tab is read the same way, after each frame is painted (the DOM and the point of Flex\'s fade that frame showed): **committed** is to its content in the DOM inside the selected tab (React\'s commit), **painted** to the first frame that shows it, **fade-in ended** to the first frame after Flex\'s fade-in (visibility and opacity over 0.15 s, the same for every tab) ended. Baseline: Flex\'s own Info tab (`TaskInfoPanel`) for the same task; for reference, the harness also adds a tab holding Flex\'s `TaskInfoPanel` mounted on the click (the baseline before the PolyAI tab was built with the canvas). Which tab opens first rotates by round; ratios are paired per task.',
  `Captured-field rows are timed from the opening to each frame that adds rows (the tab builds a screen's worth of rows before it is opened and the rest once opened, each frame's rows sized by how long the last frame took): the first such frame painted is what the agent sees first (paired with Flex's Info tab; goal ${GOALS.fieldsFirstRatio}×), the last is every row there (reported, no goal), and the longest frame is the longest time between two painted frames that added rows, the first counted from the click (goal ${GOALS.fieldsLongestFrameMs} ms). ${ROUNDS} rounds after ${WARM_UP_ROUNDS} warm-up rounds per case. The model keeps at most 500 captured fields, so the 2,000-field case renders 500 rows and its notice.`,
  'Transcript cases: the typical handoff\'s task, whose tab requests its transcript from the `polyai-conversation` Function once opened; the page answers at once (no network wait) as the Function answers for a call of N turns (the Conversations API fixture\'s turns repeated and numbered; the Function\'s own `conversationAnswer`, made into bytes before timing): the latest turns for the tab\'s first request, which asks for them, the whole call for a request that does not (the tab\'s later one, on demand, which the openings timed here never make), so the plugin\'s own request, parse and virtualised list are what is timed; **painted** runs to the frame that shows the first transcript rows. The search keystrokes below fetch the whole call once, as the tab does for a search.',
  `Transcript search: in a fresh task of the ${KEYSTROKE_CASE} case, the word "${KEYSTROKE_WORD}" typed one letter per frame into the tab's search box, each letter's \`input\` event dispatched at the start of a frame and timed to that frame painted; baseline: a plain controlled React input added to the same page, typed the same way in the same round (which goes first alternating). The tab's box searches once typing pauses (debounced): that update is timed from its timer firing to the highlights committed. ${KEYSTROKE_ROUNDS} rounds after one warm-up round.`,
  `First opening in a page: one fresh Flex page per sample (${COLD_RUNS} per tab), each tab's first opening, timed as above; Flex's own Info tab has mounted with the canvas by then, and so has the PolyAI tab (Paste's styles and theme set up before the click). Task after task: the ${LIFECYCLE_CASE} task rung in, accepted, one tab opened and painted, the task removed, ${LIFECYCLE_AT.at(-1)} times per page; snapshots after two forced GCs (CDP \`HeapProfiler.collectGarbage\`), heap from \`Runtime.getHeapUsage\`, DOM nodes and listeners from \`Memory.getDOMCounters\`.`,
];

async function runBrowserBench(log) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-bench-page-'));
  let browser;
  let preview;
  try {
    const harness = fs.readFileSync(await bundle('bench/page/harness.ts', path.join(dir, 'harness.js'), 'browser'), 'utf8');
    log('browser: starting the offline preview (npm run preview: real Flex, production plugin bundle)');
    preview = await startPreview();
    browser = await launchChromium();
    const opened = await openBenchPage(browser, preview.url, harness);
    const cases = await opened.page.evaluate(() => window.__bench.cases());
    const renders = await measureRenders(opened, cases, log);
    const keystrokes = await measureKeystrokes(opened, log);
    await opened.page.close();
    const cold = await measureColdMount(browser, preview.url, harness, log);
    const lifecycle = await measureLifecycle(browser, preview.url, harness, log);
    const chart = (file, title, xLabel, x, shown) => ({
      file,
      title,
      xLabel,
      yLabel: 'ms, opened to painted',
      series: [
        { name: 'PolyAI tab', color: '#0263e0', points: renders.filter(shown).map((found) => ({ x: x(found), ...found.tab.paintedMs })) },
        { name: 'Info tab', color: '#8891aa', points: renders.filter(shown).map((found) => ({ x: x(found), ...found.info.paintedMs })) },
      ],
    });
    const charts = [
      chart('benchmarks-render.svg', "Opening the tab in real Flex: PolyAI tab vs Flex's Info tab", 'extra captured fields in the task', (found) => fieldsOf(found.id), (found) => found.turns === null),
      chart('benchmarks-transcript.svg', "Opening the tab with a transcript: PolyAI tab vs Flex's Info tab", 'transcript turns', (found) => found.turns, (found) => found.turns !== null),
    ];
    return {
      method: [...METHOD, `Chromium ${browser.version()}, @twilio/flex-ui ${require('@twilio/flex-ui/package.json').version}.`],
      goals: goalsOf(renders, cold, lifecycle, keystrokes),
      tables: tablesOf(renders, cold, lifecycle, keystrokes),
      charts,
      data: { rounds: ROUNDS, warmUpRounds: WARM_UP_ROUNDS, renders, keystrokes, cold, lifecycle },
    };
  } finally {
    await browser?.close();
    await preview?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The chart's x: extra captured values of the case (the typical handoff's own count as 0). */
const fieldsOf = (id) => (id.startsWith('fields-') ? Number(id.slice('fields-'.length)) : 0);

module.exports = { runBrowserBench };
