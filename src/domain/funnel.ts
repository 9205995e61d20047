// The funnel math: from the revenue target, the average deal size and the conversion rates,
// the customers, proposals, SQLs, MQLs, leads and visits the period needs. Shared by the
// validator (targets that cannot deliver the revenue), the diff and the rendered document.
import type { FunnelMetric, Kpi, Sla } from "../model/index.js";
import { parseDate, monthsInPeriod } from "./period.js";
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
  months: number;
  currency: string | undefined;
  revenue: number;
  averageDealSize: number;
  steps: FunnelStep[];
  /** Rates the chain stopped at because no KPI gives them. */
  missing: FunnelMetric[];
}

const SPAN_MONTHS = { week: 12 / 52, month: 1, quarter: 3, "half-year": 6, year: 12 } as const;
const CADENCE_SPAN = {
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
  "half-yearly": "half-year",
  yearly: "year",
} as const;

export const VOLUME_LABELS: Record<VolumeMetric, string> = {
  customers: "customers",
  proposals: "proposals",
  sqls: "SQLs",
  mqls: "MQLs",
  leads: "leads",
  visits: "visits",
};

export const RATE_LABELS: Record<RateMetric, string> = {
  closeRate: "close rate",
  sqlToProposalRate: "SQL→proposal rate",
  mqlToSqlRate: "MQL→SQL rate",
  leadToMqlRate: "lead→MQL rate",
  visitToLeadRate: "visit→lead rate",
};

/** Length of the review period in months, or undefined when its dates are unusable. */
export function periodMonths(sla: Sla): number | undefined {
  const start = parseDate(sla.agreement?.reviewPeriod?.start);
  const end = parseDate(sla.agreement?.reviewPeriod?.end);
  if (!start || !end) return undefined;
  const months = monthsInPeriod(start, end);
  return months > 0 ? months : undefined;
}

/** The span a count or currency target covers: `per`, else the cadence's own span. */
export function targetSpan(kpi: Kpi): NonNullable<Kpi["per"]> {
  return kpi.per ?? CADENCE_SPAN[kpi.cadence];
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
 * Computes the funnel, or undefined when the period, the revenue target or the average deal
 * size is missing: without them there is nothing to derive.
 */
export function computeFunnel(sla: Sla): FunnelMath | undefined {
  const months = periodMonths(sla);
  const revenueKpi = kpiForMetric(sla, "revenue");
  const dealKpi = kpiForMetric(sla, "averageDealSize");
  if (months === undefined || !revenueKpi || !dealKpi) return undefined;
  const revenue = targetOverPeriod(revenueKpi, months);
  const averageDealSize = Number(dealKpi.target);
  if (!(revenue > 0) || !(averageDealSize > 0)) return undefined;

  const customers = roundUp(revenue / averageDealSize);
  const steps: FunnelStep[] = [{ metric: "customers", needed: customers, perMonth: customers / months }];
  const missing: FunnelMetric[] = [];
  let previous = customers;
  for (const link of CHAIN) {
    const rate = toFraction(kpiForMetric(sla, link.rate)?.target);
    if (rate === undefined || !(rate > 0) || rate > 1) {
      if (link.optional) continue;
      missing.push(link.rate);
      break;
    }
    const needed = roundUp(previous / rate);
    steps.push({ metric: link.metric, needed, perMonth: needed / months, rateMetric: link.rate, rate });
    previous = needed;
  }
  return { months, currency: sla.agreement?.currency, revenue, averageDealSize, steps, missing };
}
