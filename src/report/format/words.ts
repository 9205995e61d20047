// The report's figures and terms in the agreement's language, shared by the text scorecard and
// the document (Markdown, HTML, PDF): one place that says how a KPI's value, a month or a status
// reads, so the formats cannot disagree.
import type { Sla } from "../../model/index.js";
import { word } from "../../i18n/catalog.js";
import { formatPercent } from "../../i18n/format.js";
import { message, type Message } from "../../i18n/message.js";
import { fill, loadLabels, titleWithVersion } from "../../render/labels.js";
import type { ProblemReason } from "../tables.js";
import type { FunnelRate, FunnelVolume, KpiMeasure, KpiStatus, Month, Report } from "../model.js";

export interface ReportWords {
  locale: string;
  /** The agreement's title with its version: "… 2026.2" ran the two together. */
  agreement: string;
  /** Two figures or dates as a span, as the agreement writes one: "1 July – 31 December", "7月1日～12月31日". */
  between(min: string, max: string): string;
  say(said: Message): string;
  /** The KPI's name as the agreement writes it (its id when the agreement has no such KPI). */
  kpiName(id: string): string;
  /** A lead type's or lifecycle stage's name as the agreement writes it (else its id). */
  leadTypeName(id: string): string;
  stageName(id: string): string;
  /** A KPI's figure in its unit: money, a rate, a count, hours or days. */
  value(unit: string, n: number | null | undefined): string;
  count(n: number): string;
  percent(fraction: number): string;
  /** `2026-10` as "October 2026". */
  month(month: Month): string;
  /** `2026-10` as "Oct". */
  monthShort(month: Month): string;
  /** `2026-07-01` as "1 July 2026". */
  date(day: string): string;
  status(status: KpiStatus): string;
  /** A funnel metric's term (`mqlToSqlRate` → "MQL→SQL rate"), from the rules' catalog. */
  metric(metric: string): string;
}

export function reportWords(report: Report, sla: Sla | undefined, locale: string): ReportWords {
  const names = new Map((sla?.kpis ?? []).map((kpi) => [kpi.id, kpi.name]));
  const leadTypes = new Map((sla?.leadTypes ?? []).map((t) => [t.id, t.name]));
  const stages = new Map((sla?.lifecycleStages ?? []).map((s) => [s.id, s.name]));
  const say = (said: Message) => word(said, locale);
  const labels = loadLabels(locale);
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const currency = report.agreement.currency;
  const money = currency
    ? new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        maximumFractionDigits: 2,
        trailingZeroDisplay: "stripIfInteger",
      } as Intl.NumberFormatOptions)
    : numbers;
  // A measured rate needs one decimal to show a change from month to month, not more.
  const percent = (fraction: number) => formatPercent(Math.round(fraction * 1000) / 1000, locale);
  const unit = (u: "hour" | "day") => new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "short", maximumFractionDigits: 1 });
  const hours = unit("hour");
  const days = unit("day");
  const months = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" });
  const shortMonths = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const utc = (text: string) => {
    const [y, m, d] = text.split("-").map(Number);
    return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  };
  return {
    locale,
    agreement: titleWithVersion(report.agreement.title, report.agreement.version, labels),
    between: (min, max) => fill(labels.document.rangeBetween!, { min, max }),
    say,
    kpiName: (id) => names.get(id) ?? id,
    leadTypeName: (id) => leadTypes.get(id) ?? id,
    stageName: (id) => stages.get(id) ?? id,
    value(u, n) {
      if (n === null || n === undefined) return "–";
      switch (u) {
        case "currency":
          return money.format(n);
        case "percent":
          return percent(n);
        case "hours":
          return hours.format(n);
        case "days":
          return days.format(n);
        default:
          return numbers.format(n);
      }
    },
    count: (n) => numbers.format(n),
    percent,
    month: (m) => months.format(utc(m)),
    monthShort: (m) => shortMonths.format(utc(m)),
    date: (d) => dates.format(utc(d)),
    status: (s) => say(STATUS_WORDS[s]),
    metric: (m) => say(message(`funnel/metric.${m.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`)),
  };
}

const STATUS_WORDS: Record<KpiStatus, Message> = {
  "on-track": message("report/status.on-track"),
  "at-risk": message("report/status.at-risk"),
  "off-track": message("report/status.off-track"),
  "no-data": message("report/status.no-data"),
};

