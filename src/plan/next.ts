// `sla plan --next`: the next period's agreement from what the period in force measured. The
// same file, edited in place (edit.ts): the review period after the current one and of its
// length, the version raised, each conversion rate the measured one where enough cases back
// it, the revenue target given or kept, and the volume targets derived from those.
import type { Document } from "yaml";
import { periodMonths, type ImpossibleReason, type RateMetric, type VolumeMetric } from "../domain/funnel.js";
import { parseDate, toDayNumber, type CalendarDate } from "../domain/period.js";
import { toFraction } from "../domain/percent.js";
import { SlaError } from "../errors.js";
import { message } from "../i18n/message.js";
import type { Kpi, Sla } from "../model/index.js";
import type { Report } from "../report/model.js";
import { applyEdits, rateInNotationOf, roundRate, type ScalarEdit } from "./edit.js";
import { planFunnel, type FunnelPlan } from "./solve.js";

export interface NextOptions {
  /** The next period's revenue target, per the revenue KPI's span; the current one when unset. */
  revenue?: number;
  /** Fewer cases than this behind a measured rate: the rate in force is kept, and flagged. */
  minSample: number;
  /** The next version; raised from the current one when unset. */
  version?: string;
}

/**
 * `measured`: taken from the period; `small-sample`: measured on fewer cases than asked;
 * `not-measured`: nothing to measure it on; `zero`: measured as 0%, which no funnel can use;
 * `above-100`: measured above 100%, which happens when the two counts come from different
 * records (proposals from the deals export, SQLs from the contacts) and is no conversion rate;
 * `uncomputable`: with it the funnel math gives no finite figure (`problem` says why).
 * All but `measured` keep the rate in force.
 */
export type RateStatus = "measured" | "small-sample" | "not-measured" | "zero" | "above-100" | "uncomputable";

export interface ProposedRate {
  metric: RateMetric;
  kpi: string;
  /** The rate in force, as a fraction. */
  from: number | null;
  measured: number | null;
  /** The cases behind `measured`: numerator of denominator (the sample). */
  numerator: number;
  denominator: number;
  /** The rate proposed, as a fraction (rounded to a tenth of a percent point when measured). */
  to: number | null;
  status: RateStatus;
  /** `uncomputable`: why the funnel math cannot be done with the measured rate, as `computeFunnel` says it. */
  problem?: { cause: string; reason: ImpossibleReason; figure: string | null };
}

export interface ProposedVolume {
  kpi: string;
  metric: VolumeMetric;
  from: number;
  to: number;
}

export interface NextProposal {
  /** The new agreement's text. */
  text: string;
  version: { from: string; to: string };
  period: { start: string; end: string };
  revenue: { kpi: string; from: number; to: number } | null;
  rates: ProposedRate[];
  volumes: ProposedVolume[];
  /** The funnel of the proposal, as `sla plan` shows it. */
  plan: FunnelPlan | null;
}

