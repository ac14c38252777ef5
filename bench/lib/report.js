/** docs/benchmarks.md and its chart, written from bench/results.json's figures only. */
const fs = require('fs');
const path = require('path');

const { lineChart } = require('./chart');
const { ROOT } = require('./bundleTs');

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => (value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(1) : value.toFixed(0));
const times = (value) => `${value.toFixed(2)}×`;
/** "median (min–max)" of a summary, each figure formatted by `format`. */
const spread = (summary, format) => `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;
const verdict = (met) => (met ? '**met**' : '**not met**');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

function goalsTable({ bundle, model, browser, functionOverhead, requestCount }) {
  const rows = [];
  const notMeasured = (suite) => `not measured: ${suite.missing}`;
  if (bundle.missing) rows.push(['bundle gzip ≤ 1.3× Paste floor', notMeasured(bundle), '—']);
  else rows.push([`bundle gzip ≤ ${bundle.goalRatioToPasteFloor}× Paste floor`, `${times(bundle.ratios.gzipToPasteFloor)} (${kb(bundle.plugin.gzip)} vs ${kb(bundle.pasteFloor.gzip)})`, verdict(bundle.ratios.gzipToPasteFloor <= bundle.goalRatioToPasteFloor)]);
  if (model.missing) rows.push(['parseHandoffContext ≤ 2× JSON.parse', notMeasured(model), '—']);
  else {
    for (const found of model.cases) {
      rows.push([`parseHandoffContext ≤ ${model.goalRatio}× JSON.parse, ${found.size} as ${found.input}`, `${times(found.ratio.median)} median`, verdict(found.ratio.median <= model.goalRatio)]);
    }
  }
  if (browser.missing) rows.push(['tab render and lifecycle', notMeasured(browser), '—']);
  else {
    const typical = browser.renders.find((found) => found.id === 'typical');
    const cold = browser.coldMount;
    rows.push([
      `typical handoff painted ≤ ${browser.goals.typicalPaintedMs} ms`,
      `${ms(typical.tab.paintedMs.median)} ms median (${times(typical.ratio.paintedMs.median)} plain divs); first mount in a fresh page (once per Flex session): ${ms(cold.tab.paintedMs.median)} ms (${times(cold.ratio.paintedMs.median)})`,
      `${verdict(typical.tab.paintedMs.median <= browser.goals.typicalPaintedMs)}${cold.tab.paintedMs.median > browser.goals.typicalPaintedMs ? ' (not for the first mount)' : ''}`,
    ]);
    for (const found of browser.renders.filter((candidate) => candidate.missing)) {
      rows.push([goalFor(found.id), found.missing, '—']);
    }
    const growth = browser.lifecycle.ratioAfter200ToAfter10;
    const worst = Math.max(growth.heapUsedBytes.max, growth.domNodes.max);
    rows.push([`heap and DOM after 200 switches within ${browser.goals.lifecycleGrowth * 100}% of after 10`, `heap ${times(growth.heapUsedBytes.max)}, DOM nodes ${times(growth.domNodes.max)} (worst of ${growth.heapUsedBytes.n})`, verdict(worst <= 1 + browser.goals.lifecycleGrowth)]);
    const left = browser.lifecycle.leftBehindAfter200;
    const handlesLeft = ['listeners', 'detachedListeners', 'timeouts', 'intervals', 'animationFrames', 'jsEventListeners'].reduce((sum, key) => sum + Math.max(0, left[key].max), 0);
    rows.push(['no listeners or timers left behind', `${handlesLeft} left after 200 switches`, verdict(handlesLeft === 0)]);
  }
  rows.push(['Function p50 ≤ 1.2× direct fetch, 0 failures', notMeasured(functionOverhead), '—']);
  rows.push(['zero requests for handoff fields on accept', notMeasured(requestCount), '—']);
  return table(['goal', 'measured', 'verdict'], rows);
}

function goalFor(id) {
  return {
    'transcript-1000': '1,000 transcript turns painted ≤ 50 ms',
    'transcript-10000': '10,000 turns no slower than 1,000 (virtualised)',
    'transcript-search-10000': 'transcript search < 16 ms per keystroke at 10,000 turns',
  }[id] ?? id;
}

function bundleSection(bundle) {
  if (bundle.missing) return `Not measured: ${bundle.missing}.`;
  const row = (label, entry) => [label, `\`${entry.file}\``, kb(entry.raw), kb(entry.gzip), times(bundle.plugin.gzip / entry.gzip), `${entry.buildSeconds.toFixed(0)} s`];
  return [
    'Built in this run with the plugin\'s own toolchain (`flex-plugin build`, flex-plugin-scripts 7.1.2); gzip at level 9.',
    'The Paste floor renders once each, with no logic, the Paste exports `src/` imports (found by scanning `src/`, regenerated every run into `bench/fixtures/paste-floor-plugin/src/index.js`):',
    '',
    Object.entries(bundle.pasteImports).map(([specifier, names]) => `\`${specifier}\` (${names.join(', ')})`).join(', '),
    '',
    table(['bundle', 'file', 'raw', 'gzip', 'plugin gzip ÷ this', 'build time'], [
      row('**PolyAI Context plugin**', bundle.plugin),
      row('Paste floor', bundle.pasteFloor),
      row('empty Flex plugin', bundle.empty),
    ]),
    '',
    `CI budget (\`bench/budget.json\`, checked by \`scripts/check-bundle-size.js\` after the build in \`.ci/run\`): ${kb(bundle.budget.maxRawBytes)} raw / ${kb(bundle.budget.maxGzipBytes)} gzip; today's bundle uses ${times(bundle.plugin.raw / bundle.budget.maxRawBytes)} / ${times(bundle.plugin.gzip / bundle.budget.maxGzipBytes)} of it.`,
  ].join('\n');
}

