// `sla report` as a library: the tables of the CRM exports (./tables.ts) measured against
// the agreement, as the Report of ./model.ts. Pure but for reading the tables; the CLI loads
// the exports into them (./ingest) and words the result (formatters).
import { periodMonths as targetMonthsOf } from "../domain/funnel.js";
import type { LocalDateTime } from "../domain/business-time.js";
import { UsageError } from "../errors.js";
import { message } from "../i18n/message.js";
import type { Kpi, Sla } from "../model/index.js";
import { readActuals } from "./measure/actuals.js";
import { connectCompliance, readHandoffs, type BusinessHours } from "./measure/connect.js";
import { measureSalesCycle } from "./measure/cycle.js";
import { measureDeals, proposalStage } from "./measure/deals.js";
import { compareFunnel } from "./measure/funnel.js";
import { Figures, type Value } from "./measure/kpis.js";
import { addMonths, localDateTime, monthRange, resolveThrough } from "./measure/months.js";
import { monthBounds, type ReportConnection } from "./measure/query.js";
import { measureReturned } from "./measure/returned.js";
import { countStageEntries } from "./measure/stages.js";
import { attainmentOf, monthTarget, periodTarget, statusOf } from "./measure/targets.js";
import type { KpiMeasure, PeriodToDate, Report } from "./model.js";
import type { SourceQuality } from "./tables.js";

export type { ReportConnection } from "./measure/query.js";
export type { BusinessHours } from "./measure/connect.js";

export interface MeasureOptions {
  /** A connection to a database holding the tables of ./tables.ts. */
  connection: ReportConnection;
  /** What became of each input file (ingest's account). */
  quality: SourceQuality[];
  /** The SLA file as the user named it. */
  file: string;
  /** The last month to measure, `YYYY-MM`; default: the last complete month before `now`, within the period. */
  through?: string;
  now: Date;
  /** The business calendar's time zone, to read `now` in; default UTC. */
  timeZone?: string;
  /** Business hours between two local times in the agreement's calendar; without it, business-hour times to first attempt go unmeasured. */
  businessHours?: BusinessHours;
  /**
   * Called once every table has been read, before the lead-by-lead computing: `sla report`
   * closes the engine there, so that a million leads' tables and the computing over them are
   * never in memory at once.
   */
  onTablesRead?: () => void;
  /** The deal stage whose reaching counts as a proposal; default: deals.ts proposalStage(). */
  proposalStage?: string;
}

export async function measureReport(sla: Sla, options: MeasureOptions): Promise<Report> {
  const { connection } = options;
  const period = { start: sla.agreement.reviewPeriod.start, end: sla.agreement.reviewPeriod.end };
  const periodMonths = targetMonthsOf(sla);
  if (periodMonths === undefined) throw new UsageError(message("report/period.invalid", { start: period.start, end: period.end }));
  const now: LocalDateTime = localDateTime(options.now, options.timeZone ?? "UTC");
  const through = resolveThrough(period, now, options.through);
  const months = monthRange(period.start.slice(0, 7), through);
  const bounds = monthBounds(months[0]!, addMonths(through, 1));
  // The report ends with its last month, or now when that month is not over yet.
  const throughEnd = `${addMonths(through, 1)}-01T00:00:00`;
  const reportEnd = now < throughEnd ? now : throughEnd;

  // One after another: a connection runs one query at a time.
  const stages = await countStageEntries(connection, sla);
  const deals = await measureDeals(connection, sla, options.proposalStage ?? proposalStage(sla));
  const actuals = await readActuals(connection);
  const salesCycle = await measureSalesCycle(connection, sla, bounds);
  const handoffs = await readHandoffs(connection, sla, bounds, options.businessHours !== undefined);
  const returned = await measureReturned(connection, sla);
  // Every table is read: what follows is computing, with the engine's memory free for it.
  options.onTablesRead?.();
  const connect = handoffs && connectCompliance(handoffs, sla, reportEnd, options.businessHours, options.timeZone);
  const figures = new Figures(sla, { stages, deals, actuals, salesCycle, firstAttempt: connect?.firstAttempt });

  const reportMonths = months.map((month) => ({
    month,
    kpis: sla.kpis.map((kpi): KpiMeasure => {
      const target = monthTarget(kpi, periodMonths);
      return measure(kpi, target, figures.series(kpi).month(month));
    }),
  }));

  const periodToDate: PeriodToDate = {
    months: months.length,
    periodMonths,
    kpis: sla.kpis.map((kpi) => {
      const series = figures.series(kpi);
      const whole = periodTarget(kpi, periodMonths);
      const share = months.length / periodMonths;
      const target = series.additive && whole !== null ? whole * share : whole;
      const measured = measure(kpi, target, series.period(months));
      // A sum runs on at its pace so far; a level (rate, average, median) stays where it is.
      const projected = measured.actual === null ? null : series.additive ? measured.actual / share : measured.actual;
      return { ...measured, projected, periodTarget: whole, projectedStatus: statusOf(kpi.direction, whole, projected) };
    }),
  };

  return {
    version: 1,
    agreement: {
      file: options.file,
      title: sla.agreement.name,
      version: sla.agreement.version,
      language: sla.agreement.language,
      currency: sla.agreement.currency ?? null,
    },
    period,
    through,
    months: reportMonths,
    periodToDate,
    funnel: compareFunnel(sla, figures, months, periodMonths),
    connect: connect?.compliance ?? null,
    returned: returned ?? null,
    dataQuality: { sources: options.quality },
  };
}

/** One KPI's figure against its target. */
function measure(kpi: Kpi, target: number | null, value: Value): KpiMeasure {
  return {
    id: kpi.id,
    metric: kpi.metric ?? null,
    unit: kpi.unit,
    direction: kpi.direction,
    target,
    actual: value.actual,
    attainment: attainmentOf(kpi.direction, target, value.actual),
    status: statusOf(kpi.direction, target, value.actual),
    ...(value.p90 !== undefined && { p90: value.p90 }),
    ...(value.sample !== undefined && { sample: value.sample }),
    ...(value.source !== undefined && { source: value.source }),
  };
}