/** Pure: the proposal from the agreement in force, its parsed document and the report measured over it. */
export function proposeNext(sla: Sla, document: Document.Parsed, text: string, report: Report, options: NextOptions): NextProposal {
  const period = nextPeriod(sla);
  const fromVersion = String(sla.agreement.version);
  const version = options.version ?? raiseVersion(fromVersion, period.startDate);
  const edits: ScalarEdit[] = [
    { path: ["agreement", "version"], value: version },
    { path: ["agreement", "effectiveDate"], value: period.start },
    { path: ["agreement", "reviewPeriod", "start"], value: period.start },
    { path: ["agreement", "reviewPeriod", "end"], value: period.end },
  ];
  const kpis: Kpi[] = [...sla.kpis];
  const set = (kpi: Kpi, target: number | string) => {
    const index = kpis.indexOf(kpi);
    kpis[index] = { ...kpi, target };
    edits.push({ path: ["kpis", index, "target"], value: target });
  };

  let revenue: NextProposal["revenue"] = null;
  const revenueKpi = sla.kpis.find((k) => k.metric === "revenue");
  if (revenueKpi && typeof revenueKpi.target === "number") {
    const to = options.revenue ?? revenueKpi.target;
    if (to !== revenueKpi.target) set(revenueKpi, to);
    revenue = { kpi: revenueKpi.id, from: revenueKpi.target, to };
  }

  const rates: ProposedRate[] = [];
  const written = new Map<Kpi, { rate: ProposedRate; target: number | string }>();
  for (const measured of report.funnel.rates) {
    const kpi = sla.kpis.find((k) => k.metric === measured.rate);
    if (!kpi) continue;
    const from = toFraction(kpi.target) ?? null;
    const status: RateStatus =
      measured.measured === null || measured.denominator === 0
        ? "not-measured"
        : measured.denominator < options.minSample
          ? "small-sample"
          : roundRate(measured.measured) <= 0
            ? "zero"
            : roundRate(measured.measured) > 1
              ? "above-100"
              : "measured";
    const rate: ProposedRate = {
      metric: measured.rate as RateMetric,
      kpi: kpi.id,
      from,
      measured: measured.measured,
      numerator: measured.numerator,
      denominator: measured.denominator,
      to: from,
      status,
    };
    rates.push(rate);
    if (status === "measured") {
      const target = rateInNotationOf(roundRate(measured.measured!), kpi.target);
      written.set(kpi, { rate, target });
      // As the written rate reads (0.35% is 0.0035, not 0.0034999999999999996).
      rate.to = Number(toFraction(target)!.toPrecision(12));
    }
  }
  // Measured rates that are each possible may still leave no finite funnel together (a visit
  // rate so small that the visits needed are no number): the rate that does is kept as in force.
  for (;;) {
    const trial = kpis.map((k) => (written.has(k) ? { ...k, target: written.get(k)!.target } : k));
    const planned = planFunnel({ ...sla, kpis: trial });
    if (planned === undefined || planned.computable) break;
    const culprit = [...written.keys()].find((k) => k.metric === planned.cause);
    if (!culprit) break;
    const { rate } = written.get(culprit)!;
    written.delete(culprit);
    Object.assign(rate, { status: "uncomputable", to: rate.from, problem: { cause: planned.cause, reason: planned.reason, figure: planned.figure ?? null } });
  }
  for (const [kpi, { target }] of written) set(kpi, target);

  // The volumes follow from the proposal's own figures, over a period of the same length.
  const proposed: Sla = { ...sla, agreement: { ...sla.agreement, reviewPeriod: { start: period.start, end: period.end } }, kpis };
  const planned = planFunnel(proposed);
  const plan = planned?.computable ? planned : null;
  const volumes: ProposedVolume[] = [];
  for (const step of plan?.steps ?? []) {
    if (step.kpi === null || step.target === null || step.minimum === null) continue;
    const kpi = kpis.find((k) => k.id === step.kpi)!;
    volumes.push({ kpi: step.kpi, metric: step.metric, from: step.target, to: step.minimum });
    if (step.minimum !== step.target) set(kpi, step.minimum);
  }
  const final = planFunnel({ ...proposed, kpis });
  return {
    text: applyEdits(text, document, edits),
    version: { from: fromVersion, to: version },
    period: { start: period.start, end: period.end },
    revenue,
    rates,
    volumes,
    plan: final?.computable ? final : null,
  };
}

const iso = (date: CalendarDate) => `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;

const fromUtc = (time: Date): CalendarDate => ({ year: time.getUTCFullYear(), month: time.getUTCMonth() + 1, day: time.getUTCDate() });

/**
 * The review period that follows the one in force: from the day after it ends, as many whole
 * months long (a half-year stays a half-year whatever the months' days), or as many days when
 * the period is no whole number of months.
 */
export function nextPeriod(sla: Sla): { start: string; end: string; startDate: CalendarDate } {
  const start = parseDate(sla.agreement?.reviewPeriod?.start);
  const end = parseDate(sla.agreement?.reviewPeriod?.end);
  if (!start || !end || toDayNumber(end) < toDayNumber(start)) throw new SlaError(message("plan/next.no-period"));
  const next = fromUtc(new Date(Date.UTC(end.year, end.month - 1, end.day + 1)));
  const months = periodMonths(sla);
  const whole = months !== undefined && Number.isInteger(months) && start.day === 1;
  const last = whole
    ? fromUtc(new Date(Date.UTC(next.year, next.month - 1 + months, next.day - 1)))
    : fromUtc(new Date(Date.UTC(next.year, next.month - 1, next.day + (toDayNumber(end) - toDayNumber(start)))));
  return { start: iso(next), end: iso(last), startDate: next };
}

/**
 * The next version: a year-and-period version (2026.2) becomes the new period's year's next
 * (2027.1 when the year turns, else 2026.3); a dotted version raises its second number
 * (1.4.2 -> 1.5.0); a single number is raised by one. Anything else needs to be given.
 */
export function raiseVersion(version: string, nextStart: CalendarDate): string {
  const yearly = /^(\d{4})\.(\d+)$/.exec(version);
  if (yearly) {
    const year = Number(yearly[1]);
    return nextStart.year > year ? `${nextStart.year}.1` : `${year}.${Number(yearly[2]) + 1}`;
  }
  const dotted = /^(v?)(\d+)\.(\d+)((?:\.\d+)*)$/.exec(version);
  if (dotted) return `${dotted[1]}${dotted[2]}.${Number(dotted[3]) + 1}${dotted[4]!.replace(/\d+/g, "0")}`;
  const single = /^(v?)(\d+)$/.exec(version);
  if (single) return `${single[1]}${Number(single[2]) + 1}`;
  throw new SlaError(message("plan/next.version", { version }));
}
