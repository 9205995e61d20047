// `sla report` for the terminal: the monthly scorecard, one line per KPI for the latest month
// with its trend over the months measured, then the period to date, the funnel, connect-attempt
// compliance, returned leads and data quality. Words in the agreement's language.
import type { Sla } from "../../model/index.js";
import type { Paint } from "../../format/paint.js";
import { message } from "../../i18n/message.js";
import { mapStrings } from "../../util/map-strings.js";
import { displayWidth } from "../../util/text-width.js";
import { noWorkflowCommands, visible } from "../../util/visible.js";
import type { KpiStatus, Report } from "../model.js";
import { PROBLEM_WORDS, casesOf, kpiSeries, notComputableSentence, shownFunnel, rateGaps, reportWords, type ReportWords } from "./words.js";

export interface ReportTextOptions {
  paint: Paint;
  locale: string;
}

export function formatReportText(report: Report, sla: Sla | undefined, options: ReportTextOptions): string {
  // Every text of the exports and the agreement as shown, never acted on (see visible.ts).
  const shown = mapStrings(report, visible);
  const w = reportWords(shown, sla === undefined ? undefined : mapStrings(sla, visible), options.locale);
  const c = options.paint;
  const out = [...header(shown, w, c), ...scorecard(shown, w, c), ...periodToDate(shown, w, c), ...funnel(shown, w, c)];
  out.push(...connect(shown, w, c), ...returned(shown, w, c), ...quality(shown, w, c));
  return noWorkflowCommands(`${out.join("\n").replace(/\n+$/, "")}\n`, "backslash");
}

function header(report: Report, w: ReportWords, c: Paint): string[] {
  const months = report.periodToDate;
  return [
    c.bold(w.agreement),
    w.say(
      message("report/text.heading", {
        month: w.month(report.through),
        start: w.date(report.period.start),
        end: w.date(report.period.end),
        measured: months.months,
        months: months.periodMonths,
      }),
    ),
    "",
  ];
}

const BARS = "▁▂▃▄▅▆▇█";

/** The months' actuals as bars from lowest to highest; a month without one is a dot. */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  const min = Math.min(...known);
  const max = Math.max(...known);
  return values
    .map((v) => {
      if (v === null) return "·";
      if (max === min) return BARS[3];
      return BARS[Math.round(((v - min) / (max - min)) * (BARS.length - 1))];
    })
    .join("");
}

function statusPaint(c: Paint, status: KpiStatus): (text: string) => string {
  switch (status) {
    case "on-track":
      return c.green;
    case "at-risk":
      return c.yellow;
    case "off-track":
      return c.red.bold;
    default:
      return c.dim;
  }
}

type Cell = { text: string; right?: boolean; paint?: (text: string) => string };

/** Columns padded by the width a terminal gives each character (Japanese takes two). */
function table(rows: Cell[][], indent = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell.text))));
  return rows.map((row) => {
    const cells = row.map((cell, i) => {
      const pad = " ".repeat(widths[i]! - displayWidth(cell.text));
      const text = cell.paint ? cell.paint(cell.text) : cell.text;
      return cell.right ? pad + text : i === row.length - 1 ? text : text + pad;
    });
    return indent + cells.join("  ").trimEnd();
  });
}

function scorecard(report: Report, w: ReportWords, c: Paint): string[] {
  const latest = report.months.at(-1);
  if (!latest) return [w.say(message("report/no-months")), ""];
  const first = report.months[0]!.month;
  const trend = first === latest.month ? w.monthShort(first) : `${w.monthShort(first)}–${w.monthShort(latest.month)}`;
  const rows: Cell[][] = [
    [
      { text: w.say(message("report/column.kpi")) },
      { text: w.say(message("report/column.target")), right: true },
      { text: w.say(message("report/column.actual")), right: true },
      { text: w.say(message("report/column.attainment")), right: true },
      { text: w.say(message("report/column.status")) },
      { text: trend },
    ].map((cell) => ({ ...cell, paint: c.dim })),
  ];
  for (const kpi of latest.kpis) {
    const series = kpiSeries(report, kpi.id).map((k) => k?.actual ?? null);
    const p90 = kpi.p90 === undefined || kpi.p90 === null ? "" : ` (${w.say(message("report/p90", { value: w.value(kpi.unit, kpi.p90) }))})`;
    rows.push([
      { text: w.kpiName(kpi.id) },
      { text: w.value(kpi.unit, kpi.target), right: true },
      { text: w.value(kpi.unit, kpi.actual) + p90, right: true },
      { text: kpi.attainment === null ? "–" : w.percent(kpi.attainment), right: true },
      { text: w.status(kpi.status), paint: statusPaint(c, kpi.status) },
      { text: series.some((v) => v !== null) ? sparkline(series) : "" },
    ]);
  }
  return [c.bold(w.month(latest.month)), ...table(rows), ""];
}

