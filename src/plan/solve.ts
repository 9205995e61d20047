// The funnel from the revenue target down, beside the volume targets the agreement holds:
// the same math `sla validate` checks (src/domain/funnel.ts), laid out step by step with
// what each target adds up to and the smallest target that would deliver the revenue.
import {
  computeFunnel,
  kpiForMetric,
  minimumTarget,
  targetOverPeriod,
  targetSpan,
  type FunnelMath,
  type FunnelUncomputable,
  type RateMetric,
  type VolumeMetric,
} from "../domain/funnel.js";
import type { Kpi, Sla } from "../model/index.js";

export type StepStatus = "ok" | "too-low" | "no-target";
export type Span = NonNullable<Kpi["per"]>;

export interface PlanStep {
  metric: VolumeMetric;
  /** Whole number needed over the review period. */
  needed: number;
  perMonth: number;
  /** The rate this step is divided by, from the step before (none for customers). */
  rateMetric: RateMetric | null;
  rate: number | null;
  /** The KPI holding this volume's target, and its target as written (per `span`). */
  kpi: string | null;
  target: number | null;
  span: Span | null;
  /** What the target adds up to over the review period. */
  targetOverPeriod: number | null;
  /** The smallest whole target per `span` that delivers `needed`. */
  minimum: number | null;
  /** `no-target`: no KPI holds this volume, or its target is not a number. */
  status: StepStatus;
}

export interface FunnelPlan {
  computable: true;
  months: number;
  currency: string | null;
  /** The revenue target over the period. */
  revenue: number;
  averageDealSize: number;
  steps: PlanStep[];
  /** Rates the chain stopped at because no KPI gives them. */
  missing: RateMetric[];
  /** The math itself, for the explanation of each step (validate's wording). */
  funnel: FunnelMath;
}

/**
 * The plan of an agreement: undefined when there is nothing to derive (no review period,
 * revenue target or deal size), uncomputable when a target makes the math impossible.
 */
export function planFunnel(sla: Sla): FunnelPlan | FunnelUncomputable | undefined {
  const funnel = computeFunnel(sla);
  if (!funnel?.computable) return funnel;
  const steps = funnel.steps.map((step): PlanStep => {
    const kpi = kpiForMetric(sla, step.metric);
    const base = {
      metric: step.metric,
      needed: step.needed,
      perMonth: step.perMonth,
      rateMetric: step.rateMetric ?? null,
      rate: step.rate ?? null,
      kpi: kpi?.id ?? null,
    };
    if (!kpi || typeof kpi.target !== "number")
      return { ...base, target: null, span: kpi ? targetSpan(kpi) : null, targetOverPeriod: null, minimum: null, status: "no-target" };
    const committed = targetOverPeriod(kpi, funnel.months);
    return {
      ...base,
      target: kpi.target,
      span: targetSpan(kpi),
      targetOverPeriod: committed,
      minimum: minimumTarget(kpi, step.needed, funnel.months),
      // The same tolerance as the validator's, so both call the same targets too low.
      status: committed + 1e-9 >= step.needed ? "ok" : "too-low",
    };
  });
  return {
    computable: true,
    months: funnel.months,
    currency: funnel.currency ?? null,
    revenue: funnel.revenue,
    averageDealSize: funnel.averageDealSize,
    steps,
    missing: funnel.missing.filter((m): m is RateMetric => m.endsWith("Rate")),
    funnel,
  };
}

/** Whether any volume target is too low for the revenue target. */
export function hasTooLow(plan: FunnelPlan): boolean {
  return plan.steps.some((step) => step.status === "too-low");
}
