// The report's charts as SVG strings, for the HTML page and the PDF (the document writers embed
// them as they are). Scales, ticks and the target line come from d3-scale and d3-shape; only the
// marks are written here. Text in an SVG is escaped: KPI names and labels are the agreement's.
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { displayWidth } from "../util/text-width.js";
import { escapeSvg } from "../util/svg-text.js";

export interface KpiChartInput {
  /** Above the plot: the KPI's name. */
  title: string;
  /** One label per month, in order. */
  months: readonly string[];
  actual: readonly (number | null)[];
  target: readonly (number | null)[];
  /** A figure as the axis and the labels show it (money, percent, hours). */
  format: (n: number) => string;
  legend: { actual: string; target: string };
  /** Per month, whether the actual reaches the target (colours the bar). */
  good: readonly (boolean | null)[];
}

export interface FunnelChartInput {
  title: string;
  rates: readonly { label: string; planned: number | null; measured: number | null }[];
  format: (fraction: number) => string;
  legend: { planned: string; measured: string };
}

export interface Chart {
  svg: string;
  width: number;
  height: number;
  /** The marks without the enclosing <svg>, for chartRow. */
  parts?: string[];
}

const COLOURS = {
  good: "#2f7d4f",
  bad: "#c0392b",
  none: "#9aa0a6",
  target: "#1f3b73",
  planned: "#9db4d9",
  measured: "#1f3b73",
  axis: "#5f6368",
  grid: "#e0e0e0",
};
const FONT = `font-family="'Noto Sans', 'Noto Sans JP', sans-serif"`;

const fixed = (n: number) => Number(n.toFixed(2));

/** About how wide a text is drawn at a size: half an em a column, a Japanese character two. */
const textWidth = (text: string, size: number) => displayWidth(text) * size * 0.56;

/** A title that would run into the next chart is drawn narrower, never over it. */
function title(text: string, x: number, room: number): string {
  const fit = textWidth(text, 11) > room ? ` textLength="${fixed(room)}" lengthAdjust="spacingAndGlyphs"` : "";
  return `<text x="${x}" y="14" font-size="11" font-weight="bold" fill="#202124"${fit}>${escapeSvg(text)}</text>`;
}

/** Bars for the actuals, a line for the target, per month; the y axis from the scale's own ticks. */
export function kpiChart(input: KpiChartInput): Chart {
  // Two a row fill the PDF's text width (483 pt) at their own size, so the axis labels print at
  // 8 pt; four rows a page.
  const width = 240;
  const height = 156;
  const margin = { top: 24, right: 8, bottom: 34, left: 56 };
  const known = [...input.actual, ...input.target].filter((v): v is number => v !== null);
  const x = scaleBand<number>()
    .domain(input.months.map((_, i) => i))
    .range([margin.left, width - margin.right])
    .padding(0.3);
  const y = scaleLinear()
    .domain([0, Math.max(0, ...known) || 1])
    .nice(4)
    .range([height - margin.bottom, margin.top]);
  const ticks = y.ticks(4);
  const parts: string[] = [];
  parts.push(title(input.title, 2, width - 12));
  for (const t of ticks) {
    const ty = fixed(y(t));
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}" stroke="${COLOURS.grid}" stroke-width="0.5"/>`);
    parts.push(`<text x="${margin.left - 4}" y="${ty + 3}" font-size="8" text-anchor="end" fill="${COLOURS.axis}">${escapeSvg(input.format(t))}</text>`);
  }
  input.actual.forEach((v, i) => {
    if (v === null) return;
    const top = fixed(y(v));
    const fill = input.good[i] === null ? COLOURS.none : input.good[i] ? COLOURS.good : COLOURS.bad;
    parts.push(`<rect x="${fixed(x(i)!)}" y="${top}" width="${fixed(x.bandwidth())}" height="${fixed(y(0) - top)}" fill="${fill}"/>`);
  });
  // The target as a step across each month's whole width, not a line through the bars' middles:
  // a report of one month drew a line of one point, which is nothing.
  const gap = x.step() - x.bandwidth();
  const steps = input.target.flatMap((v, i) => [
    { x: x(i)! - gap / 2, v },
    { x: x(i)! + x.bandwidth() + gap / 2, v },
  ]);
  const path = line<{ x: number; v: number | null }>()
    .defined((p) => p.v !== null)
    .x((p) => fixed(p.x))
    .y((p) => fixed(y(p.v!)))(steps);
  if (path) parts.push(`<path d="${path}" fill="none" stroke="${COLOURS.target}" stroke-width="1.5" stroke-dasharray="4 2"/>`);
  input.months.forEach((m, i) => {
    parts.push(
      `<text x="${fixed(x(i)! + x.bandwidth() / 2)}" y="${height - margin.bottom + 12}" font-size="8" text-anchor="middle" fill="${COLOURS.axis}">${escapeSvg(m)}</text>`,
    );
  });
  parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${fixed(y(0))}" y2="${fixed(y(0))}" stroke="${COLOURS.axis}" stroke-width="0.75"/>`);
  const ly = height - 8;
  // The bars are green where the target was reached and red where not: both swatches for one word.
  parts.push(`<rect x="${margin.left}" y="${ly - 7}" width="8" height="8" fill="${COLOURS.good}"/>`);
  parts.push(`<rect x="${margin.left + 9}" y="${ly - 7}" width="8" height="8" fill="${COLOURS.bad}"/>`);
  parts.push(`<text x="${margin.left + 20}" y="${ly}" font-size="8" fill="${COLOURS.axis}">${escapeSvg(input.legend.actual)}</text>`);
  const lx = margin.left + Math.max(60, 28 + textWidth(input.legend.actual, 8));
  parts.push(`<line x1="${lx}" x2="${lx + 14}" y1="${ly - 3}" y2="${ly - 3}" stroke="${COLOURS.target}" stroke-width="1.5" stroke-dasharray="4 2"/>`);
  parts.push(`<text x="${lx + 18}" y="${ly}" font-size="8" fill="${COLOURS.axis}">${escapeSvg(input.legend.target)}</text>`);
  return { svg: svg(width, height, input.title, parts), width, height, parts };
}