function periodToDate(report: Report, w: ReportWords, c: Paint): string[] {
  const ptd = report.periodToDate;
  const rows: Cell[][] = [
    [
      { text: w.say(message("report/column.kpi")) },
      { text: w.say(message("report/column.target-to-date")), right: true },
      { text: w.say(message("report/column.actual")), right: true },
      { text: w.say(message("report/column.attainment")), right: true },
      { text: w.say(message("report/column.status")) },
      { text: w.say(message("report/column.projected")), right: true },
      { text: w.say(message("report/column.period-target")), right: true },
      { text: w.say(message("report/column.projected-status")) },
    ].map((cell) => ({ ...cell, paint: c.dim })),
  ];
  for (const kpi of ptd.kpis) {
    rows.push([
      { text: w.kpiName(kpi.id) },
      { text: w.value(kpi.unit, kpi.target), right: true },
      { text: w.value(kpi.unit, kpi.actual), right: true },
      { text: kpi.attainment === null ? "–" : w.percent(kpi.attainment), right: true },
      { text: w.status(kpi.status), paint: statusPaint(c, kpi.status) },
      { text: w.value(kpi.unit, kpi.projected), right: true },
      { text: w.value(kpi.unit, kpi.periodTarget), right: true },
      { text: w.status(kpi.projectedStatus), paint: statusPaint(c, kpi.projectedStatus) },
    ]);
  }
  return [c.bold(w.say(message("report/section.period-to-date", { measured: ptd.months, months: ptd.periodMonths }))), ...table(rows), ""];
}

function funnel(report: Report, w: ReportWords, c: Paint): string[] {
  const { rates, volumes } = shownFunnel(report);
  if (rates.length === 0 && volumes.length === 0) return [];
  const out = [c.bold(w.say(message("report/section.funnel")))];
  const rateRows: Cell[][] = [
    [
      { text: w.say(message("report/column.rate")) },
      { text: w.say(message("report/column.planned")), right: true },
      { text: w.say(message("report/column.measured")), right: true },
      { text: w.say(message("report/column.cases")), right: true },
    ].map((cell) => ({ ...cell, paint: c.dim })),
  ];
  for (const rate of rates) {
    const worse = rate.measured !== null && rate.planned !== null && rate.measured < rate.planned;
    rateRows.push([
      { text: w.metric(rate.rate) },
      { text: w.value("percent", rate.planned), right: true },
      { text: w.value("percent", rate.measured), right: true, paint: worse ? c.red : rate.measured === null ? c.dim : c.green },
      { text: casesOf(w, rate), right: true },
    ]);
  }
  out.push(...table(rateRows), "");
  const volumeRows: Cell[][] = [
    [
      { text: w.say(message("report/column.volume")) },
      { text: w.say(message("report/column.period-target")), right: true },
      { text: w.say(message("report/column.needed-planned")), right: true },
      { text: w.say(message("report/column.needed-measured")), right: true },
    ].map((cell) => ({ ...cell, paint: c.dim })),
  ];
  for (const v of volumes) {
    const short = v.atMeasuredRates !== null && v.target !== null && v.atMeasuredRates > v.target;
    volumeRows.push([
      { text: w.metric(v.metric) },
      { text: w.value("count", v.target), right: true },
      { text: w.value("count", v.planned), right: true },
      { text: w.value("count", v.atMeasuredRates), right: true, paint: short ? c.red : undefined },
    ]);
  }
  out.push(...table(volumeRows));
  const why = notComputableSentence(w, report);
  if (why) out.push("", `  ${why}`);
  const gaps = rateGaps(report);
  if (gaps.length) out.push("");
  for (const gap of gaps) out.push(`  ${gapSentence(w, gap)}`);
  return [...out, ""];
}

