// The funnel planned against measured: each conversion rate the agreement assumed beside the
// one measured over the months of the report, and the funnel math (src/domain/funnel.ts, the
// one implementation) run again with the measured rates and deal size.
import { computeFunnel, kpiForMetric, targetOverPeriod, type FunnelMath, type RateMetric, type VolumeMetric } from "../../domain/funnel.js";
import { toFraction } from "../../domain/percent.js";
import type { Sla } from "../../model/index.js";
import type { FunnelComparison, FunnelRate, FunnelVolume, Month } from "../model.js";
import type { Figures } from "./kpis.js";

const RATES: RateMetric[] = ["closeRate", "sqlToProposalRate", "mqlToSqlRate", "leadToMqlRate", "visitToLeadRate"];
const VOLUMES: VolumeMetric[] = ["customers", "proposals", "sqls", "mqls", "leads", "visits"];

export function compareFunnel(sla: Sla, figures: Figures, months: readonly Month[], periodMonths: number): FunnelComparison {
  const measuredRates: Partial<Record<RateMetric, number>> = {};
  const rates: FunnelRate[] = RATES.map((rate) => {
    const ratio = figures.pooledRatio(rate, months) ?? { numerator: 0, denominator: 0 };
    const measured = ratio.denominator ? ratio.numerator / ratio.denominator : null;
    if (measured !== null) measuredRates[rate] = measured;
    return { rate, planned: toFraction(kpiForMetric(sla, rate)?.target) ?? null, ...ratio, measured };
  });
  const won = figures.wonAmounts(months);
  const averageDealSize = won?.count ? won.sum / won.count : undefined;
  const planned = steps(computeFunnel(sla));
  const measuredFunnel = computeFunnel(sla, { rates: measuredRates, ...(averageDealSize !== undefined && { averageDealSize }) });
  const atMeasured = steps(measuredFunnel);
  const volumes: FunnelVolume[] = VOLUMES.map((metric) => {
    const kpi = kpiForMetric(sla, metric);
    const target = kpi ? targetOverPeriod(kpi, periodMonths) : null;
    return {
      metric,
      planned: planned.get(metric) ?? null,
      atMeasuredRates: atMeasured.get(metric) ?? null,
      target: target !== null && Number.isFinite(target) ? target : null,
    };
  });
  // Said rather than left as a column of dashes: a measured rate above 100% (two counts that
  // are not the same cases) or of 0% leaves the math at the measured rates undone.
  const notComputable =
    measuredFunnel?.computable === false ? { cause: measuredFunnel.cause, reason: measuredFunnel.reason, value: measuredFunnel.value } : null;
  return { rates, volumes, notComputable };
}

/** Needed per volume; empty when the math cannot be done (a measured rate of 0 needs infinitely many). */
function steps(funnel: ReturnType<typeof computeFunnel>): Map<VolumeMetric, number> {
  return new Map(funnel?.computable ? (funnel as FunnelMath).steps.map((step) => [step.metric, step.needed] as const) : []);
}