/** Why rows of an export were set aside, in words. */
export const PROBLEM_WORDS: Record<ProblemReason, Message> = {
  "unparseable-date": message("report/problem.unparseable-date"),
  "unmapped-stage": message("report/problem.unmapped-stage"),
  "unmapped-status": message("report/problem.unmapped-status"),
  "unmapped-lead-type": message("report/problem.unmapped-lead-type"),
  "missing-id": message("report/problem.missing-id"),
  "missing-amount": message("report/problem.missing-amount"),
  "unparseable-amount": message("report/problem.unparseable-amount"),
  "duplicate-id": message("report/problem.duplicate-id"),
  "unknown-kpi": message("report/problem.unknown-kpi"),
  "unparseable-value": message("report/problem.unparseable-value"),
};

/** The volume each rate divides into, and the volume it divides: proposals = customers / close rate. */
const RATE_STEP: Readonly<Record<string, { from: string; to: string }>> = {
  closeRate: { from: "customers", to: "proposals" },
  sqlToProposalRate: { from: "proposals", to: "sqls" },
  mqlToSqlRate: { from: "sqls", to: "mqls" },
  leadToMqlRate: { from: "mqls", to: "leads" },
  visitToLeadRate: { from: "leads", to: "visits" },
};

export interface RateGap {
  rate: string;
  measured: number;
  planned: number;
  /** The volume the rate feeds (mqls for the MQL→SQL rate). */
  volume: string;
  /** What the agreement's funnel math needs of that volume over the period. */
  plannedVolume: number;
  /** The same at this one measured rate, every other figure as agreed. */
  neededVolume: number;
}

/**
 * Each measured rate below the agreed one, and what it alone means for the volume before it:
 * "at the measured MQL→SQL rate of 31 %, 1,291 MQLs are needed, not 1,000". One rate at a time,
 * so the sentence names one cause; the whole chain at the measured rates is in `volumes`.
 */
export function rateGaps(report: Report): RateGap[] {
  const volume = new Map<string, FunnelVolume>(report.funnel.volumes.map((v) => [v.metric, v]));
  const gaps: RateGap[] = [];
  for (const rate of report.funnel.rates) {
    const step = RATE_STEP[rate.rate];
    const from = step && volume.get(step.from)?.planned;
    const to = step && volume.get(step.to)?.planned;
    if (!step || rate.measured === null || rate.planned === null || rate.measured <= 0 || rate.measured >= rate.planned) continue;
    if (from === null || from === undefined || to === null || to === undefined) continue;
    // The funnel math rounds each step up; so does this, ignoring floating-point noise.
    const needed = Math.ceil(from / rate.measured - 1e-9 * Math.max(1, from / rate.measured));
    gaps.push({ rate: rate.rate, measured: rate.measured, planned: rate.planned, volume: step.to, plannedVolume: to, neededVolume: needed });
  }
  return gaps;
}

/**
 * Why the volumes at the measured rates are all dashes, in a sentence: "The volumes at the
 * measured rates cannot be computed: the measured SQL→proposal rate is 115.5 % (97 of 84),
 * above 100 %…"; undefined when they could be computed.
 */
export function notComputableSentence(w: ReportWords, report: Report): string | undefined {
  const why = report.funnel.notComputable;
  if (!why) return undefined;
  const rate = report.funnel.rates.find((r) => r.rate === why.cause);
  if (!rate) return w.say(message("report/funnel.not-computable.deal-size", { value: w.value("currency", why.value) }));
  return w.say(
    message("report/funnel.not-computable", {
      rate: w.metric(rate.rate),
      measured: w.percent(why.value),
      cases: casesOf(w, rate),
      reason: why.reason,
    }),
  );
}

/** The cases behind a measured rate, "247 of 760"; a dash when there were none. */
export function casesOf(w: ReportWords, rate: FunnelRate): string {
  return rate.denominator === 0 ? "–" : w.say(message("report/cases", { numerator: rate.numerator, denominator: rate.denominator }));
}

/** The funnel's rows worth a line: a rate or volume neither planned nor measured says nothing. */
export function shownFunnel(report: Report): { rates: FunnelRate[]; volumes: FunnelVolume[] } {
  return {
    rates: report.funnel.rates.filter((r) => r.planned !== null || r.measured !== null),
    volumes: report.funnel.volumes.filter((v) => v.planned !== null || v.atMeasuredRates !== null || v.target !== null),
  };
}

/** The measures of a KPI month by month, in the report's order (null where a month lacks it). */
export function kpiSeries(report: Report, id: string): (KpiMeasure | null)[] {
  return report.months.map((m) => m.kpis.find((k) => k.id === id) ?? null);
}
