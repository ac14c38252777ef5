/** A dependency-free SVG line chart: median per point, with a min–max whisker, one line per series. */

const WIDTH = 720;
const HEIGHT = 400;
const MARGIN = { top: 48, right: 150, bottom: 56, left: 72 };

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A "nice" axis maximum and step (1, 2 or 5 × 10^n) for about five ticks. */
function niceScale(max) {
  const rough = Math.max(max, 1e-9) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough);
  return { max: Math.ceil(max / step) * step, step };
}

/**
 * series: [{ name, color, points: [{ x, median, min, max }] }]. Returns the SVG text.
 */
function lineChart({ title, xLabel, yLabel, series }) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const points = series.flatMap((line) => line.points);
  const xScale = niceScale(Math.max(...points.map((point) => point.x)));
  const yScale = niceScale(Math.max(...points.map((point) => point.max)));
  const px = (x) => MARGIN.left + (x / xScale.max) * plotWidth;
  const py = (y) => MARGIN.top + plotHeight - (y / yScale.max) * plotHeight;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>`,
  ];
  for (let y = 0; y <= yScale.max + 1e-9; y += yScale.step) {
    out.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${py(y)}" y2="${py(y)}" stroke="#e1e3ea"/>`);
    out.push(`<text x="${MARGIN.left - 8}" y="${py(y) + 4}" text-anchor="end">${+y.toFixed(6)}</text>`);
  }
  for (let x = 0; x <= xScale.max + 1e-9; x += xScale.step) {
    out.push(`<text x="${px(x)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${+x.toFixed(6)}</text>`);
  }
  out.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${py(0)}" y2="${py(0)}" stroke="#606b85"/>`);
  out.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${py(0)}" stroke="#606b85"/>`);
  out.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 14}" text-anchor="middle">${escape(xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escape(yLabel)}</text>`);
  series.forEach((line, index) => {
    const sorted = [...line.points].sort((a, b) => a.x - b.x);
    out.push(`<polyline fill="none" stroke="${line.color}" stroke-width="2" points="${sorted.map((point) => `${px(point.x).toFixed(1)},${py(point.median).toFixed(1)}`).join(' ')}"/>`);
    for (const point of sorted) {
      out.push(`<line x1="${px(point.x)}" x2="${px(point.x)}" y1="${py(point.min)}" y2="${py(point.max)}" stroke="${line.color}" stroke-opacity="0.6"/>`);
      out.push(`<circle cx="${px(point.x)}" cy="${py(point.median)}" r="3" fill="${line.color}"/>`);
    }
    const legendY = MARGIN.top + 8 + index * 20;
    out.push(`<line x1="${WIDTH - MARGIN.right + 16}" x2="${WIDTH - MARGIN.right + 36}" y1="${legendY}" y2="${legendY}" stroke="${line.color}" stroke-width="2"/>`);
    out.push(`<text x="${WIDTH - MARGIN.right + 42}" y="${legendY + 4}">${escape(line.name)}</text>`);
  });
  out.push(`<text x="${WIDTH - MARGIN.right + 16}" y="${MARGIN.top + 8 + series.length * 20 + 8}" fill="#606b85">dot: median</text>`);
  out.push(`<text x="${WIDTH - MARGIN.right + 16}" y="${MARGIN.top + 8 + series.length * 20 + 24}" fill="#606b85">bar: min–max</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

module.exports = { lineChart };
