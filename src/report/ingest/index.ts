// Reading the CRM exports and the monthly actuals into the tables of src/report/tables.ts,
// with what became of every row. The library entry of `sla report`'s first step.
import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { MonthlyActuals, RecordExport, Sla } from "../../model/index.js";
import { SlaError } from "../../errors.js";
import { message } from "../../i18n/message.js";
import { repositoryRoot } from "../../load/discover.js";
import { REPORT_TABLES, type SourceQuality } from "../tables.js";
import { checkExport } from "./access.js";
import { loadActuals } from "./actuals.js";
import { loadEngine } from "./engine.js";
import { PRESETS, type PresetName, type SourceKind } from "./presets.js";
import { openExport } from "./raw.js";
import { loadRecords } from "./records.js";
import { scratchFolder } from "./scratch.js";

export interface LoadExportsOptions {
  /** The folder of the SLA file: `reporting.sources.*.file` are relative to it. */
  baseDir: string;
  /** Paths named on the command line (relative to the working directory): they override the SLA file's. */
  leads?: string | undefined;
  deals?: string | undefined;
  actuals?: string | undefined;
  /** The business calendar's IANA time zone: timestamps become wall-clock time there. */
  timeZone: string;
  /** The folder paths are shown relative to (the working directory by default). */
  cwd?: string;
  /**
   * The most memory the engine keeps its tables in before it moves some to a private
   * temporary folder: `256MB` by default. A million leads' parsed export fits in it (a spill
   * to disk nearly doubles the time of reading them), and the whole report stays within its
   * 500 MB budget because the engine is closed before the lead-by-lead computing; less spills
   * and saves no memory (bench/report.mjs prints the figures).
   */
  memoryLimit?: string;
}

export interface LoadedExports {
  connection: DuckDBConnection;
  quality: SourceQuality[];
  /** Closes the connection and the in-memory database; again, does nothing. */
  close(): void;
}

/**
 * Reads the leads, deals and actuals the options or `reporting.sources` name into a new
 * in-memory database. A kind named nowhere leaves its table empty. Throws SourceError (a
 * file that cannot be read, columns that do not fit, stage values nobody mapped) and
 * MissingPackageError (no engine installed).
 */
export async function loadExports(sla: Sla, options: LoadExportsOptions): Promise<LoadedExports> {
  checkTimeZone(options.timeZone);
  const { DuckDBInstance } = await loadEngine();
  // A caller that never closes (or a process that exits or is interrupted first) leaves no folder behind.
  const spill = scratchFolder("sla-report-");
  const instance = await DuckDBInstance.create(":memory:", { memory_limit: options.memoryLimit ?? "256MB", temp_directory: spill.path });
  const connection = await instance.connect();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    // Each step even when the one before fails: the database's memory and the spill folder go.
    try {
      connection.closeSync();
    } finally {
      try {
        instance.closeSync();
      } finally {
        spill.remove();
      }
    }
  };
  try {
    for (const table of REPORT_TABLES) await connection.run(table);
    const sources = sla.reporting?.sources ?? {};
    const cwd = options.cwd ?? process.cwd();
    const quality: SourceQuality[] = [];
    for (const kind of ["leads", "deals"] as const) {
      const source = sources[kind] ?? {};
      const input = inputOf(options[kind], source.file, options.baseDir, cwd);
      if (!input) continue;
      const path = checkExport(input.path, input.shown, input.within);
      const opened = await openExport(path, input.shown, source);
      try {
        const withPreset = autoPreset(kind, source, opened.header);
        const { rows, used, problems } = await loadRecords(connection, sla, {
          kind,
          source: withPreset,
          opened,
          shown: input.shown,
          timeZone: options.timeZone,
        });
        quality.push({ kind, file: input.shown, encoding: opened.encoding, delimiter: opened.delimiter, rows, used, problems });
      } finally {
        opened.remove();
      }
    }
    const actualsSource: MonthlyActuals = sources.actuals ?? {};
    const actuals = inputOf(options.actuals, actualsSource.file, options.baseDir, cwd);
    if (actuals) quality.push(await loadActuals(connection, sla, actualsSource, checkExport(actuals.path, actuals.shown, actuals.within), actuals.shown));
    return { connection, quality, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** The engine would fail deep in a query on a zone it does not know: said first, in one line. */
function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw new SlaError(message("source/time-zone", { zone: timeZone }));
  }
}

interface Input {
  path: string;
  shown: string;
  /** For a path the SLA file names: the folder links may not lead out of. */
  within?: string;
}

/**
 * The file to read: the command line's as named (the user chose it), else the SLA file's,
 * relative to it and kept inside its repository (a pull request can change that path).
 */
function inputOf(named: string | undefined, fromSla: string | undefined, baseDir: string, cwd: string): Input | undefined {
  if (named !== undefined) return { path: resolve(cwd, named), shown: named };
  if (fromSla === undefined) return undefined;
  const path = resolve(baseDir, fromSla);
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
  const root = repositoryRoot(baseDir) ?? baseDir;
  let within: string;
  try {
    within = realpathSync.native(root);
  } catch {
    within = root;
  }
  return { path, shown, within };
}

/**
 * A source without a preset or an id column of its own: the preset whose id column the
 * header has (HubSpot first), so that an export dropped beside the agreement just works.
 */
function autoPreset(kind: SourceKind, source: RecordExport, header: readonly string[]): RecordExport {
  if (source.preset !== undefined || source.columns?.id !== undefined) return source;
  const names = new Set(header.map((name) => name.toLowerCase()));
  for (const preset of Object.keys(PRESETS) as PresetName[]) {
    if ((PRESETS[preset][kind].columns.id ?? []).some((name) => names.has(name.toLowerCase()))) return { ...source, preset };
  }
  return source;
}
