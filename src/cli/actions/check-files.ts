// Reading and validating the files of one `sla validate` call, one file at a time. Threads
// sharing a large call (check-many.ts) each run `checkClaimed` over the same job list.
import { SourceError } from "../../errors.js";
import { sortFindings } from "../../findings.js";
import type { FileReport } from "../../format/index.js";
import { parseSla } from "../../load/parse.js";
import type { SlaConfig } from "../../validate/config.js";
import { validateParsed } from "../../validate/index.js";
import { readSource } from "../io.js";

export interface FileJob {
  /** What to read: a path, or `-` for standard input. */
  file: string;
  /** What to call it in the report. */
  name: string;
}

export interface FileResult {
  report: FileReport;
  /** The text, kept only when there are findings to show in context. */
  source?: string;
  unreadable: boolean;
}

export interface CheckOptions {
  config: SlaConfig;
  quiet: boolean;
}

export function checkFile(job: FileJob, options: CheckOptions): FileResult {
  let text: string;
  try {
    text = readSource(job.file);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    // Reported like any finding so machine formats carry it too; the exit code says 2.
    const finding = { ruleId: "file/unreadable", severity: "error" as const, message: error.message, file: job.name, path: [] };
    return { report: { file: job.name, findings: [finding] }, unreadable: true };
  }
  let findings = validateParsed(parseSla(job.name, text), options.config);
  if (options.quiet) findings = findings.filter((f) => f.severity === "error");
  // Only files with findings keep their text: memory stays flat over thousands of valid files.
  return { report: { file: job.name, findings: sortFindings(findings) }, source: findings.length ? text : undefined, unreadable: false };
}

/**
 * Checks jobs until none is left, claiming each by its index from a counter that every thread
 * on the call shares, so a thread that starts late or reads slow files simply takes fewer.
 */
export function checkClaimed(
  jobs: readonly FileJob[],
  next: Int32Array,
  options: CheckOptions,
  onResult: (index: number, result: FileResult) => void,
): void {
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) onResult(index, checkFile(jobs[index]!, options));
}