/** Why a goal is missed, stated only while it is. Sources: CPU profiles and the code, see each note. */
function modelGapNote(model) {
  const missed = model.cases.filter((found) => found.ratio.median > model.goalRatio);
  if (missed.length === 0) return [];
  return [
    '',
    `**Gap:** ${missed.map((found) => `${found.size} as ${found.input} (${times(found.ratio.median)})`).join(', ')} over the ${model.goalRatio}× goal. ` +
      'parseHandoffContext does JSON.parse (for a string) and then builds every captured field: a path string, a copy of its segments and a human label per field. ' +
      'A CPU profile (`node --cpu-prof`, 1 KB and 100 KB objects, 2026-11-25) put about 30% of the time in `walk` and 40% (1 KB) to 57% (100 KB) in `humanizeKey`/`labelForPath` ' +
      '(the word-boundary regex with look-behinds runs on every key of every field, though list items repeat the same keys). ' +
      'Memoising `humanizeKey` per key and extending labels/paths per segment instead of rebuilding them would attack most of it. ' +
      `In absolute terms the smallest case costs ${ms(missed[0].subjectMs.median)} ms per task; from 1 MB up the 500-field cap bounds the walk, so JSON.parse dominates.`,
  ];
}

function modelSection(model) {
  if (model.missing) return `Not measured: ${model.missing}.`;
  return [
    `Each round times many calls of each (alternating which runs first) after a warm-up; ${model.rounds} rounds; the ratio is per round. Baseline: ${model.baseline}. Times are per call.`,
    '',
    table(['attributes', 'bytes', 'given as', 'fields kept', 'parseHandoffContext ms', 'JSON.parse ms', 'ratio median (min–max)'], model.cases.map((found) => [
      found.size, found.bytes.toLocaleString('en-US'), found.input, `${found.capturedFields} (${found.status})`,
      spread(found.subjectMs, ms), spread(found.baselineMs, ms), spread(found.ratio, times),
    ])),
    ...modelGapNote(model),
  ].join('\n');
}

/** The same case's first mount in a fresh page (styles not injected, code not compiled): n pages each. */
function coldRow(browser) {
  const { coldMount: cold } = browser;
  const found = browser.renders.find((candidate) => candidate.id === cold.case);
  return [`${found.label}, first mount in a fresh page (${cold.tab.paintedMs.n} pages each)`, found.inputSize, `${found.items} (${found.capturedFields} fields)`, spread(cold.tab.paintedMs, ms), spread(cold.baseline.paintedMs, ms), spread(cold.ratio.paintedMs, times), spread(cold.tab.layoutMs, ms), spread(cold.baseline.layoutMs, ms)];
}

