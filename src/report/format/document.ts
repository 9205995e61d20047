// The report as a document tree (src/document/model.ts), which the Markdown, HTML and PDF
// writers write: the latest month's scorecard, every month's table, the period to date, the
// funnel, connect-attempt compliance, returned leads and data quality; with charts for HTML
// and PDF (actual against target per KPI, the funnel's rates planned against measured).
import type { Block, DocumentTree, Inlines } from "../../document/model.js";
import type { Sla } from "../../model/index.js";
import { message } from "../../i18n/message.js";
import { chartRow, funnelChart, kpiChart, type Chart } from "../charts.js";
import type { KpiMeasure, Report } from "../model.js";
import { breachesHeading, breachesNotListed, complianceSummary, gapSentence, leadTypeName, ownerName, problemLine, sourceSummary, wallTime } from "./text.js";
import { casesOf, kpiSeries, notComputableSentence, rateGaps, reportWords, shownFunnel, type ReportWords } from "./words.js";

export interface ReportDocumentOptions {
  /** Charts (SVG) for HTML and PDF; Markdown, read as text or in a pull request, goes without. */
  charts?: boolean;
}

export function reportDocument(report: Report, sla: Sla | undefined, locale: string, options: ReportDocumentOptions = {}): DocumentTree {
  const w = reportWords(report, sla, locale);
  const title = w.say(message("report/document.title", { title: report.agreement.title }));
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: [title] },
    {
      kind: "fields",
      rows: [
        { label: [w.say(message("report/field.agreement"))], value: [w.agreement] },
        { label: [w.say(message("report/field.file"))], value: [report.agreement.file] },
        { label: [w.say(message("report/field.period"))], value: [w.between(w.date(report.period.start), w.date(report.period.end))] },
        {
          label: [w.say(message("report/field.through"))],
          value: [
            w.say(
              message("report/field.through-value", {
                month: w.month(report.through),
                measured: report.periodToDate.months,
                months: report.periodToDate.periodMonths,
              }),
            ),
          ],
        },
      ],
    },
  ];
  const latest = report.months.at(-1);
  if (latest) {
    blocks.push(section("scorecard", w.say(message("report/section.scorecard", { month: w.month(latest.month) })), [kpiTable(w, latest.kpis)]));
  }
  blocks.push(
    section(
      "period-to-date",
      w.say(message("report/section.period-to-date", { measured: report.periodToDate.months, months: report.periodToDate.periodMonths })),
      [periodTable(report, w)],
    ),
  );
  if (options.charts && report.months.length) blocks.push(section("trends", w.say(message("report/section.trends")), trendCharts(report, w)));
  blocks.push(funnelSection(report, w, options.charts ?? false));
  if (report.connect) blocks.push(connectSection(report.connect, w));
  if (report.returned) blocks.push(returnedSection(report.returned, w));
  blocks.push(
    section(
      "months",
      w.say(message("report/section.months")),
      report.months.flatMap((m): Block[] => [{ kind: "heading", level: 3, text: [w.month(m.month)] }, kpiTable(w, m.kpis)]),
    ),
  );
  blocks.push(qualitySection(report, w));
  return { language: locale, title, blocks };
}

function section(id: string, heading: string, blocks: Block[]): Block {
  return { kind: "section", id, blocks: [{ kind: "heading", level: 2, text: [heading], id }, ...blocks] };
}

const attainment = (w: ReportWords, a: number | null) => (a === null ? "–" : w.percent(a));
/** The status word, strong when the KPI misses, so it reads in print without colour. */
const statusCell = (w: ReportWords, k: { status: KpiMeasure["status"] }): Inlines =>
  k.status === "off-track" ? [{ strong: w.status(k.status) }] : [w.status(k.status)];

function kpiTable(w: ReportWords, kpis: readonly KpiMeasure[]): Block {
  return {
    kind: "table",
    header: [
      [w.say(message("report/column.kpi"))],
      [w.say(message("report/column.target"))],
      [w.say(message("report/column.actual"))],
      [w.say(message("report/column.attainment"))],
      [w.say(message("report/column.status"))],
    ],
    align: ["left", "right", "right", "right", "left"],
    // The status as wide as its longest words on one line ("hedefin gerisinde", "gefährdet").
    widths: [0.3, 0.15, 0.23, 0.13, 0.19],
    rows: kpis.map((k) => [
      [w.kpiName(k.id)],
      [w.value(k.unit, k.target)],
      [
        k.p90 === undefined || k.p90 === null
          ? w.value(k.unit, k.actual)
          : `${w.value(k.unit, k.actual)} (${w.say(message("report/p90", { value: w.value(k.unit, k.p90) }))})`,
      ],
      [attainment(w, k.attainment)],
      statusCell(w, k),
    ]),
  };
}