/** "At the measured MQL→SQL rate of 32.5 %, 1,231 MQLs are needed, not 1,000." */
export function gapSentence(w: ReportWords, gap: ReturnType<typeof rateGaps>[number]): string {
  return w.say(
    message("report/funnel.gap", {
      rate: message(`funnel/metric.${gap.rate.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}`),
      measured: w.percent(gap.measured),
      needed: gap.neededVolume,
      volume: message(`funnel/metric.${gap.volume}`),
      planned: gap.plannedVolume,
    }),
  );
}

function connect(report: Report, w: ReportWords, c: Paint): string[] {
  const cc = report.connect;
  if (!cc) return [];
  const out = [c.bold(w.say(message("report/section.connect"))), `  ${w.say(complianceSummary(cc, w))}`, ""];
  // Lead types have their own allowed time; owners work to each lead's, so they have no column for it.
  const groupRows = (label: string, groups: { name: string; allowed?: string; g: typeof cc }[]): string[] => {
    const allowed = groups.some((x) => x.allowed !== undefined);
    const cells = (first: Cell, allowedCell: Cell, rest: Cell[]): Cell[] => (allowed ? [first, allowedCell, ...rest] : [first, ...rest]);
    return table([
      cells({ text: label }, { text: w.say(message("report/column.allowed")), right: true }, [
        { text: w.say(message("report/column.handed-over")), right: true },
        { text: w.say(message("report/column.within-target")), right: true },
        { text: w.say(message("report/column.breached")), right: true },
        { text: w.say(message("report/column.open")), right: true },
        { text: w.say(message("report/column.attainment")), right: true },
      ]).map((cell) => ({ ...cell, paint: c.dim })),
      ...groups.map(({ name, allowed: time, g }) =>
        cells({ text: name }, { text: time ?? "", right: true }, [
          { text: w.count(g.handedOver), right: true },
          { text: w.count(g.withinTarget), right: true },
          { text: w.count(g.breached), right: true, paint: g.breached ? c.red : undefined },
          { text: w.count(g.open), right: true },
          { text: g.attainment === null ? "–" : w.percent(g.attainment), right: true },
        ]),
      ),
    ]);
  };
  if (cc.byLeadType.length)
    out.push(
      ...groupRows(
        w.say(message("report/column.lead-type")),
        cc.byLeadType.map((g) => ({ name: leadTypeName(w, g.leadType), allowed: w.value("hours", g.allowedHours), g: { ...cc, ...g } })),
      ),
      "",
    );
  if (cc.byOwner.length)
    out.push(
      ...groupRows(
        w.say(message("report/column.owner")),
        cc.byOwner.map((g) => ({ name: ownerName(w, g.owner), g: { ...cc, ...g } })),
      ),
      "",
    );
  if (cc.breaches.length) {
    out.push(`  ${c.bold(breachesHeading(cc, w))}`);
    out.push(
      ...table(
        [
          [
            { text: w.say(message("report/column.lead")) },
            { text: w.say(message("report/column.owner")) },
            { text: w.say(message("report/column.handed-over-at")) },
            { text: w.say(message("report/column.first-attempt")) },
            { text: w.say(message("report/column.elapsed")), right: true },
          ].map((cell) => ({ ...cell, paint: c.dim })),
          ...cc.breaches.map((b) => [
            { text: b.leadId },
            { text: ownerName(w, b.owner) },
            { text: wallTime(b.handedOverAt) },
            {
              text: b.firstAttemptAt === null ? w.say(message("report/no-attempt")) : wallTime(b.firstAttemptAt),
              paint: b.firstAttemptAt === null ? c.yellow : undefined,
            },
            {
              text: w.say(message("report/elapsed", { elapsed: w.value("hours", b.elapsedHours), allowed: w.value("hours", b.allowedHours) })),
              right: true,
              paint: c.red,
            },
          ]),
        ],
        "    ",
      ),
    );
  }
  // Said also when none is listed (`--breaches 0`): the count and how to list them.
  const more = breachesNotListed(cc, w);
  if (more) out.push(`  ${cc.breaches.length ? "  " : ""}${c.dim(more)}`);
  if (cc.breaches.length || more) out.push("");
  return out;
}