/** Captured fields have no time goal; say when they cost more than a frame, and why. */
function fieldsNote(browser) {
  const slow = browser.renders.filter((found) => found.id.startsWith('fields-') && !found.missing && found.tab.paintedMs.median > browser.goals.typicalPaintedMs);
  if (slow.length === 0) return [];
  const first = slow[0];
  return [
    '',
    `**Note (no goal set):** from ${first.label} the tab takes more than one frame to paint (${ms(first.tab.paintedMs.median)} ms, ${times(first.ratio.paintedMs.median)} plain divs). ` +
      'Each captured field is a Paste `Tr` with a `Th`, a `Td` and two `Text`s, each an Emotion-styled component, where the baseline has three divs; the cost grows linearly with rows. ' +
      'Virtualising the captured-fields table (as the transcript will be) or showing the first rows with a "show all" would keep large handoffs within a frame.',
  ];
}

function renderSection(browser) {
  if (browser.missing) return `Not measured: ${browser.missing}.`;
  const rows = browser.renders.filter((found) => found.kind === 'mount').map((found) => found.missing
    ? [found.label, found.inputSize, '—', found.missing, '', '', '', '']
    : [found.label, found.inputSize, `${found.items} (${found.capturedFields} fields)`, spread(found.tab.paintedMs, ms), spread(found.baseline.paintedMs, ms), spread(found.ratio.paintedMs, times), spread(found.tab.layoutMs, ms), spread(found.baseline.layoutMs, ms)]);
  const keystrokes = browser.renders.filter((found) => found.kind === 'keystroke').map((found) => `- ${found.label}: ${found.missing}.`);
  return [
    `Chromium ${browser.chromium}, headless, software rendering. Each mount starts at the beginning of a frame (inside \`requestAnimationFrame\`): **painted** is from mount to the end of that frame (a task queued from the rAF callback runs after paint), **layout** is mount → React commit → forced style and layout. The tab is the real \`HandoffContextView\` (inside \`TabErrorBoundary\`, under Paste's \`CustomizationProvider\` mounted once, as in Flex); the baseline renders the same label/value items as plain \`<div>\`s, in the same page, alternating with the tab. Context parsed before timing. ${browser.rounds} rounds after ${browser.warmUpRounds} warm-up rounds. Panel 480 × 800 px.`,
    '',
    'The model keeps at most 500 captured fields (`DEFAULT_LIMITS.maxFields`), so the 2,000-field case renders the model\'s real output: 500 fields plus the "only the first 500" notice.',
    '',
    table(['case', 'input', 'items shown', 'tab painted ms', 'plain divs painted ms', 'ratio median (min–max)', 'tab layout ms', 'plain divs layout ms'], [...rows, coldRow(browser)]),
    '',
    ...keystrokes,
    ...fieldsNote(browser),
    '',
    `The first mount in a fresh page also pays for Emotion inserting each Paste component's CSS rules and for compiling the code; Flex keeps the page for the whole session, so agents pay it once per session, on their first PolyAI task (${ms(browser.coldMount.tab.paintedMs.median)} ms here; plain divs pay ${ms(browser.coldMount.baseline.paintedMs.median)} ms for their cold start).`,
    '',
    ...chartsFor(browser).map((chart) => (chart.svg ? `![${chart.title}](${chart.file})` : `No chart against ${chart.xLabel}: nothing on that axis is measured yet.`)),
  ].join('\n');
}

