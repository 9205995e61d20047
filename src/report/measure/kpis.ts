// Every KPI's actual per month and over the months measured, from the measured figures.
//
// - Volumes (leads, MQLs, SQLs, customers) count leads by the month they first entered the
//   stage; customers from the leads export when it holds their date, else won deals by close
//   month; leads by record creation when the export has no lead-stage date; proposals are deals that reached the proposal stage, by creation month (deals.ts);
//   visits come from the actuals table only.
// - Revenue sums the won amounts by close month; average deal size is their mean.
// - Close rate is won / (won + lost) among the deals closed in the month. The conversion
//   rates divide the month's volumes (SQLs of the month / MQLs of the month): the ratio the
//   funnel math assumes when it divides one volume by a rate, and one that does not wait for
//   a cohort to mature. Over several months they are pooled (sum / sum), not averaged.
// - Duration KPIs (`measure`, or known by id: measureOf) give the median with the 90th percentile.
// - The actuals table has the last word: a row for the month and KPI id replaces what the
//   exports measured (a team corrects a known-bad month by writing it down), and gives the
//   actual of every KPI the exports cannot measure. `source` says which it is.
import type { RateMetric, VolumeMetric } from "../../domain/funnel.js";
import { isSpanTarget } from "../../domain/funnel.js";
import type { Kpi, Sla } from "../../model/index.js";
import type { Month } from "../model.js";
import type { Actuals } from "./actuals.js";
import type { DurationFigures } from "./cycle.js";
import type { DealFigures } from "./deals.js";
import type { StageCounts } from "./stages.js";

/**
 * What a KPI without `measure` is measured as, known by its id: agreements written before the
 * field keep their figures. A KPI's own `measure` wins.
 */
const MEASURE_BY_ID: Readonly<Record<string, NonNullable<Kpi["measure"]>>> = {
  "time-to-first-connect-attempt": "timeToFirstAttempt",
  "time-to-first-attempt": "timeToFirstAttempt",
  "sales-cycle-length": "salesCycle",
  "sales-cycle": "salesCycle",
};

/** What `sla report` measures a KPI outside the funnel as; undefined when nothing. */
export function measureOf(kpi: Kpi): Kpi["measure"] {
  return kpi.measure ?? MEASURE_BY_ID[kpi.id];
}

export interface Measured {
  stages: StageCounts;
  deals: DealFigures | undefined;
  actuals: Actuals;
  /** Calendar days. */
  salesCycle: DurationFigures;
  /** Hours (business hours when the time allowed is in business hours). */
  firstAttempt: DurationFigures | undefined;
}

export interface Value {
  actual: number | null;
  sample?: number;
  p90?: number | null;
  source?: "exports" | "actuals";
}

export interface KpiSeries {
  month(month: Month): Value;
  /** Over the months measured. */
  period(months: readonly Month[]): Value;
  /** Whether the months add up (counts, revenue) rather than each standing alone (rates, averages). */
  additive: boolean;
}

interface Ratio {
  numerator: number;
  denominator: number;
}

const RATE_PARTS: Record<Exclude<RateMetric, "closeRate">, [VolumeMetric, VolumeMetric]> = {
  sqlToProposalRate: ["proposals", "sqls"],
  mqlToSqlRate: ["sqls", "mqls"],
  leadToMqlRate: ["mqls", "leads"],
  visitToLeadRate: ["leads", "visits"],
};

const CATEGORY = { leads: "lead", mqls: "mql", sqls: "sql", customers: "customer" } as const;

/** The measuring, month by month, of one agreement's figures. */
export class Figures {
  constructor(
    private readonly sla: Sla,
    private readonly measured: Measured,
  ) {}

  private override(kpi: Kpi | undefined, month: Month): number | undefined {
    return kpi ? this.measured.actuals.get(kpi.id)?.get(month) : undefined;
  }

  private kpiFor(metric: string): Kpi | undefined {
    return this.sla.kpis.find((kpi) => kpi.metric === metric);
  }

  /** A volume as the exports measured it; null when they cannot. */
  private measuredVolume(metric: VolumeMetric, month: Month): number | null {
    const { stages, deals } = this.measured;
    if (metric === "visits") return null;
    if (metric === "proposals") return deals?.proposals ? (deals.proposals.get(month) ?? 0) : null;
    const counts = stages.get(CATEGORY[metric]);
    if (counts) return counts.get(month) ?? 0;
    if (metric === "customers" && deals) return deals.closed.get(month)?.won ?? 0;
    return null;
  }

  /** A volume of the month: the actuals table's figure for the KPI with this metric, else the exports'. */
  volume(metric: VolumeMetric, month: Month): Value {
    const written = this.override(this.kpiFor(metric), month);
    if (written !== undefined) return { actual: written, source: "actuals" };
    const actual = this.measuredVolume(metric, month);
    return actual === null ? { actual } : { actual, source: "exports" };
  }

