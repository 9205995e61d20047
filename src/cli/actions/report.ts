// `sla report`: load -> check -> measure -> format -> write. The agreement is checked as
// `sla validate` checks it; only a valid one is measured. The output file is written whole or
// not at all, so a failed run leaves the previous report as it was.
import { dirname, extname, resolve } from "node:path";
import { checkAgreement } from "../../check.js";
import { safeLocale } from "../../domain/text.js";
import { InputError, UsageError } from "../../errors.js";
import { sortFindings } from "../../findings.js";
import { loadPaint } from "../../format/paint.js";
import { languageOf } from "../../i18n/languages.js";
import { message } from "../../i18n/message.js";
import { resolveInputs, type Input } from "../../load/discover.js";
import { formatReport, type ReportFormat } from "../../report/format/index.js";
import { failsOn, type FailOn } from "../../report/gate.js";
import { runReportPipeline } from "../../report/run.js";
import { loadConfig } from "../../validate/config.js";
import { useColor } from "../color.js";
import { agreementExports, EXIT, readSource, refuseOutputOverInput, sourceDateEpoch } from "../io.js";
import { say, terminalLocale } from "../locale.js";
import { writeFileAtomic } from "../write-file.js";

export interface ReportCliOptions {
  leads?: string;
  deals?: string;
  actuals?: string;
  through?: string;
  format?: ReportFormat;
  output?: string;
  failOn?: FailOn;
  /** From `--breaches`: at most this many listed (Infinity: all); default: the format's. */
  breaches?: number;
  /** From `--locale`, already checked. */
  locale?: string;
  paper: "a4" | "letter";
  color?: boolean;
}

const EXTENSIONS: Record<string, ReportFormat> = {
  ".txt": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".json": "json",
};

export async function runReport(file: string | undefined, options: ReportCliOptions, now = new Date()): Promise<number> {
  const toFile = options.output !== undefined && options.output !== "-";
  const format = options.format ?? (toFile ? EXTENSIONS[extname(options.output!).toLowerCase()] : "text");
  if (!format) throw new UsageError(message("cli/report.unknown-format", { output: String(options.output) }));
  // A PDF on standard output suits a pipe or a redirect, never a terminal.
  if (format === "pdf" && !toFile && process.stdout.isTTY) throw new UsageError(message("cli/render.pdf-to-terminal"));

  const found = file === undefined ? await theOnlySlaFile() : undefined;
  const name = file ?? found!.file;
  const exports = [options.leads, options.deals, options.actuals].filter((f): f is string => f !== undefined);
  refuseOutputOverInput(options.output, [name, ...exports], "report");

  const config = loadConfig(process.cwd());
  const shownName = name === "-" ? "<stdin>" : name;
  const { parsed, sla, findings } = checkAgreement(shownName, readSource(name, found?.within), { config: config.config, locale: terminalLocale() });
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length || !sla) {
    const { formatStylish } = await import("../../format/stylish.js");
    process.stderr.write(
      formatStylish([{ file: shownName, findings: sortFindings(errors) }], {
        paint: await loadPaint(useColor(process.stderr, undefined)),
        sources: new Map([[shownName, parsed.text]]),
        locale: terminalLocale(),
      }),
    );
    process.stderr.write(`sla: ${say(message("cli/report.not-valid", { file: shownName }))}\n`);
    return EXIT.usage;
  }

  // Export paths in the agreement are relative to the agreement, as a template's are.
  const baseDir = name === "-" ? process.cwd() : dirname(resolve(name));
  refuseOutputOverInput(options.output, agreementExports(sla, baseDir, options), "report");

  const report = await runReportPipeline(sla, {
    file: shownName,
    baseDir,
    leads: options.leads,
    deals: options.deals,
    actuals: options.actuals,
    through: options.through,
    now,
  });
  const output = await formatReport(report, sla, format, {
    locale: reportLocale(options.locale, sla.agreement.language),
    paint: await loadPaint(format === "text" && !toFile ? useColor(process.stdout, options.color) : false),
    paper: options.paper === "letter" ? "Letter" : "A4",
    date: sourceDateEpoch() ?? now,
    breaches: options.breaches,
    onMissingGlyphs: (chars) => process.stderr.write(`sla: ${say(message("cli/render.missing-glyphs", { count: chars.length, chars: chars.join(" ") }))}\n`),
  });
  if (toFile) await writeFileAtomic(options.output!, output);
  else process.stdout.write(output);
  return failsOn(report, options.failOn) ? EXIT.findings : EXIT.ok;
}

/**
 * The report's language: `--locale`, else the agreement's (the scorecard belongs to the
 * agreement and its meeting, as the rendered agreement does), else English.
 */
export function reportLocale(option: string | undefined, agreementLanguage: string): string {
  if (option !== undefined) return option;
  const tag = safeLocale(agreementLanguage);
  return tag !== undefined && languageOf(tag) !== undefined ? tag : "en";
}

/** Without a file named: the repository's (or, outside one, the folder's) only SLA file. */
async function theOnlySlaFile(): Promise<Input> {
  const files = await resolveInputs([], process.cwd());
  if (files.length > 1) throw new InputError(message("cli/report.many-sla-files", { count: files.length, example: files[0]!.file }));
  return files[0]!;
}
