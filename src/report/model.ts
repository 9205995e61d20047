// The measured report: what `sla report` computed, before any wording. The JSON format is
// this object as it is (version 1, documented in the README); the other formats word it.
import type { SourceQuality } from "./tables.js";

/** A calendar month, `YYYY-MM`. */
export type Month = string;

/** Given the KPI's direction: on track at >= 100 % of target, at risk from 90 %, else off track. */
export type KpiStatus = "on-track" | "at-risk" | "off-track" | "no-data";

export interface KpiMeasure {
  id: string;
  /** The KPI's `metric`, when it has one; KPIs without one are measured from the actuals table only. */
  metric: string | null;
  unit: string;
  direction: "higher" | "lower";
  /** The target for this span (a month's share of a `per: period` target); rates as fractions. */
  target: number | null;
  /** null, never 0, when nothing could be measured. */
  actual: number | null;
  /**
   * actual / target for higher-is-better, target / actual for lower-is-better; null without
   * both, and null when that is no finite number (a lower-is-better actual of 0, a target of 0),
   * where the status says whether the target is met.
   */
  attainment: number | null;
  status: KpiStatus;
  /** Duration KPIs (hours, days): the 90th percentile beside the median `actual`. */
  p90?: number | null;
  /** How many cases the actual rests on (deals, leads, pairs of a rate). */
  sample?: number;
  /** Where the actual came from: the exports or the actuals table. */
  source?: "exports" | "actuals";
}

export interface ReportMonth {
  month: Month;
  kpis: KpiMeasure[];
}

export interface PeriodToDate {
  /** Months measured so far of the review period. */
  months: number;
  /** Months in the review period. */
  periodMonths: number;
  /** Per KPI: actual against the pro-rated target, and the pace projected to the period's end. */
  kpis: (KpiMeasure & { projected: number | null; periodTarget: number | null; projectedStatus: KpiStatus })[];
}

export interface FunnelRate {
  rate: string; // rate metric, e.g. mqlToSqlRate
  planned: number | null;
  measured: number | null;
  /** The cases behind `measured`: numerator of denominator. */
  numerator: number;
  denominator: number;
}

export interface FunnelVolume {
  metric: string; // volume metric, e.g. mqls
  /** Needed over the period by the agreement's own rates. */
  planned: number | null;
  /** Needed over the period at the measured rates. */
  atMeasuredRates: number | null;
  /** The agreement's target over the period. */
  target: number | null;
}

export interface FunnelComparison {
  rates: FunnelRate[];
  volumes: FunnelVolume[];
  /**
   * Why no volume could be derived at the measured rates (every `atMeasuredRates` null): the
   * measured figure that makes the funnel math impossible, as `computeFunnel` names it (a rate
   * above 100% or of 0%, a deal size of 0); null when the math could be done. Absent from
   * reports written before it was added.
   */
  notComputable?: { cause: string; reason: "negative" | "zero" | "above-100" | "out-of-range"; value: number } | null;
}

export interface Breach {
  leadId: string;
  owner: string | null;
  leadType: string | null;
  /** Local wall time in the calendar's zone, `YYYY-MM-DDTHH:mm`. */
  handedOverAt: string;
  firstAttemptAt: string | null;
  /** Business hours from hand-off to the first attempt (or to the report's end when none). */
  elapsedHours: number;
  allowedHours: number;
  line: number;
}

export interface ComplianceGroup {
  handedOver: number;
  withinTarget: number;
  breached: number;
  /** No attempt yet and still within time. */
  open: number;
  /** withinTarget / (withinTarget + breached); null when none are decided. */
  attainment: number | null;
}

export interface ConnectCompliance extends ComplianceGroup {
  /** The lifecycle stage id whose entry is the hand-off. */
  handoffStage: string;
  byLeadType: (ComplianceGroup & { leadType: string | null; allowedHours: number })[];
  byOwner: (ComplianceGroup & { owner: string | null })[];
  /** Worst first. */
  breaches: Breach[];
}

export interface ReturnedLeads {
  total: number;
  /** Most first; "" for leads returned without a reason. */
  byReason: { reason: string; count: number }[];
  /** Most first; present when the export has owners (lead types). */
  byOwner?: { owner: string | null; count: number }[];
  byLeadType?: { leadType: string | null; count: number }[];
}

export interface Report {
  version: 1;
  agreement: { file: string; title: string; version: string; language: string; currency: string | null };
  period: { start: string; end: string };
  /** The last month measured. */
  through: Month;
  months: ReportMonth[];
  periodToDate: PeriodToDate;
  funnel: FunnelComparison;
  connect: ConnectCompliance | null;
  returned: ReturnedLeads | null;
  dataQuality: { sources: SourceQuality[] };
}
