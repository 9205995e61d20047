// `sla report`'s pipeline as one call: the exports loaded into the report tables (./ingest),
// measured against the agreement (./index.ts), and the tables closed whatever happens. The
// engine and the measuring load only here, only for `sla report`.
import type { Sla } from "../model/index.js";
import type { Report } from "./model.js";
import type { SourceQuality } from "./tables.js";

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

/** ingest's and measure's entry points, as their modules export them. */
interface Loaded {
  connection: unknown;
  quality: SourceQuality[];
  close(): void;
}
interface IngestModule {
  loadExports(sla: Sla, options: { baseDir: string; leads?: string; deals?: string; actuals?: string; timeZone: string }): Promise<Loaded>;
}
interface MeasureModule {
  measureReport(
    sla: Sla,
    options: { connection: unknown; quality: SourceQuality[]; file: string; through?: string; now: Date; timeZone?: string },
  ): Promise<Report>;
}

// Named apart from the import() calls until the modules are on this branch; with them, the
// literal specifiers (and their types) take over.
const INGEST = "./ingest/index.js";
const MEASURE = "./index.js";

export async function runReportPipeline(sla: Sla, options: ReportRunOptions): Promise<Report> {
  const timeZone = calendarZone(sla);
  const { loadExports } = (await import(INGEST)) as IngestModule;
  const loaded = await loadExports(sla, { baseDir: options.baseDir, leads: options.leads, deals: options.deals, actuals: options.actuals, timeZone });
  try {
    const { measureReport } = (await import(MEASURE)) as MeasureModule;
    return await measureReport(sla, {
      connection: loaded.connection,
      quality: loaded.quality,
      file: options.file,
      through: options.through,
      now: options.now,
      timeZone,
    });
  } finally {
    loaded.close();
  }
}

/** The business calendar's time zone (`calendar.timeZone`); UTC for an agreement without one. */
function calendarZone(sla: Sla): string {
  const calendar = (sla as Sla & { calendar?: { timeZone?: string } }).calendar;
  return calendar?.timeZone ?? "UTC";
}