function periodTable(report: Report, w: ReportWords): Block {
  // Seven columns, the projection beside the period's target in one: eight did not fit a page.
  return {
    kind: "table",
    header: [
      [w.say(message("report/column.kpi"))],
      [w.say(message("report/column.target-to-date"))],
      [w.say(message("report/column.actual"))],
      [w.say(message("report/column.attainment"))],
      [w.say(message("report/column.status"))],
      [w.say(message("report/column.projection"))],
      [w.say(message("report/column.projected-status"))],
    ],
    align: ["left", "right", "right", "right", "left", "right", "left"],
    widths: [0.22, 0.13, 0.13, 0.11, 0.11, 0.19, 0.11],
    rows: report.periodToDate.kpis.map((k) => [
      [w.kpiName(k.id)],
      [w.value(k.unit, k.target)],
      [w.value(k.unit, k.actual)],
      [attainment(w, k.attainment)],
      statusCell(w, k),
      [w.say(message("report/projection", { projected: w.value(k.unit, k.projected), target: w.value(k.unit, k.periodTarget) }))],
      statusCell(w, { status: k.projectedStatus }),
    ]),
  };
}

function trendCharts(report: Report, w: ReportWords): Block[] {
  const ids = report.months.at(-1)!.kpis.map((k) => k.id);
  const months = report.months.map((m) => w.monthShort(m.month));
  const drawn = ids.flatMap((id): { chart: Chart; alt: string }[] => {
    const series = kpiSeries(report, id);
    if (series.every((k) => k === null || k.actual === null)) return [];
    const unit = series.find((k) => k !== null)!.unit;
    const name = w.kpiName(id);
    const chart = kpiChart({
      title: name,
      months,
      actual: series.map((k) => k?.actual ?? null),
      target: series.map((k) => k?.target ?? null),
      good: series.map((k) => (k === null || k.status === "no-data" ? null : k.status === "on-track")),
      format: (n) => w.value(unit, n),
      legend: { actual: w.say(message("report/column.actual")), target: w.say(message("report/column.target")) },
    });
    const alt = w.say(
      message("report/chart.kpi-alt", {
        name,
        values: series.map((k, i) => `${months[i]}: ${w.value(unit, k?.actual)} / ${w.value(unit, k?.target)}`),
      }),
    );
    return [{ chart, alt }];
  });
  // Two KPIs a row: sixteen charts one under another took eight pages.
  const blocks: Block[] = [];
  for (let i = 0; i < drawn.length; i += 2) {
    const pair = drawn.slice(i, i + 2);
    const alt = pair.map((d) => d.alt).join("\n");
    const row =
      pair.length === 1
        ? pair[0]!.chart
        : chartRow(
            pair.map((d) => d.chart),
            alt,
          );
    blocks.push({ kind: "chart", svg: row.svg, alt, width: row.width, height: row.height });
  }
  return blocks;
}

function funnelSection(report: Report, w: ReportWords, charts: boolean): Block {
  const { rates, volumes } = shownFunnel(report);
  const blocks: Block[] = [];
  if (rates.length) {
    blocks.push({
      kind: "table",
      header: [
        [w.say(message("report/column.rate"))],
        [w.say(message("report/column.planned"))],
        [w.say(message("report/column.measured"))],
        [w.say(message("report/column.cases"))],
      ],
      align: ["left", "right", "right", "right"],
      widths: [0.4, 0.17, 0.17, 0.26],
      rows: rates.map((r) => [
        [w.metric(r.rate)],
        [w.value("percent", r.planned)],
        r.measured !== null && r.planned !== null && r.measured < r.planned ? [{ strong: w.value("percent", r.measured) }] : [w.value("percent", r.measured)],
        [casesOf(w, r)],
      ]),
    });
    if (charts) {
      const chart = funnelChart({
        title: w.say(message("report/chart.funnel-title")),
        rates: rates.map((r) => ({ label: w.metric(r.rate), planned: r.planned, measured: r.measured })),
        format: (f) => w.percent(f),
        legend: { planned: w.say(message("report/column.planned")), measured: w.say(message("report/column.measured")) },
      });
      const alt = w.say(
        message("report/chart.funnel-alt", {
          values: rates.map((r) => `${w.metric(r.rate)}: ${w.value("percent", r.planned)} / ${w.value("percent", r.measured)}`),
        }),
      );
      blocks.push({ kind: "chart", svg: chart.svg, alt, width: chart.width, height: chart.height });
    }
  }
  if (volumes.length) {
    blocks.push({
      kind: "table",
      header: [
        [w.say(message("report/column.volume"))],
        [w.say(message("report/column.period-target"))],
        [w.say(message("report/column.needed-planned"))],
        [w.say(message("report/column.needed-measured"))],
      ],
      align: ["left", "right", "right", "right"],
      rows: volumes.map((v) => [
        [w.metric(v.metric)],
        [w.value("count", v.target)],
        [w.value("count", v.planned)],
        v.atMeasuredRates !== null && v.target !== null && v.atMeasuredRates > v.target
          ? [{ strong: w.value("count", v.atMeasuredRates) }]
          : [w.value("count", v.atMeasuredRates)],
      ]),
    });
  }
  const why = notComputableSentence(w, report);
  if (why) blocks.push({ kind: "paragraph", text: [why] });
  const gaps = rateGaps(report);
  if (gaps.length) blocks.push({ kind: "list", items: gaps.map((g) => [gapSentence(w, g)]) });
  return section("funnel", w.say(message("report/section.funnel")), blocks);
}

