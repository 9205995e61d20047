// Reading and validating one file of a `sla validate` call. Threads sharing a large call
// (check-many.ts) each check the files they claim with it.
import { createRequire } from "node:module";
import { SourceError } from "../../errors.js";
import { sortFindings } from "../../findings.js";
import type { FileReport } from "../../format/index.js";
import { checkAgreement } from "../../check.js";
import type { SlaConfig } from "../../validate/config.js";
import { readSource } from "../io.js";
import { wordFinding } from "../../i18n/worded.js";

export interface FileJob {
  /** What to read: a path, or `-` for standard input. */
  file: string;
  /** What to call it in the report. */
  name: string;
  /** The real path of the folder it was found in, which it must not link out of. */
  within?: string;
}

export interface FileResult {
  report: FileReport;
  /** The text, kept only when there are findings to show in context. */
  source?: string;
  unreadable: boolean;
  /** Warnings left out of the report by `--quiet`; `--max-warnings` still counts them. */
  hiddenWarnings?: number;
  /** With a cache: the hash of a text found clean (no finding at all). */
  cleanHash?: string;
}

export interface CheckOptions {
  config: SlaConfig;
  /** The language findings are worded in (English by default). */
  locale?: string;
  quiet: boolean;
  /** With `--cache`: the files found clean before, by name, with the hash of their text. */
  clean?: Readonly<Record<string, string>>;
}

export function checkFile(job: FileJob, options: CheckOptions): FileResult {
  let text: string;
  try {
    text = readSource(job.file, job.within);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    // Reported like any finding so machine formats carry it too; the exit code says 2.
    const finding = {
      ruleId: "file/unreadable",
      severity: "error" as const,
      ...wordFinding(error.said, undefined, options.locale ?? "en"),
      file: job.name,
      path: [],
    };
    return { report: { file: job.name, findings: [finding] }, unreadable: true };
  }
  const hash = options.clean && job.file !== "-" ? textHash(text) : undefined;
  if (hash !== undefined && options.clean?.[job.name] === hash) return { report: { file: job.name, findings: [] }, unreadable: false, cleanHash: hash };
  const { findings } = checkAgreement(job.name, text, { config: options.config, locale: options.locale });
  const cleanHash = findings.length === 0 ? hash : undefined;
  const shown = options.quiet ? findings.filter((f) => f.severity === "error") : findings;
  const hiddenWarnings = findings.length - shown.length;
  // Only files with findings keep their text: memory stays flat over thousands of valid files.
  return {
    report: { file: job.name, findings: sortFindings(shown) },
    source: shown.length ? text : undefined,
    unreadable: false,
    cleanHash,
    ...(hiddenWarnings ? { hiddenWarnings } : {}),
  };
}

// node:crypto costs a few milliseconds to load; only `--cache` needs it, then once per thread.
let createHash: typeof import("node:crypto").createHash | undefined;
function textHash(text: string): string {
  createHash ??= (createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto")).createHash;
  return createHash("sha1").update(text).digest("base64url");
}