/**
 * Charts side by side in one SVG (small multiples): a page holds two KPIs a row instead of one,
 * and each keeps its own scale.
 */
export function chartRow(charts: readonly (Chart & { parts?: string[] })[], title: string): Chart {
  const width = charts.reduce((sum, c) => sum + c.width, 0);
  const height = Math.max(...charts.map((c) => c.height));
  let x = 0;
  const parts = charts.map((c) => {
    const g = `<g transform="translate(${x},0)">\n${(c.parts ?? []).join("\n")}\n</g>`;
    x += c.width;
    return g;
  });
  return { svg: svg(width, height, title, parts), width, height };
}

/** The conversion rates the agreement assumed beside the measured ones, a pair of bars per rate. */
export function funnelChart(input: FunnelChartInput): Chart {
  const width = 520;
  const rowHeight = 30;
  // Room on the left for the longest rate's name ("Konversionsrate SQL → Angebot").
  const longest = Math.max(0, ...input.rates.map((r) => textWidth(r.label, 9)));
  const margin = { top: 30, right: 20, bottom: 40, left: Math.round(Math.min(240, Math.max(150, longest + 16))) };
  const height = margin.top + margin.bottom + rowHeight * input.rates.length;
  const known = input.rates.flatMap((r) => [r.planned, r.measured]).filter((v): v is number => v !== null);
  const y = scaleBand<number>()
    .domain(input.rates.map((_, i) => i))
    .range([margin.top, height - margin.bottom])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, Math.max(0, ...known) || 1])
    .nice(5)
    .range([margin.left, width - margin.right]);
  const bar = y.bandwidth() / 2;
  const parts: string[] = [title(input.title, margin.left, width - margin.left - margin.right)];
  for (const t of x.ticks(5)) {
    const tx = fixed(x(t));
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="${COLOURS.grid}" stroke-width="0.5"/>`);
    parts.push(
      `<text x="${tx}" y="${height - margin.bottom + 12}" font-size="8" text-anchor="middle" fill="${COLOURS.axis}">${escapeSvg(input.format(t))}</text>`,
    );
  }
  input.rates.forEach((rate, i) => {
    const top = y(i)!;
    parts.push(
      `<text x="${margin.left - 6}" y="${fixed(top + y.bandwidth() / 2 + 3)}" font-size="9" text-anchor="end" fill="#202124">${escapeSvg(rate.label)}</text>`,
    );
    if (rate.planned !== null)
      parts.push(
        `<rect x="${margin.left}" y="${fixed(top)}" width="${fixed(x(rate.planned) - margin.left)}" height="${fixed(bar)}" fill="${COLOURS.planned}"/>`,
      );
    if (rate.measured !== null) {
      const fill = rate.planned !== null && rate.measured < rate.planned ? COLOURS.bad : COLOURS.measured;
      parts.push(`<rect x="${margin.left}" y="${fixed(top + bar)}" width="${fixed(x(rate.measured) - margin.left)}" height="${fixed(bar)}" fill="${fill}"/>`);
    }
  });
  const ly = height - 10;
  parts.push(`<rect x="${margin.left}" y="${ly - 7}" width="8" height="8" fill="${COLOURS.planned}"/>`);
  parts.push(`<text x="${margin.left + 11}" y="${ly}" font-size="8" fill="${COLOURS.axis}">${escapeSvg(input.legend.planned)}</text>`);
  const mx = margin.left + Math.max(120, 30 + textWidth(input.legend.planned, 8));
  parts.push(`<rect x="${fixed(mx)}" y="${ly - 7}" width="8" height="8" fill="${COLOURS.measured}"/>`);
  parts.push(`<text x="${fixed(mx + 11)}" y="${ly}" font-size="8" fill="${COLOURS.axis}">${escapeSvg(input.legend.measured)}</text>`);
  return { svg: svg(width, height, input.title, parts), width, height };
}

function svg(width: number, height: number, title: string, parts: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" ${FONT}>`,
    `<title>${escapeSvg(title)}</title>`,
    ...parts,
    `</svg>`,
  ].join("\n");
}
