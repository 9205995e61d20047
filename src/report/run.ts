// `sla report`'s pipeline as one call: the exports loaded into the report tables (./ingest),
// measured against the agreement (./index.ts), and the tables closed whatever happens. The
// engine and the measuring load only here, only for `sla report`.
import { businessMinutesBetween, type BusinessCalendar } from "../domain/business-time.js";
import { toBusinessCalendar } from "../domain/working-calendar.js";
import type { Sla, WorkingCalendar } from "../model/index.js";
import type { Report } from "./model.js";

export interface ReportRunOptions {
  /** The SLA file as the user named it (shown in the report). */
  file: string;
  /** The folder export paths in the agreement (`reporting.sources.*.file`) are relative to. */
  baseDir: string;
  /** Export files named on the command line; they override the agreement's. */
  leads?: string;
  deals?: string;
  actuals?: string;
  /** `YYYY-MM`; default: the last complete month. */
  through?: string;
  now: Date;
}

export async function runReportPipeline(sla: Sla, options: ReportRunOptions): Promise<Report> {
  const calendar = sla.calendar ?? DEFAULT_CALENDAR;
  const { loadExports } = await import("./ingest/index.js");
  const loaded = await loadExports(sla, {
    baseDir: options.baseDir,
    leads: options.leads,
    deals: options.deals,
    actuals: options.actuals,
    timeZone: calendar.timeZone,
  });
  try {
    const { measureReport } = await import("./index.js");
    const business = await businessCalendar(sla, calendar);
    return await measureReport(sla, {
      connection: loaded.connection,
      quality: loaded.quality,
      file: options.file,
      through: options.through,
      now: options.now,
      timeZone: calendar.timeZone,
      businessHours: (from, to) => businessMinutesBetween(from, to, business) / 60,
      onTablesRead: loaded.close,
    });
  } finally {
    loaded.close();
  }
}

/**
 * An agreement without a `calendar` still promises "4 business hours": they are counted
 * Monday to Friday, 09:00 to 17:00 UTC, without public holidays (the README says so).
 */
const DEFAULT_CALENDAR: WorkingCalendar = { timeZone: "UTC" };

/** The calendar with its public holidays for every year the review period touches, and the next (late attempts). */
async function businessCalendar(sla: Sla, calendar: WorkingCalendar): Promise<BusinessCalendar> {
  if (calendar.country === undefined) return toBusinessCalendar(calendar, []);
  const { resolveBusinessCalendar } = await import("./holidays.js");
  const from = Number(sla.agreement.reviewPeriod.start.slice(0, 4));
  const to = Number(sla.agreement.reviewPeriod.end.slice(0, 4)) + 1;
  return resolveBusinessCalendar(calendar, { from, to });
}