function lifecycleSection(browser) {
  if (browser.missing) return `Not measured: ${browser.missing}.`;
  const { lifecycle } = browser;
  const median = (key, when) => [...lifecycle.runs.map((run) => run[when][key])].sort((a, b) => a - b)[lifecycle.runs.length >> 1];
  const row = (label, key, format) => [label, ...['beforeAny', 'after10', 'after200', 'after400'].map((when) => format(median(key, when))), spread(lifecycle.ratioAfter200ToAfter10[key], times)];
  const perSwitch = (from, to, switches) => (median('heapUsedBytes', to) - median('heapUsedBytes', from)) / switches;
  const early = perSwitch('after10', 'after200', 190);
  const late = perSwitch('after200', 'after400', 200);
  const flat = ['domNodes', 'jsEventListeners'].every((key) => median(key, 'after400') === median(key, 'after10'));
  const left = lifecycle.leftBehindAfter200;
  return [
    `The ${lifecycle.case} tab mounted and unmounted 400 times in each of ${lifecycle.runs.length} runs, one fresh page per run, each switch painted. Snapshots after two forced GCs (CDP \`HeapProfiler.collectGarbage\`), heap from \`Runtime.getHeapUsage\`, DOM nodes and listeners from \`Memory.getDOMCounters\`. Baseline: the same page after 10 switches. Medians of the runs; ratio median (min–max).`,
    '',
    table(['measure', 'before any switch', 'after 10', 'after 200', 'after 400', 'after 200 ÷ after 10'], [
      row('JS heap used', 'heapUsedBytes', kb),
      row('DOM nodes (incl. detached)', 'domNodes', String),
      row('JS event listeners (Chromium)', 'jsEventListeners', String),
    ]),
    '',
    `Heap growth per switch (medians): ${early.toFixed(0)} B from switch 10 to 200, ${late.toFixed(0)} B from 200 to 400` +
      (flat
        ? ', with DOM nodes and listeners flat. A retained tab would keep its DOM nodes, so no tab is left alive' +
          (late < early ? '; the slowing growth is consistent with compiled code and style caches warming up.' : '; the growth is not slowing down: worth a heap snapshot diff.')
        : ', and DOM nodes or listeners grow too: tabs are being retained.'),
    '',
    'Still alive after 200 switches, minus before any switch (page-side tracking of `addEventListener`, `setTimeout`, `setInterval`, `requestAnimationFrame`; max over runs):',
    '',
    table(['listeners (attached)', 'listeners on detached nodes', 'timeouts', 'intervals', 'animation frames', 'elements in document'], [[
      left.listeners.max, left.detachedListeners.max, left.timeouts.max, left.intervals.max, left.animationFrames.max, left.documentElements.max,
    ]]),
  ].join('\n');
}

/** One chart per x axis; a chart appears once any case on its axis is measured (transcripts: later). */
const CHARTS = [
  { file: 'benchmarks-render.svg', title: 'Mount to painted: PolyAI Context tab vs plain divs (Chromium)', xLabel: 'items shown', x: (found) => (found.turns === null ? found.items : null) },
  { file: 'benchmarks-transcript.svg', title: 'Mount to painted against transcript length (Chromium)', xLabel: 'transcript turns', x: (found) => found.turns },
];

function chartsFor(browser) {
  const measured = browser.renders.filter((found) => found.kind === 'mount' && !found.missing);
  return CHARTS.map((chart) => {
    // Cases past the model's field cap show the same items as the cap itself: one point per x.
    const points = [...new Map(measured.filter((found) => chart.x(found) !== null).map((found) => [chart.x(found), found])).values()];
    const series = (name, color, variant) => ({ name, color, points: points.map((found) => ({ x: chart.x(found), ...found[variant].paintedMs })) });
    const svg = points.length === 0 ? null : lineChart({ title: chart.title, xLabel: chart.xLabel, yLabel: 'ms, mount to painted', series: [series('Context tab', '#0263e0', 'tab'), series('plain divs', '#8891aa', 'baseline')] });
    return { ...chart, svg };
  });
}

function writeReport(results) {
  const { suites } = results;
  const docs = path.join(ROOT, 'docs');
  fs.mkdirSync(docs, { recursive: true });
  if (!suites.browser.missing) {
    for (const chart of chartsFor(suites.browser)) if (chart.svg) fs.writeFileSync(path.join(docs, chart.file), chart.svg);
  }
  const missing = Object.values(suites).filter((suite) => suite.missing).map((suite) => `- **${suite.title}**: ${suite.missing}.`);
  const markdown = [
    '# Benchmarks',
    '',
    `<!-- Generated by \`npm run bench\` (bench/run.js) from bench/results.json: do not edit by hand. -->`,
    '',
    `Run ${results.generatedAt} on ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, load average ${results.machine.loadAverageAtStart.join(' / ')} at start (a shared machine: the spreads show the noise), in ${results.seconds.toFixed(0)} s. Every figure is set against a baseline measured in the same run; spreads are median (min–max) over repeated runs. Timings are reported, never gated in CI; only the bundle budget is.`,
    '',
    '## Goals',
    '',
    goalsTable(suites),
    '',
    '## Bundle cost',
    '',
    bundleSection(suites.bundle),
    '',
    '## Model speed',
    '',
    modelSection(suites.model),
    '',
    '## Tab render in Chromium',
    '',
    renderSection(suites.browser),
    '',
    '## Nothing outlives the task',
    '',
    lifecycleSection(suites.browser),
    '',
    '## Not measured on this branch',
    '',
    ...(missing.length > 0 ? missing : ['Nothing.']),
    '',
  ].join('\n');
  fs.writeFileSync(path.join(docs, 'benchmarks.md'), markdown);
}

module.exports = { writeReport };
