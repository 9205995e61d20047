// The funnel math: from the revenue target, the average deal size and the conversion rates,
// the customers, proposals, SQLs, MQLs, leads and visits the period needs. Shared by the
// validator (targets that cannot deliver the revenue), the diff and the rendered document.
import type { FunnelMetric, Kpi, Sla } from "../model/index.js";
import { parseDate, targetMonths } from "./period.js";
import { toFraction } from "./percent.js";

export type VolumeMetric = "customers" | "proposals" | "sqls" | "mqls" | "leads" | "visits";
export type RateMetric = "closeRate" | "sqlToProposalRate" | "mqlToSqlRate" | "leadToMqlRate" | "visitToLeadRate";

export interface FunnelStep {
  metric: VolumeMetric;
  /** Whole number needed over the review period (rounded up at every step). */
  needed: number;
  perMonth: number;
  /** How this step follows from the one before: divided by `rate` of `rateMetric`. */
  rateMetric?: RateMetric;
  rate?: number;
}

export interface FunnelMath {
  computable: true;
  months: number;
  currency: string | undefined;
  revenue: number;
  averageDealSize: number;
  steps: FunnelStep[];
  /** Rates the chain stopped at because no KPI gives them. */
  missing: FunnelMetric[];
}

/** Why a figure of the funnel math is impossible. */
export type ImpossibleReason =
  /** A negative revenue target, deal size or rate. */
  | "negative"
  /** A deal size or rate of 0, which cannot be divided by. */
  | "zero"
  /** A conversion rate above 100%. */
  | "above-100"
  /** A figure beyond what a number can hold: a rate or deal size so small, or a target so large, that the result is no finite number. */
  | "out-of-range";

/**
 * The funnel math cannot be done: a target is impossible, or a figure would be NaN or
 * Infinity. Said instead of any such number, so no output can print one.
 */
export interface FunnelUncomputable {
  computable: false;
  /** The KPI metric whose target makes the math impossible. */
  cause: FunnelMetric;
  reason: ImpossibleReason;
  /** The target as read (a rate as a fraction). */
  value: number;
  /** For `out-of-range`: the figure that could not be computed. */
  figure?: "revenue" | VolumeMetric;
}

const SPAN_MONTHS = { week: 12 / 52, month: 1, quarter: 3, "half-year": 6, year: 12 } as const;
const CADENCE_SPAN = {
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
  "half-yearly": "half-year",
  yearly: "year",
} as const;

/**
 * The months the targets are kept over: whole calendar months for a period that ends within a
 * few days of them (targetMonths), or undefined when its dates are unusable.
 */
export function periodMonths(sla: Sla): number | undefined {
  const start = parseDate(sla.agreement?.reviewPeriod?.start);
  const end = parseDate(sla.agreement?.reviewPeriod?.end);
  if (!start || !end) return undefined;
  const months = targetMonths(start, end);
  return months > 0 ? months : undefined;
}

/** The span a count or currency target covers: `per`, else the cadence's own span. */
export function targetSpan(kpi: Kpi): NonNullable<Kpi["per"]> {
  return kpi.per ?? CADENCE_SPAN[kpi.cadence];
}

/**
 * Whether the target is an amount over a span that adds up month by month: a count, the
 * revenue, or a currency target with an explicit `per`. Other targets (averages, costs per
 * lead, rates, durations, scores) hold as they are for every month.
 */
export function isSpanTarget(kpi: Kpi): boolean {
  return kpi.unit === "count" || (kpi.unit === "currency" && (kpi.metric === "revenue" || kpi.per !== undefined));
}

/** How many of the KPI's spans fit in the review period (6 months: 6 months, 2 quarters). */
function spansInPeriod(kpi: Kpi, months: number): number {
  const span = targetSpan(kpi);
  return span === "period" ? 1 : months / SPAN_MONTHS[span];
}

/** A count or currency KPI's target over the whole review period. */
export function targetOverPeriod(kpi: Kpi, months: number): number {
  return Number(kpi.target) * spansInPeriod(kpi, months);
}

/** The inverse: a total over the period expressed per the KPI's span. */
export function perSpan(kpi: Kpi, totalOverPeriod: number, months: number): number {
  return totalOverPeriod / spansInPeriod(kpi, months);
}

export function kpiForMetric(sla: Sla, metric: FunnelMetric): Kpi | undefined {
  return (sla.kpis ?? []).find((kpi) => kpi.metric === metric);
}