  /** The cases behind a rate in one month; undefined when a side cannot be measured. */
  ratio(rate: RateMetric, month: Month): Ratio | undefined {
    if (rate === "closeRate") {
      const deals = this.measured.deals;
      if (!deals) return undefined;
      const closed = deals.closed.get(month);
      return { numerator: closed?.won ?? 0, denominator: (closed?.won ?? 0) + (closed?.lost ?? 0) };
    }
    const [top, bottom] = RATE_PARTS[rate];
    const numerator = this.volume(top, month).actual;
    const denominator = this.volume(bottom, month).actual;
    return numerator === null || denominator === null ? undefined : { numerator, denominator };
  }

  /** A rate pooled over months: the sums of its numerators and denominators. */
  pooledRatio(rate: RateMetric, months: readonly Month[]): Ratio | undefined {
    const ratios = months.map((month) => this.ratio(rate, month)).filter((r) => r !== undefined);
    if (ratios.length === 0) return undefined;
    return ratios.reduce((sum, r) => ({ numerator: sum.numerator + r.numerator, denominator: sum.denominator + r.denominator }));
  }

  /** Sum and count of won amounts over months; undefined without a deals export. */
  wonAmounts(months: readonly Month[]): { sum: number; count: number; won: number } | undefined {
    const deals = this.measured.deals;
    if (!deals) return undefined;
    let sum = 0;
    let count = 0;
    let won = 0;
    for (const month of months) {
      const closed = deals.closed.get(month);
      sum += closed?.wonAmount ?? 0;
      count += closed?.wonWithAmount ?? 0;
      won += closed?.won ?? 0;
    }
    return { sum, count, won };
  }

  /** The series of one KPI. */
  series(kpi: Kpi): KpiSeries {
    const exported = this.exportedSeries(kpi);
    const additive = isSpanTarget(kpi);
    const written = this.measured.actuals.get(kpi.id);
    const month = (m: Month): Value => {
      const value = written?.get(m);
      return value !== undefined ? { actual: value, source: "actuals" } : exported.month(m);
    };
    return {
      additive,
      month,
      period(months) {
        const values = months.map(month);
        const known = values.filter((v) => v.actual !== null);
        if (known.length === 0) return { actual: null };
        const fromActuals = known.some((v) => v.source === "actuals");
        if (additive)
          return {
            actual: known.reduce((sum, v) => sum + v.actual!, 0),
            source: fromActuals ? "actuals" : "exports",
          };
        // A level (rate, average, median) pools the cases of all months; with figures written
        // by hand among them there are no cases to pool, so the months' mean stands in.
        if (!fromActuals) return exported.period(months);
        return { actual: known.reduce((sum, v) => sum + v.actual!, 0) / known.length, source: "actuals" };
      },
    };
  }

  private exportedSeries(kpi: Kpi): Pick<KpiSeries, "month" | "period"> {
    const none = { month: () => ({ actual: null }), period: () => ({ actual: null }) };
    const metric = kpi.metric;
    if (metric === undefined) {
      const duration = measureOf(kpi);
      if (duration === undefined || (kpi.unit !== "hours" && kpi.unit !== "days")) return none;
      const figures = duration === "salesCycle" ? this.measured.salesCycle : this.measured.firstAttempt;
      if (!figures) return none;
      // Sales cycles are measured in days, first attempts in hours.
      const scale = duration === "salesCycle" ? (kpi.unit === "hours" ? 24 : 1) : kpi.unit === "days" ? 1 / 24 : 1;
      const value = (q: { median: number; p90: number; sample: number } | undefined): Value =>
        q ? { actual: q.median * scale, p90: q.p90 * scale, sample: q.sample, source: "exports" } : { actual: null, p90: null };
      return { month: (m) => value(figures.byMonth.get(m)), period: () => value(figures.overall) };
    }
    if (metric === "revenue") {
      const value = (months: readonly Month[]): Value => {
        const won = this.wonAmounts(months);
        return won ? { actual: won.sum, sample: won.won, source: "exports" } : { actual: null };
      };
      return { month: (m) => value([m]), period: value };
    }
    if (metric === "averageDealSize") {
      const value = (months: readonly Month[]): Value => {
        const won = this.wonAmounts(months);
        return won ? { actual: won.count ? won.sum / won.count : null, sample: won.count, ...(won.count && { source: "exports" as const }) } : { actual: null };
      };
      return { month: (m) => value([m]), period: value };
    }
    if (metric.endsWith("Rate")) {
      const value = (ratio: Ratio | undefined): Value =>
        ratio
          ? {
              actual: ratio.denominator ? ratio.numerator / ratio.denominator : null,
              sample: ratio.denominator,
              ...(ratio.denominator && { source: "exports" as const }),
            }
          : { actual: null };
      return { month: (m) => value(this.ratio(metric as RateMetric, m)), period: (months) => value(this.pooledRatio(metric as RateMetric, months)) };
    }
    const volume = metric as VolumeMetric;
    const month = (m: Month): Value => {
      const actual = this.measuredVolume(volume, m);
      return actual === null ? { actual } : { actual, source: "exports" };
    };
    return {
      month,
      period: (months) => {
        const known = months.map((m) => this.measuredVolume(volume, m)).filter((v) => v !== null);
        return known.length ? { actual: known.reduce((a, b) => a + b, 0), source: "exports" } : { actual: null };
      },
    };
  }
}
