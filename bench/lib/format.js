/** How the benchmark tables write figures: milliseconds, ratios, sizes and "median (min–max)" spreads. */

const ms = (value) => (value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(1) : value.toFixed(0));
const times = (value) => `${value.toFixed(2)}×`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
/** "median (min–max)" of a summary (bench/lib/stats.js), each figure written by `format`. */
const spread = (summary, format) => `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;

module.exports = { ms, times, kb, spread };