const CHAIN: { metric: VolumeMetric; rate: RateMetric; optional?: boolean }[] = [
  { metric: "proposals", rate: "closeRate" },
  { metric: "sqls", rate: "sqlToProposalRate" },
  { metric: "mqls", rate: "mqlToSqlRate" },
  // Many teams count every lead as an MQL candidate; without a lead->MQL rate the chain
  // goes straight from MQLs to visits, as in the classic funnel formula.
  { metric: "leads", rate: "leadToMqlRate", optional: true },
  { metric: "visits", rate: "visitToLeadRate" },
];

/**
 * Rounds up to whole customers, proposals and leads, ignoring floating-point noise:
 * 145 / 0.29 is 500.00000000000006 in binary, and 500 proposals are what is meant.
 */
function roundUp(value: number): number {
  return Math.ceil(value - 1e-9 * Math.max(1, Math.abs(value)));
}

/**
 * The smallest whole target per the KPI's span that adds up to `needed` over the period:
 * validate's hint and `sla plan` both name it. Rounded up after ignoring floating-point
 * noise, as the funnel's own steps are (65 a month is 15 a week, not 16).
 */
export function minimumTarget(kpi: Kpi, needed: number, months: number): number {
  let minimum = roundUp(perSpan(kpi, needed, months));
  // A week's share of a month is no exact binary fraction: make sure the total holds (as far as
  // a number can: past 2^53 adding one changes nothing, and the loop would never end).
  while (targetOverPeriod({ ...kpi, target: minimum }, months) + 1e-9 < needed && minimum + 1 !== minimum) minimum += 1;
  return minimum;
}

/**
 * Figures that replace the agreement's own in the math: `sla report` runs it again with the
 * rates and the deal size it measured, to say what volumes those would need. A figure left
 * out keeps the agreement's target; a rate is a fraction.
 */
export interface FunnelFigures {
  averageDealSize?: number;
  rates?: Partial<Record<RateMetric, number>>;
}

/**
 * Computes the funnel; undefined when the period, the revenue target or the average deal size
 * is missing (without them there is nothing to derive), and uncomputable when a target is
 * impossible or a figure would not be a finite number.
 */
export function computeFunnel(sla: Sla, figures: FunnelFigures = {}): FunnelMath | FunnelUncomputable | undefined {
  const months = periodMonths(sla);
  const revenueKpi = kpiForMetric(sla, "revenue");
  const dealKpi = kpiForMetric(sla, "averageDealSize");
  if (months === undefined || !revenueKpi || !dealKpi) return undefined;
  const revenueTarget = Number(revenueKpi.target);
  const averageDealSize = figures.averageDealSize ?? Number(dealKpi.target);
  // A target that is no number at all (text) or a revenue of 0 leaves nothing to derive.
  if (Number.isNaN(revenueTarget) || Number.isNaN(averageDealSize) || revenueTarget === 0) return undefined;
  const impossible = (cause: FunnelMetric, reason: ImpossibleReason, value: number, figure?: FunnelUncomputable["figure"]): FunnelUncomputable => ({
    computable: false,
    cause,
    reason,
    value,
    ...(figure && { figure }),
  });
  if (revenueTarget < 0) return impossible("revenue", "negative", revenueTarget);
  const revenue = targetOverPeriod(revenueKpi, months);
  if (!Number.isFinite(revenue)) return impossible("revenue", "out-of-range", revenueTarget, "revenue");
  if (averageDealSize <= 0) return impossible("averageDealSize", averageDealSize === 0 ? "zero" : "negative", averageDealSize);
  const exactCustomers = revenue / averageDealSize;
  if (!Number.isFinite(exactCustomers)) return impossible("averageDealSize", "out-of-range", averageDealSize, "customers");

  const customers = roundUp(exactCustomers);
  const steps: FunnelStep[] = [{ metric: "customers", needed: customers, perMonth: customers / months }];
  const missing: FunnelMetric[] = [];
  let previous = customers;
  for (const link of CHAIN) {
    const rate = figures.rates?.[link.rate] ?? toFraction(kpiForMetric(sla, link.rate)?.target);
    if (rate === undefined) {
      if (link.optional) continue;
      missing.push(link.rate);
      break;
    }
    if (rate <= 0) return impossible(link.rate, rate === 0 ? "zero" : "negative", rate);
    if (rate > 1) return impossible(link.rate, "above-100", rate);
    const exact = previous / rate;
    // A rate too small to divide by (1e-320) gives Infinity, which rounding turns into NaN.
    if (!Number.isFinite(exact)) return impossible(link.rate, "out-of-range", rate, link.metric);
    const needed = roundUp(exact);
    steps.push({ metric: link.metric, needed, perMonth: needed / months, rateMetric: link.rate, rate });
    previous = needed;
  }
  return { computable: true, months, currency: sla.agreement?.currency, revenue, averageDealSize, steps, missing };
}
