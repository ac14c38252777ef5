/** Summaries of repeated measurements: every figure the report shows is min/median/max over runs. */

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** { n, min, median, max } of a list of numbers. */
function summarize(values) {
  if (values.length === 0) throw new Error('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, min: sorted[0], median: median(sorted), max: sorted[sorted.length - 1] };
}

/** Ratio of each subject run to the baseline run paired with it (same round, same noise). */
function pairedRatios(subject, baseline) {
  if (subject.length !== baseline.length) throw new Error('pairedRatios: runs are not paired');
  return summarize(subject.map((value, index) => value / baseline[index]));
}

module.exports = { summarize, pairedRatios };