function connectSection(cc: NonNullable<Report["connect"]>, w: ReportWords): Block {
  // Lead types have their own allowed time; owners work to each lead's, so they have no column for it.
  const groupHeader = (first: string, allowed: boolean): Inlines[] => [
    [first],
    ...(allowed ? [[w.say(message("report/column.allowed"))]] : []),
    [w.say(message("report/column.handed-over"))],
    [w.say(message("report/column.within-target"))],
    [w.say(message("report/column.breached"))],
    [w.say(message("report/column.open"))],
    [w.say(message("report/column.attainment"))],
  ];
  const groupRow = (
    name: string,
    allowed: string | undefined,
    g: { handedOver: number; withinTarget: number; breached: number; open: number; attainment: number | null },
  ): Inlines[] => [
    [name],
    ...(allowed === undefined ? [] : [[allowed]]),
    [w.count(g.handedOver)],
    [w.count(g.withinTarget)],
    [w.count(g.breached)],
    [w.count(g.open)],
    [attainment(w, g.attainment)],
  ];
  const align: ("left" | "right")[] = ["left", "right", "right", "right", "right", "right", "right"];
  const blocks: Block[] = [{ kind: "paragraph", text: [w.say(complianceSummary(cc, w))] }];
  if (cc.byLeadType.length)
    blocks.push({
      kind: "table",
      header: groupHeader(w.say(message("report/column.lead-type")), true),
      align,
      rows: cc.byLeadType.map((g) => groupRow(leadTypeName(w, g.leadType), w.value("hours", g.allowedHours), g)),
    });
  if (cc.byOwner.length)
    blocks.push({
      kind: "table",
      header: groupHeader(w.say(message("report/column.owner")), false),
      align: ["left", ...align.slice(2)],
      rows: cc.byOwner.map((g) => groupRow(ownerName(w, g.owner), undefined, g)),
    });
  if (cc.breaches.length) {
    blocks.push({ kind: "heading", level: 3, text: [breachesHeading(cc, w)] });
    blocks.push({
      kind: "table",
      header: [
        [w.say(message("report/column.lead"))],
        [w.say(message("report/column.owner"))],
        [w.say(message("report/column.lead-type"))],
        [w.say(message("report/column.handed-over-at"))],
        [w.say(message("report/column.first-attempt"))],
        [w.say(message("report/column.elapsed"))],
        [w.say(message("report/column.line"))],
      ],
      align: ["left", "left", "left", "left", "left", "right", "right"],
      widths: [0.09, 0.17, 0.17, 0.16, 0.16, 0.17, 0.08],
      rows: cc.breaches.map((b) => [
        [b.leadId],
        [ownerName(w, b.owner)],
        [leadTypeName(w, b.leadType)],
        [wallTime(b.handedOverAt)],
        b.firstAttemptAt === null ? [{ emphasis: w.say(message("report/no-attempt")) }] : [wallTime(b.firstAttemptAt)],
        [w.say(message("report/elapsed", { elapsed: w.value("hours", b.elapsedHours), allowed: w.value("hours", b.allowedHours) }))],
        [String(b.line)],
      ]),
    });
  }
  // Said also when none is listed (`--breaches 0`): the count and how to list them.
  const more = breachesNotListed(cc, w);
  if (more) blocks.push({ kind: "paragraph", text: [more] });
  return section("connect", w.say(message("report/section.connect")), blocks);
}

function returnedSection(returned: NonNullable<Report["returned"]>, w: ReportWords): Block {
  return section("returned", w.say(message("report/section.returned", { total: returned.total })), [
    {
      kind: "table",
      header: [[w.say(message("report/column.reason"))], [w.say(message("report/column.count"))]],
      align: ["left", "right"],
      rows: returned.byReason.map((r) => [[r.reason], [w.count(r.count)]]),
    },
  ]);
}

function qualitySection(report: Report, w: ReportWords): Block {
  const sources = report.dataQuality.sources;
  const blocks: Block[] = sources.length
    ? sources.flatMap((s): Block[] => [
        { kind: "paragraph", text: [w.say(sourceSummary(s))] },
        ...(s.problems.length ? [{ kind: "list" as const, items: s.problems.map((p) => [w.say(problemLine(w, p))]) }] : []),
      ])
    : [{ kind: "paragraph", text: [w.say(message("report/no-sources"))] }];
  return section("data-quality", w.say(message("report/section.data-quality")), blocks);
}