/** "Breaches, worst first (N)", or "Worst breaches (n of N)" when not all are listed. */
export function breachesHeading(cc: NonNullable<Report["connect"]>, w: ReportWords): string {
  return cc.breaches.length < cc.breached
    ? w.say(message("report/breaches.worst", { shown: cc.breaches.length, total: cc.breached }))
    : w.say(message("report/breaches.all", { total: cc.breached }));
}

/** How many breaches are not listed, and how to list them; undefined when all are. */
export function breachesNotListed(cc: NonNullable<Report["connect"]>, w: ReportWords): string | undefined {
  const more = cc.breached - cc.breaches.length;
  if (more <= 0) return undefined;
  return w.say(cc.breaches.length ? message("report/breaches.more", { more }) : message("report/breaches.none-listed", { count: more }));
}

export function complianceSummary(cc: NonNullable<Report["connect"]>, w: ReportWords) {
  // "0 of 0 decided leads were first attempted in time (–)" said nothing a manager could use.
  if (cc.handedOver === 0) return message("report/connect.none", { stage: w.stageName(cc.handoffStage) });
  return message("report/connect.summary", {
    within: cc.withinTarget,
    decided: cc.withinTarget + cc.breached,
    attainment: cc.attainment === null ? "–" : w.percent(cc.attainment),
    breached: cc.breached,
    open: cc.open,
    handedOver: cc.handedOver,
    stage: w.stageName(cc.handoffStage),
  });
}

/** `2026-10-28T16:40` as `2026-10-28 16:40`: a wall time in the calendar's zone, unambiguous in every language. */
export function wallTime(local: string): string {
  return local.replace("T", " ");
}

export function ownerName(w: ReportWords, owner: string | null): string {
  return owner ?? w.say(message("report/no-owner"));
}

export function leadTypeName(w: ReportWords, leadType: string | null): string {
  return leadType === null ? w.say(message("report/no-lead-type")) : w.leadTypeName(leadType);
}

function returned(report: Report, w: ReportWords, c: Paint): string[] {
  const r = report.returned;
  if (!r) return [];
  const out = [c.bold(w.say(message("report/section.returned", { total: r.total })))];
  out.push(...table(r.byReason.map((x) => [{ text: w.count(x.count), right: true }, { text: x.reason }])), "");
  return out;
}

function quality(report: Report, w: ReportWords, c: Paint): string[] {
  const out = [c.bold(w.say(message("report/section.data-quality")))];
  for (const source of report.dataQuality.sources) {
    out.push(`  ${w.say(sourceSummary(source))}`);
    for (const problem of source.problems) out.push(`    ${c.yellow(w.say(problemLine(w, problem)))}`);
  }
  if (report.dataQuality.sources.length === 0) out.push(`  ${w.say(message("report/no-sources"))}`);
  return out;
}

export function sourceSummary(source: Report["dataQuality"]["sources"][number]) {
  return message("report/source.summary", {
    file: source.file,
    kind: source.kind,
    encoding: source.encoding,
    delimiter: source.delimiter === "\t" ? "TAB" : source.delimiter,
    used: source.used,
    rows: source.rows,
  });
}

export function problemLine(w: ReportWords, problem: Report["dataQuality"]["sources"][number]["problems"][number]) {
  const examples = problem.examples.map((e) =>
    e.column === undefined
      ? w.say(message("report/problem.example-line", { line: String(e.line) }))
      : e.value === undefined
        ? w.say(message("report/problem.example", { line: String(e.line), column: e.column }))
        : w.say(message("report/problem.example-value", { line: String(e.line), column: e.column, value: e.value })),
  );
  return message("report/problem.line", { count: problem.count, reason: PROBLEM_WORDS[problem.reason], examples });
}
